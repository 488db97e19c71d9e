// Keyphrase evaluation of the concept extractor against gold keyphrases, next to
// baselines run on the same documents in the same run.
//
//   npx tsx scripts/eval-extract.ts [FILE…]
//
// Default: both gold sets of shared/eval/, the Inspec dev set (indexers' keys) and ICLR
// 2018 (authors' own keywords). FILE: JSONL {id, title, abstract, keys}. Systems:
// - papergraph, through `papergraph extract -` (the CLI path), each gold set a corpus;
// - retext-keywords (with retext-pos), the npm baseline;
// - YAKE (Campos et al. 2020) when Python has it (`pip install yake==0.7.3`; python from
//   $PYTHON, default python3): scripts/yake-keyphrases.py. Never a product dependency.
// Matching, as shared/eval/README.md sets it: exact, after lower-casing, hyphens to
// spaces, punctuation removed and a Porter (1980) stem per word. Precision@k divides by
// the number of predictions made (at most k); all figures are macro-averaged over
// documents, in percent. The last lines give papergraph/retext-keywords F1 ratios.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { retext } from 'retext';
import retextKeywords from 'retext-keywords';
import retextPos from 'retext-pos';
import { porterStem } from '../src/extract/porter.ts';
import { sharedFile } from './sharedFile.ts';

interface GoldDocument {
  id: string;
  title: string;
  abstract: string;
  keys: string[];
}

const repo = fileURLToPath(new URL('..', import.meta.url));
const files = process.argv.length > 2 ? process.argv.slice(2) : [sharedFile('eval/inspec-dev.jsonl'), sharedFile('eval/iclr2018-keywords.jsonl')];
const python = process.env.PYTHON ?? 'python3';

function readGold(path: string): GoldDocument[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => [line, i + 1] as const)
    .filter(([line]) => line.trim().length > 0)
    .map(([line, number]) => {
      try {
        const document = JSON.parse(line) as GoldDocument;
        if (typeof document.abstract !== 'string' || !Array.isArray(document.keys)) throw new Error('expected {id, title, abstract, keys[]}');
        return { ...document, id: String(document.id), title: document.title ?? '' };
      } catch (error) {
        throw new Error(`${path}:${number}: ${(error as Error).message}`);
      }
    });
}

export function matchKey(phrase: string): string {
  return phrase
    .toLowerCase()
    .replace(/[-\u2010-\u2015]/g, ' ')
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .map(porterStem)
    .join(' ');
}

interface Scores {
  p: number;
  r: number;
  f: number;
}

function score(predictions: string[][], gold: string[][], k: number | undefined): Scores {
  let p = 0;
  let r = 0;
  let f = 0;
  predictions.forEach((predicted, i) => {
    const truth = new Set(gold[i].map(matchKey));
    const seen = new Set<string>();
    const ranked: string[] = [];
    for (const phrase of predicted) {
      const key = matchKey(phrase);
      if (key.length > 0 && !seen.has(key)) {
        seen.add(key);
        ranked.push(key);
      }
    }
    const top = k === undefined ? ranked : ranked.slice(0, k);
    const hits = top.filter((key) => truth.has(key)).length;
    const precision = top.length > 0 ? hits / top.length : 0;
    const recall = truth.size > 0 ? hits / truth.size : 0;
    p += precision;
    r += recall;
    f += precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  });
  const n = predictions.length;
  return { p: (100 * p) / n, r: (100 * r) / n, f: (100 * f) / n };
}

const jsonl = (documents: GoldDocument[]) => documents.map(({ id, title, abstract }) => JSON.stringify({ id, title, abstract })).join('\n') + '\n';

function byId(documents: GoldDocument[], stdout: string, keysOf: (record: Record<string, unknown>) => string[]): string[][] {
  const found = new Map<string, string[]>();
  for (const line of stdout.split('\n')) {
    if (line.trim().length === 0) continue;
    const record = JSON.parse(line) as Record<string, unknown>;
    found.set(String(record.id), keysOf(record));
  }
  return documents.map((d) => found.get(d.id) ?? []);
}

