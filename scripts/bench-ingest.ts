// End-to-end ingest throughput: `papergraph ingest` as a whole process on 10,000
// and 100,000 papers (the Inspec dev abstracts repeated under new ids and titles),
// into a fresh embedded store each time. Prints papers/s and peak memory.
//
//   npx tsx scripts/bench-ingest.ts [--sizes 10000,100000] [--source FILE]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { measureProcess } from './measure.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    source: { type: 'string', default: path.resolve(import.meta.dirname, '../../shared/eval/inspec-dev.jsonl') },
  },
});
const sizes = values.sizes!.split(',').map(Number);
const base = readFileSync(values.source!, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { title: string; abstract: string });
const bin = path.resolve(import.meta.dirname, '../bin/papergraph.mjs');

console.log(`source: ${values.source} (${base.length} abstracts), machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB`);
console.log('papers    wall s   papers/s  peak RSS MB  result');
for (const size of sizes) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'papergraph-bench-ingest-'));
  const input = path.join(dir, 'papers.jsonl');
  const lines: string[] = [];
  for (let i = 0; i < size; i++) {
    const doc = base[i % base.length];
    const round = Math.floor(i / base.length);
    // A distinct title per copy, or de-duplication would fold the copies together.
    lines.push(JSON.stringify({ id: `bench-${i}`, title: round ? `${doc.title} (${round})` : doc.title, abstract: doc.abstract, year: 1990 + (i % 35) }));
  }
  writeFileSync(input, `${lines.join('\n')}\n`);
  const m = await measureProcess(process.execPath, [bin, 'ingest', input, '--db', path.join(dir, 'store')]);
  const summary = (m.code === 0 ? m.stdout.trim().split('\n').pop() : m.stderr.trim().split('\n').pop()) ?? '';
  console.log(
    `${String(size).padStart(7)}  ${(m.wallMs / 1000).toFixed(1).padStart(7)}  ${(size / (m.wallMs / 1000)).toFixed(0).padStart(9)}  ${String(m.peakRssMb).padStart(11)}  ${m.code === 0 ? 'ok' : `exit ${m.code}`}: ${summary.slice(0, 600)}`,
  );
  rmSync(dir, { recursive: true, force: true });
}
