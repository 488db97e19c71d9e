// Throughput and peak memory of `papergraph extract` as a whole process, next to
// retext-keywords (with retext-pos) on the same documents in the same run.
//
//   npx tsx scripts/bench-extract.ts [FILE.jsonl | DOCS] [--rounds N] [--workers N] [--against DIR]
//
// FILE.jsonl: a corpus of JSONL papers {id, title, abstract, …}, e.g. the real
// NeurIPS/ICML/ICLR abstracts (../shared/corpora/neurips-icml-iclr-1987-2019.jsonl):
// `papergraph extract FILE > /dev/null` reads, cleans, de-duplicates and extracts it.
// DOCS (default 10,000): the Inspec dev set repeated under new ids up to DOCS abstracts.
// Wall time, CPU time and peak RSS (covering worker threads) are of each whole process;
// docs/s counts the input records. papergraph tags in worker threads (2 by default,
// --workers N passes on) while its main thread builds; retext-keywords runs on one
// thread. With --rounds N the two alternate N times and each figure is the median, so
// a burst of load from other processes does not fall on one system only. The last
// lines are the ratios of the two docs/s, by wall time and by CPU time. --against DIR
// also runs the papergraph of another checkout (DIR/bin/papergraph.mjs, e.g. main
// before a change) in every round, for a before/after ratio from the same run.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedFile } from './sharedFile.ts';
import { measureProcess, type ProcessMeasure } from './measure.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at < 0 ? undefined : args.splice(at, 2)[1];
};
const rounds = Number(option('--rounds') ?? 1);
const workers = option('--workers');
const against = option('--against');
const argument = args[0] ?? '10000';
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

const extractArgs = (checkout: string) => [join(checkout, 'bin/papergraph.mjs'), 'extract', file, ...(workers ? ['--workers', workers] : [])];
const systems: [string, string[]][] = [
  ['papergraph', extractArgs(repo)],
  ...(against ? [[`papergraph (${against})`, extractArgs(against)] as [string, string[]]] : []),
  ['retext-keywords', [retextRunner, file]],
];
const runs = new Map<string, ProcessMeasure[]>(systems.map(([name]) => [name, []]));
for (let round = 0; round < rounds; round++) {
  for (const [name, args] of systems) runs.get(name)!.push(check(name, await measureProcess('node', args)));
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const summary = (list: ProcessMeasure[]) => ({
  wall: median(list.map((run) => run.wallMs)) / 1000,
  cpu: median(list.map((run) => run.cpuMs)) / 1000,
  rss: median(list.map((run) => run.peakRssMb)),
});
const results = systems.map(([name]) => [name, summary(runs.get(name)!)] as const);
const reference = results[results.length - 1][1];

console.log(`${description}: ${count} records, ${(readFileSync(file).length / 1e6).toFixed(1)} MB, ${rounds} round(s), medians`);
console.log(`papergraph path: node bin/papergraph.mjs extract FILE${workers ? ` --workers ${workers}` : ''} > /dev/null`);
console.log(['system'.padEnd(24), 'wall s', 'docs/s', 'CPU s', 'docs/CPU s', 'peak RSS MB (main thread + workers)'].join('\t'));
for (const [name, run] of results) {
  console.log([name.padEnd(24), run.wall.toFixed(1), (count / run.wall).toFixed(0), run.cpu.toFixed(1), (count / run.cpu).toFixed(0), String(run.rss)].join('\t'));
}
for (const [name, run] of results.slice(0, -1)) {
  console.log(`ratio ${name}/retext-keywords docs/s (wall): ${(reference.wall / run.wall).toFixed(2)}`);
  console.log(`ratio ${name}/retext-keywords docs per CPU second: ${(reference.cpu / run.cpu).toFixed(2)}`);
}
