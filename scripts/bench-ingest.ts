// End-to-end ingest at scale: `papergraph ingest` as a whole process on the real
// NeurIPS/ICML/ICLR corpus (12,717 papers), the real 85k corpus (85,160 papers from 21
// venues, gzipped JSONL) and 200,000 papers (the 85k repeated under new ids and titles),
// each into a fresh embedded store; then 1,000 new papers added to each stored corpus
// (incremental ingest through the extraction cache). Beside each ingest, retext-keywords
// (with retext-pos) extracts keywords from the same abstracts in the same run: the ratio
// is papergraph's ingest papers/s to retext's extraction docs/s. Prints papers/s, the
// ratio, peak RSS (VmHWM, worker threads included), the store's size on disk, and how
// time and memory grow from point to point, with what 1M papers would take.
//
//   npx tsx scripts/bench-ingest.ts [--sizes 12k,85k,200k] [--more 1000] [--retext-sample N] [--keep DIR]
//
// --retext-sample N times retext on the first N abstracts of each input only (its rate
// is per document and flat in corpus size); default: all of them.
import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';
import { measureProcess, type ProcessMeasure } from './measure.ts';
import { sharedFile } from './sharedFile.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '12k,85k,200k' },
    more: { type: 'string', default: '1000' },
    'retext-sample': { type: 'string' },
    keep: { type: 'string' },
  },
});
const repo = path.resolve(import.meta.dirname, '..');
const bin = path.join(repo, 'bin/papergraph.mjs');
const work = values.keep ?? mkdtempSync(path.join(os.tmpdir(), 'papergraph-bench-ingest-'));
mkdirSync(work, { recursive: true });
const more = Number(values.more);
const retextSample = values['retext-sample'] ? Number(values['retext-sample']) : Infinity;

interface PaperLine {
  id: string;
  title: string;
  abstract: string;
  [key: string]: unknown;
}

async function* readJsonl(file: string): AsyncGenerator<PaperLine> {
  const input = file.endsWith('.gz') ? createReadStream(file).pipe(createGunzip()) : createReadStream(file);
  for await (const line of createInterface({ input, crlfDelay: Infinity })) if (line.trim()) yield JSON.parse(line) as PaperLine;
}

async function writeJsonl(file: string, records: AsyncIterable<PaperLine> | Iterable<PaperLine>): Promise<number> {
  const out = createWriteStream(file);
  let n = 0;
  for await (const record of records) {
    if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, 'drain');
    n++;
  }
  out.end();
  await once(out, 'finish');
  return n;
}

/** The 85k corpus `copies` times; copy k > 0 under new ids and titles (else de-duplication folds the copies together). */
async function* repeated(file: string, total: number): AsyncGenerator<PaperLine> {
  let n = 0;
  for (let copy = 0; n < total; copy++) {
    for await (const paper of readJsonl(file)) {
      if (n++ >= total) return;
      yield copy === 0 ? paper : { ...paper, id: `${paper.id}-copy${copy}`, title: `${paper.title} (copy ${copy})` };
    }
  }
}

const inputs: Record<string, () => Promise<{ file: string; description: string }>> = {
  '12k': async () => ({ file: sharedFile('corpora/neurips-icml-iclr-1987-2019.jsonl'), description: 'NeurIPS/ICML/ICLR 1987–2019, real' }),
  '85k': async () => ({ file: sharedFile('corpora/paperlists-85k.jsonl.gz'), description: 'paperlists 85k, 21 venues, real, gzipped' }),
  '200k': async () => {
    const file = path.join(work, 'papers-200k.jsonl');
    if (!existsSync(file)) await writeJsonl(file, repeated(sharedFile('corpora/paperlists-85k.jsonl.gz'), 200_000));
    return { file, description: 'the 85k repeated under new ids and titles' };
  },
};

