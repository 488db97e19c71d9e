// Keyphrase evaluation of the concept extractor against gold keyphrases.
//
//   npx tsx scripts/eval-extract.ts [FILE]     (default ../shared/eval/inspec-dev.jsonl)
//
// FILE: JSONL {id, title, abstract, keys}. Our side runs through the same code path as
// `papergraph extract` (the CLI when src/cli.ts exists, else `extractJsonl` in-process;
// the path used is printed). retext-keywords (with retext-pos) runs on the same
// documents as the reference row. Matching is exact after lower-casing, hyphens to
// spaces, punctuation removed and a Porter (1980) stem per word. Precision@k divides by
// the number of predictions made (at most k); all figures are macro-averaged over
// documents, in percent.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { retext } from 'retext';
import retextKeywords from 'retext-keywords';
import retextPos from 'retext-pos';
import { extractJsonl } from '../src/extract/index.ts';
import { porterStem } from '../src/extract/porter.ts';

interface GoldDocument {
  id: string;
  title: string;
  abstract: string;
  keys: string[];
}

const repo = fileURLToPath(new URL('..', import.meta.url));
const file = process.argv[2] ?? new URL('../../shared/eval/inspec-dev.jsonl', import.meta.url).pathname;

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

async function ours(documents: GoldDocument[]): Promise<{ path: string; predictions: string[][] }> {
  const input = documents.map(({ id, title, abstract }) => ({ id, title, abstract }));
  const lines: string[] = [];
  let path: string;
  if (existsSync(new URL('../src/cli.ts', import.meta.url))) {
    path = 'node bin/papergraph.mjs extract - (CLI)';
    const result = spawnSync('node', ['bin/papergraph.mjs', 'extract', '-'], {
      cwd: repo,
      input: input.map((d) => JSON.stringify(d)).join('\n') + '\n',
      maxBuffer: 1 << 30,
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`papergraph extract failed (${result.status}): ${result.stderr}`);
    lines.push(...result.stdout.split('\n').filter((line) => line.trim().length > 0));
  } else {
    path = 'extractJsonl in-process (src/cli.ts not present yet)';
    async function* papers() {
      yield* input;
    }
    await extractJsonl(papers(), (line) => {
      lines.push(line);
    });
  }
  const byId = new Map<string, string[]>();
  for (const line of lines) {
    const record = JSON.parse(line) as { id: string; concepts: { label: string }[] };
    byId.set(String(record.id), record.concepts.map((concept) => concept.label));
  }
  return { path, predictions: documents.map((d) => byId.get(d.id) ?? []) };
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

const documents = readGold(file);
const gold = documents.map((d) => d.keys);
const ourRun = await ours(documents);
const reference = await retextKeyphrases(documents);

const rows: [string, string[][]][] = [
  ['papergraph', ourRun.predictions],
  ['retext-keywords', reference],
];
console.log(`${file}: ${documents.length} documents, ${(gold.flat().length / documents.length).toFixed(1)} gold keys each`);
console.log(`papergraph path: ${ourRun.path}`);
console.log(['system'.padEnd(16), 'P@5', 'R@5', 'F1@5', 'P@10', 'R@10', 'F1@10', 'P@all', 'R@all', 'F1@all', 'n/doc'].join('\t'));
const results = rows.map(([name, predictions]) => {
  const at = [5, 10, undefined].map((k) => score(predictions, gold, k));
  const perDoc = predictions.reduce((sum, p) => sum + p.length, 0) / predictions.length;
  console.log([name.padEnd(16), ...at.flatMap((s) => [s.p, s.r, s.f].map((x) => x.toFixed(1))), perDoc.toFixed(1)].join('\t'));
  return at;
});
const ratio = (i: number) => (results[0][i].f / Math.max(results[1][i].f, 1e-9)).toFixed(2);
console.log(`ratio papergraph/retext-keywords F1: @5 ${ratio(0)}  @10 ${ratio(1)}  @all ${ratio(2)}`);
