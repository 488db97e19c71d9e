// Throughput and peak memory of `papergraph extract` as a whole process, next to
// retext-keywords (with retext-pos) on the same documents in the same run.
//
//   npx tsx scripts/bench-extract.ts [FILE.jsonl | DOCS]
//
// FILE.jsonl: a corpus of JSONL papers {id, title, abstract, …}, e.g. the real
// NeurIPS/ICML/ICLR abstracts (../shared/corpora/neurips-icml-iclr-1987-2019.jsonl):
// `papergraph extract FILE > /dev/null` reads, cleans, de-duplicates and extracts it.
// DOCS (default 10,000): the Inspec dev set repeated under new ids up to DOCS abstracts.
// Wall time and peak RSS (VmHWM, covering worker threads) are of each whole process;
// docs/s counts the input records. The last line is the ratio of the two docs/s.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedFile } from './sharedFile.ts';
import { measureProcess, type ProcessMeasure } from './measure.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));
const argument = process.argv[2] ?? '10000';
const dir = mkdtempSync(join(tmpdir(), 'bench-extract-'));

let file: string;
let description: string;
if (/^\d+$/.test(argument)) {
  const count = Number(argument);
  const base = readFileSync(sharedFile('eval/inspec-dev.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as { title: string; abstract: string });
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const { title, abstract } = base[i % base.length];
    lines.push(JSON.stringify({ id: `bench-${i}`, title, abstract }));
  }
  file = join(dir, 'abstracts.jsonl');
  writeFileSync(file, lines.join('\n') + '\n');
  description = `${count} abstracts (Inspec dev set repeated, new ids)`;
} else {
  file = argument;
  description = file;
}
const count = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim().length > 0).length;

const retextRunner = join(dir, 'retext.mjs');
writeFileSync(
  retextRunner,
  `import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(${JSON.stringify(join(repo, 'package.json'))});
const load = async (name) => import(require.resolve(name));
const { retext } = await load('retext');
const retextPos = (await load('retext-pos')).default;
const retextKeywords = (await load('retext-keywords')).default;
const processor = retext().use(retextPos).use(retextKeywords, { maximum: 15 });
for (const line of readFileSync(process.argv[2], 'utf8').split('\\n')) {
  if (!line.trim()) continue;
  const { title, abstract } = JSON.parse(line);
  const file = await processor.process((title ?? '') + '.\\n\\n' + (abstract ?? ''));
  process.stdout.write(String(file.data.keyphrases?.length ?? 0) + '\\n');
}
`,
);

function check(name: string, run: ProcessMeasure): ProcessMeasure {
  if (run.code !== 0) throw new Error(`${name} exited with ${run.code}: ${run.stderr}`);
  return run;
}

const ours = check('papergraph extract', await measureProcess('node', [join(repo, 'bin/papergraph.mjs'), 'extract', file]));
const reference = check('retext-keywords', await measureProcess('node', [retextRunner, file]));

console.log(`${description}: ${count} records, ${(readFileSync(file).length / 1e6).toFixed(1)} MB`);
console.log('papergraph path: node bin/papergraph.mjs extract FILE > /dev/null');
console.log(['system'.padEnd(16), 'seconds', 'docs/s', 'peak RSS MB (main thread + workers)'].join('\t'));
const rate = (run: ProcessMeasure) => count / (run.wallMs / 1000);
for (const [name, run] of [
  ['papergraph', ours],
  ['retext-keywords', reference],
] as const) {
  console.log([name.padEnd(16), (run.wallMs / 1000).toFixed(1), rate(run).toFixed(0), String(run.peakRssMb)].join('\t'));
}
console.log(`ratio papergraph/retext-keywords docs/s: ${(rate(ours) / rate(reference)).toFixed(2)}`);
