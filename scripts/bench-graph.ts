// Benchmark of the graph build on the 12.7k-paper NeurIPS/ICML/ICLR corpus: time per
// phase, concepts, edges before and after pruning, communities, peak memory, and how
// the pruning treats the ~2,000 concepts the explorer draws.
//
//   npx tsx scripts/bench-graph.ts [--corpus FILE] [--limit N] [--top-k N] [--min-papers N] [--per-paper N]
//   (--limit keeps the first N papers; the others override the pruning defaults)
//
// Papers and extraction come from the real write side (readCorpus, dedupePapers,
// extractCorpus), so the figures are those of `papergraph ingest` minus the store. On
// maps of 5,000 concepts or more betweenness and the layout run on worker threads, so
// their phases are the waits for them, last, and CPU counts every thread.
import { parseArgs } from 'node:util';
import { dedupePapers, readCorpus } from '../src/corpus/index.ts';
import { extractCorpus } from '../src/extract/index.ts';
import { buildGraph } from '../src/graph/buildGraph.ts';
import { countCooccurrences, listPairs } from '../src/graph/cooccurrence.ts';
import type { Concept } from '../src/graph/model.ts';

const { values: args } = parseArgs({
  options: {
    corpus: { type: 'string', default: '/work/shared/corpora/neurips-icml-iclr-1987-2019.jsonl' },
    limit: { type: 'string' },
    'top-k': { type: 'string' },
    'min-papers': { type: 'string' },
    'per-paper': { type: 'string' },
  },
});
const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

let started = performance.now();
const read = await readCorpus([args.corpus!]);
const papers = dedupePapers(read.records).papers.slice(0, number(args.limit) ?? Infinity);
console.log(`corpus      ${papers.length} papers (${args.corpus}; ${read.problems.length} input problems), ${seconds(performance.now() - started)}`);
started = performance.now();
const extraction = await extractCorpus(papers);
console.log(`extraction  ${extraction.concepts.length} concepts, ${extraction.mentions.length} mentions, ${seconds(performance.now() - started)}`);

const association = {
  ...(args['top-k'] && { topK: number(args['top-k']) }),
  ...(args['min-papers'] && { minPapers: number(args['min-papers']) }),
};
const cooccurrence = args['per-paper'] ? { maxConceptsPerPaper: number(args['per-paper']) } : undefined;
const unpruned = listPairs(countCooccurrences(extraction.mentions, cooccurrence));

const phases: [string, number][] = [];
// buildGraph is synchronous, so memory is sampled where it reports a phase.
let peakRss = process.memoryUsage().rss;
const cpuBefore = process.cpuUsage();
started = performance.now();
const graph = await buildGraph(papers, extraction, {
  association,
  cooccurrence,
  onPhase: (phase) => {
    phases.push([phase, performance.now()]);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  },
});
const finished = performance.now();
const cpu = process.cpuUsage(cpuBefore);
peakRss = Math.max(peakRss, process.memoryUsage().rss);

console.log('\nphase          time');
phases.forEach(([phase, at], i) => console.log(`${phase.padEnd(14)} ${seconds((phases[i + 1]?.[1] ?? finished) - at)}`));
// CPU of every thread: betweenness and the layout run on worker threads on large maps.
console.log(`${'total'.padEnd(14)} ${seconds(finished - started)} wall, ${seconds((cpu.user + cpu.system) / 1000)} CPU (all threads)`);

const communitySizes = new Map<number, number>();
for (const c of graph.concepts) communitySizes.set(c.community, (communitySizes.get(c.community) ?? 0) + 1);
const linked = new Set(graph.cooccurrences.flatMap((e) => [e.source, e.target]));
console.log(`\nconcepts      ${graph.concepts.length} (${graph.concepts.length - linked.size} without an edge)`);
console.log(`mentions      ${graph.mentions.length}`);
console.log(`edges         ${unpruned.length} pairs before pruning → ${graph.cooccurrences.length} stored`);
console.log(`communities   ${communitySizes.size}; largest: ${[...communitySizes].sort((a, b) => a[0] - b[0]).slice(0, 8).map(([, n]) => n).join(', ')}`);
console.log(`memory        ${mb(peakRss)} RSS at most at phase boundaries; ${mb(process.resourceUsage().maxRSS * 1024)} process peak RSS (extraction included)`);

// What the explorer draws: the top 2,000 concepts by papers and the edges among them.
const top = new Set([...graph.concepts].sort((a, b) => b.papers - a.papers || (a.id < b.id ? -1 : 1)).slice(0, 2000).map((c) => c.id));
const among = (edges: { source: string; target: string }[]) => edges.filter((e) => top.has(e.source) && top.has(e.target)).length;
const topEdges = among(graph.cooccurrences);
console.log(`\ntop 2000      ${among(unpruned)} edges among them before pruning → ${topEdges} stored (mean degree ${((2 * topEdges) / top.size).toFixed(1)})`);

// Layout quality: are concepts of a community closer to each other than to others? (sampled pairs)
const shown: Concept[] = graph.concepts.filter((c) => top.has(c.id));
let intra = 0, intraN = 0, inter = 0, interN = 0;
for (let i = 0; i < shown.length; i += 3) {
  for (let j = i + 1; j < shown.length; j += 7) {
    const d = Math.hypot(shown[i].x - shown[j].x, shown[i].y - shown[j].y);
    if (shown[i].community === shown[j].community) (intra += d), intraN++;
    else (inter += d), interN++;
  }
}
console.log(`layout        top-2000 mean distance within a community ${(intra / intraN).toFixed(0)}, across ${(inter / interN).toFixed(0)} (extent ±1000)`);
const bridges = [...graph.concepts].sort((a, b) => b.betweenness - a.betweenness).slice(0, 8).map((c) => c.label);
const central = [...graph.concepts].sort((a, b) => b.pagerank - a.pagerank).slice(0, 8).map((c) => c.label);
console.log(`betweenness   ${bridges.join(' · ')}`);
console.log(`pagerank      ${central.join(' · ')}`);