function papergraph(documents: GoldDocument[]): string[][] {
  const result = spawnSync('node', ['bin/papergraph.mjs', 'extract', '-'], { cwd: repo, input: jsonl(documents), maxBuffer: 1 << 30, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`papergraph extract failed (${result.status}): ${result.stderr}`);
  return byId(documents, result.stdout, (record) => (record.concepts as { label: string }[]).map((concept) => concept.label));
}

function yake(documents: GoldDocument[]): string[][] | string {
  const script = fileURLToPath(new URL('./yake-keyphrases.py', import.meta.url));
  const result = spawnSync(python, [script], { input: jsonl(documents), maxBuffer: 1 << 30, encoding: 'utf8' });
  if (result.error || result.status !== 0) return `not run (${python} ${basename(script)}: ${result.error?.message ?? result.stderr.trim().split('\n').pop()}; pip install yake==0.7.3)`;
  return byId(documents, result.stdout, (record) => record.keys as string[]);
}

interface NlcstNode {
  value?: string;
  children?: NlcstNode[];
}
const nodeText = (node: NlcstNode): string => node.value ?? (node.children ?? []).map(nodeText).join('');

async function retextKeyphrases(documents: GoldDocument[]): Promise<string[][]> {
  const processor = retext().use(retextPos).use(retextKeywords, { maximum: 15 });
  const out: string[][] = [];
  for (const document of documents) {
    const file = await processor.process(`${document.title}.\n\n${document.abstract}`);
    const phrases = (file.data.keyphrases ?? []) as { score: number; matches: { nodes: NlcstNode[] }[] }[];
    out.push([...phrases].sort((a, b) => b.score - a.score).map((phrase) => phrase.matches[0].nodes.map(nodeText).join('')));
  }
  return out;
}

const header = ['gold set'.padEnd(26), 'system'.padEnd(16), 'P@5', 'R@5', 'F1@5', 'P@10', 'R@10', 'F1@10', 'P@all', 'R@all', 'F1@all', 'n/doc'];
const table: string[] = [header.join('\t')];
const notes: string[] = [];
for (const file of files) {
  const documents = readGold(file);
  const gold = documents.map((d) => d.keys);
  const name = basename(file, '.jsonl');
  notes.push(`${name}: ${documents.length} documents, ${(gold.flat().length / documents.length).toFixed(1)} gold keys each (${file})`);
  const systems: [string, string[][] | string][] = [
    ['papergraph', papergraph(documents)],
    ['retext-keywords', await retextKeyphrases(documents)],
    ['YAKE', yake(documents)],
  ];
  const f1 = new Map<string, Scores[]>();
  for (const [system, predictions] of systems) {
    if (typeof predictions === 'string') {
      notes.push(`${name}: ${system} ${predictions}`);
      continue;
    }
    const at = [5, 10, undefined].map((k) => score(predictions, gold, k));
    f1.set(system, at);
    const perDoc = predictions.reduce((sum, p) => sum + p.length, 0) / predictions.length;
    table.push([name.padEnd(26), system.padEnd(16), ...at.flatMap((s) => [s.p, s.r, s.f].map((x) => x.toFixed(1))), perDoc.toFixed(1)].join('\t'));
  }
  const ours = f1.get('papergraph')!;
  const reference = f1.get('retext-keywords')!;
  const ratio = (i: number) => (ours[i].f / Math.max(reference[i].f, 1e-9)).toFixed(2);
  notes.push(`${name}: papergraph/retext-keywords F1 @5 ${ratio(0)}  @10 ${ratio(1)}  @all ${ratio(2)}`);
}
console.log('papergraph path: node bin/papergraph.mjs extract - (the CLI), each gold set one corpus');
console.log(table.join('\n'));
console.log(notes.join('\n'));