const retextRunner = path.join(work, 'retext.mjs');
writeFileSync(
  retextRunner,
  `import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
const require = createRequire(${JSON.stringify(path.join(repo, 'package.json'))});
const load = async (name) => import(require.resolve(name));
const { retext } = await load('retext');
const retextPos = (await load('retext-pos')).default;
const retextKeywords = (await load('retext-keywords')).default;
const processor = retext().use(retextPos).use(retextKeywords, { maximum: 15 });
const [file, limit] = [process.argv[2], Number(process.argv[3])];
const input = file.endsWith('.gz') ? createReadStream(file).pipe(createGunzip()) : createReadStream(file);
let n = 0;
const started = performance.now();
for await (const line of createInterface({ input, crlfDelay: Infinity })) {
  if (!line.trim()) continue;
  if (n >= limit) break;
  const { title, abstract } = JSON.parse(line);
  await processor.process((title ?? '') + '.\\n\\n' + (abstract ?? ''));
  n++;
}
console.log(JSON.stringify({ docs: n, ms: performance.now() - started }));
`,
);

function check(name: string, run: ProcessMeasure): ProcessMeasure {
  if (run.code !== 0) throw new Error(`${name} exited with ${run.code}: ${run.stderr.slice(-2000)}`);
  return run;
}

function bytesUnder(target: string): number {
  if (!existsSync(target)) return 0;
  const info = statSync(target);
  if (!info.isDirectory()) return info.size;
  return readdirSync(target).reduce((sum, name) => sum + bytesUnder(path.join(target, name)), 0);
}

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
const summaryLine = (run: ProcessMeasure) => run.stdout.trim().split('\n').pop() ?? '';
/** The CLI's per-stage times (stderr, when not on a terminal): "read 1.2 s · extract … · store …". */
const stageLine = (run: ProcessMeasure) => /papergraph ingest: (read .*)/.exec(run.stderr)?.[1] ?? '';
const load = () => os.loadavg()[0].toFixed(1);

interface Point {
  size: string;
  papers: number;
  wallS: number;
  cpuS: number;
  rate: number;
  retextCpuS: number;
  retextDocs: number;
  retextRate: number;
  peakMb: number;
  storeMb: number;
  cacheMb: number;
  moreS: number | null;
  moreCpuS: number | null;
  morePeakMb: number | null;
}

console.log(`machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; work dir ${work}`);
const points: Point[] = [];
for (const size of values.sizes!.split(',')) {
  const make = inputs[size];
  if (!make) throw new Error(`unknown size ${size} (known: ${Object.keys(inputs).join(', ')})`);
  const { file, description } = await make();
  const db = path.join(work, `store-${size}`);
  rmSync(db, { recursive: true, force: true });
  const loadBefore = load();
  const ingest = check('papergraph ingest', await measureProcess(process.execPath, [bin, 'ingest', file, '--db', db]));
  console.log(`  ${size} ingest: load ${loadBefore} → ${load()}; stages: ${stageLine(ingest)}`);
  const papers = Number(/: (\d+) papers/.exec(summaryLine(ingest))?.[1] ?? NaN);
  const cacheMb = mb(bytesUnder(path.join(db, 'extraction-cache')));
  const storeMb = mb(bytesUnder(db)) - cacheMb;
  const retextRun = check('retext-keywords', await measureProcess(process.execPath, [retextRunner, file, String(retextSample)]));
  const retext = JSON.parse(retextRun.stdout) as { docs: number; ms: number };
  let moreS: number | null = null;
  let moreCpuS: number | null = null;
  let morePeakMb: number | null = null;
  if (more > 0) {
    // New papers: real ones the input lacks (from the 85k corpus), else, when it has them
    // all, the input's first papers as follow-ups under new ids and titles; none is cached.
    const extra = path.join(work, `more-${size}.jsonl`);
    const known = new Set<string>();
    for await (const paper of readJsonl(file)) known.add(paper.id);
    const fresh = async function* () {
      let n = 0;
      for await (const paper of readJsonl(sharedFile('corpora/paperlists-85k.jsonl.gz'))) {
        if (n >= more) return;
        if (known.has(paper.id)) continue;
        n++;
        yield paper;
      }
      for await (const paper of readJsonl(file)) {
        if (n++ >= more) return;
        yield { ...paper, id: `${paper.id}-new`, title: `${paper.title}: a follow-up` };
      }
    };
    await writeJsonl(extra, fresh());
    const added = check('papergraph ingest (more)', await measureProcess(process.execPath, [bin, 'ingest', extra, '--db', db]));
    moreS = added.wallMs / 1000;
    moreCpuS = added.cpuMs / 1000;
    morePeakMb = added.peakRssMb;
    console.log(`  +${more}: ${summaryLine(added).slice(0, 300)}`);
    console.log(`  +${more}: ${moreS.toFixed(1)} s wall, ${moreCpuS.toFixed(1)} s CPU, load ${load()}; stages: ${stageLine(added)}`);
  }
  const point: Point = {
    size,
    papers,
    wallS: ingest.wallMs / 1000,
    cpuS: ingest.cpuMs / 1000,
    rate: papers / (ingest.wallMs / 1000),
    retextCpuS: retextRun.cpuMs / 1000,
    retextDocs: retext.docs,
    retextRate: retext.docs / (retext.ms / 1000),
    peakMb: ingest.peakRssMb,
    storeMb,
    cacheMb,
    moreS,
    moreCpuS,
    morePeakMb,
  };
  points.push(point);
  console.log(`${size} (${description}): ${summaryLine(ingest).slice(0, 400)}`);
  console.log(
    `  ${papers} papers in ${point.wallS.toFixed(1)} s = ${point.rate.toFixed(0)} papers/s; retext-keywords ${point.retextRate.toFixed(0)} docs/s on ${retext.docs} of the same abstracts → ×${(point.rate / point.retextRate).toFixed(2)}; ` +
      `peak RSS ${point.peakMb} MB; store ${storeMb} MB + extraction cache ${cacheMb} MB` +
      (moreS !== null ? `; +${more} papers: ${moreS.toFixed(1)} s (${((100 * moreS) / point.wallS).toFixed(0)}% of the full ingest), peak ${morePeakMb} MB` : ''),
  );
  // Per CPU second, which the machine's other work does not inflate as it does wall time
  // (retext's CPU includes its start-up, a second or so).
  console.log(
    `  CPU: ingest ${point.cpuS.toFixed(1)} s = ${(papers / point.cpuS).toFixed(0)} papers per CPU s; retext ${point.retextCpuS.toFixed(1)} s = ${(point.retextDocs / point.retextCpuS).toFixed(0)} docs per CPU s → ×${(papers / point.cpuS / (point.retextDocs / point.retextCpuS)).toFixed(2)}` +
      (moreCpuS !== null ? `; +${more} papers ${moreCpuS.toFixed(1)} CPU s (${((100 * moreCpuS) / point.cpuS).toFixed(0)}% of the full ingest's CPU)` : ''),
  );
}

console.log('\n| input | papers | wall s | papers/s | retext docs/s | ratio | peak RSS MB | store MB | cache MB | +1,000 papers s (% of full) |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const p of points) {
  console.log(
    `| ${p.size} | ${p.papers} | ${p.wallS.toFixed(1)} | ${p.rate.toFixed(0)} | ${p.retextRate.toFixed(0)} | ×${(p.rate / p.retextRate).toFixed(2)} | ${p.peakMb} | ${p.storeMb} | ${p.cacheMb} | ${p.moreS === null ? '–' : `${p.moreS.toFixed(1)} (${((100 * p.moreS) / p.wallS).toFixed(0)}%)`} |`,
  );
}
// Growth as a power law between consecutive points (exponent 1 = linear), and 1M papers
// extrapolated from the last two points.
for (let i = 1; i < points.length; i++) {
  const [a, b] = [points[i - 1], points[i]];
  const exponent = (x: number, y: number) => Math.log(y / x) / Math.log(b.papers / a.papers);
  console.log(`${a.size} → ${b.size}: time ∝ papers^${exponent(a.wallS, b.wallS).toFixed(2)}, peak RSS ∝ papers^${exponent(a.peakMb, b.peakMb).toFixed(2)}, store ∝ papers^${exponent(a.storeMb, b.storeMb).toFixed(2)}`);
}
if (points.length >= 2) {
  const [a, b] = points.slice(-2);
  const at1M = (x: number, y: number) => y * (1_000_000 / b.papers) ** (Math.log(y / x) / Math.log(b.papers / a.papers));
  console.log(`1M papers, extrapolated from ${a.size} and ${b.size}: ~${(at1M(a.wallS, b.wallS) / 60).toFixed(0)} min, peak RSS ~${(at1M(a.peakMb, b.peakMb) / 1024).toFixed(1)} GB, store ~${(at1M(a.storeMb, b.storeMb) / 1024).toFixed(1)} GB`);
}
if (!values.keep) rmSync(work, { recursive: true, force: true });
