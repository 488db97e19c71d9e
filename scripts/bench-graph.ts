// Benchmark of the graph build on the 12.7k-paper NeurIPS/ICML/ICLR corpus: time per
// phase, concepts, edges before and after pruning, communities, peak memory, and how
// the pruning treats the ~2,000 concepts the explorer draws.
//
//   npx tsx scripts/bench-graph.ts [--corpus FILE] [--limit N] [--top-k N] [--min-papers N] [--per-paper N]
//
// Extraction comes from src/extract/index.ts (`extractCorpus`) when it exists;
// otherwise from a stand-in, said so in the output: lower-cased 1–3-word n-grams
// that neither start nor end with a stopword, kept when at least 3 papers have them,
// each paper's mentions scored by tf·idf.
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildGraph } from '../src/graph/buildGraph.ts';
import { countCooccurrences } from '../src/graph/cooccurrence.ts';
import type { Concept, Extraction, Mention, Paper } from '../src/graph/model.ts';

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

function readPapers(file: string, limit: number): Paper[] {
  const lines = readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '');
  return lines.slice(0, limit).map((line, i) => {
    let record: { id: string; title: string; abstract: string; year: number; authors: string[]; url: string };
    try {
      record = JSON.parse(line);
    } catch (error) {
      throw new Error(`${file}:${i + 1}: expected one JSON object per line (${(error as Error).message})`);
    }
    return {
      id: record.id,
      title: record.title,
      abstract: record.abstract ?? '',
      year: record.year ?? null,
      date: record.year ? String(record.year) : null,
      url: record.url ?? null,
      authors: record.authors ?? [],
      source: `jsonl:${file}`,
      doi: null,
      arxivId: null,
      openalexId: null,
      sources: [`jsonl:${record.id}`],
    };
  });
}

const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between
  both but by can could did do does doing down during each few for from further had has have having he her here
  hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off
  on once only or other our ours out over own same she should so some such than that the their theirs them then
  there these they this those through to too under until up very was we were what when where which while who whom
  why will with would you your yours paper propose proposed show shows use used using via well new based approach
  method methods results result present presents provide provides two one three however many may much first large
  given without within way work also thus make makes set number several various different often since without`.split(/\s+/),
);

function standInExtraction(papers: Paper[]): Extraction {
  const perPaper = papers.map((paper) => {
    const counts = new Map<string, number>();
    const titleGrams = new Set<string>();
    for (const [field, text] of [['title', paper.title], ['abstract', paper.abstract]] as const) {
      const clean = text.replace(/\(cid:\d+\)/g, '').toLowerCase();
      for (const chunk of clean.split(/[^a-z0-9\- ]+/)) {
        const words = chunk.split(/\s+/).filter((w) => w !== '' && !/^[\d-]+$/.test(w));
        for (let n = 1; n <= 3; n++) {
          for (let i = 0; i + n <= words.length; i++) {
            const gram = words.slice(i, i + n);
            if (STOPWORDS.has(gram[0]) || STOPWORDS.has(gram[n - 1]) || gram.some((w) => w.length < 2)) continue;
            const key = gram.join(' ');
            counts.set(key, (counts.get(key) ?? 0) + 1);
            if (field === 'title') titleGrams.add(key);
          }
        }
      }
    }
    return { paper, counts, titleGrams };
  });
  const df = new Map<string, number>();
  for (const { counts } of perPaper) for (const key of counts.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  const mentions: Mention[] = [];
  for (const { paper, counts, titleGrams } of perPaper) {
    for (const [conceptId, count] of counts) {
      const docs = df.get(conceptId)!;
      if (docs < 3) continue;
      const score = count * Math.log(papers.length / docs);
      mentions.push({ paperId: paper.id, conceptId, count, inTitle: titleGrams.has(conceptId), score, spans: [] });
    }
  }
  const concepts = [...df].filter(([, docs]) => docs >= 3).map(([id, docs]) => ({ id, label: id, aliases: [id], score: Math.log(docs) }));
  return { concepts, mentions };
}

async function extract(papers: Paper[]): Promise<{ extraction: Extraction; extractor: string }> {
  const real = new URL('../src/extract/index.ts', import.meta.url);
  if (existsSync(real)) {
    const module = await import(real.href);
    return { extraction: await module.extractCorpus(papers), extractor: 'src/extract extractCorpus' };
  }
  return { extraction: standInExtraction(papers), extractor: 'STAND-IN (src/extract/index.ts not present): 1–3-gram, df ≥ 3, tf·idf' };
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const papers = readPapers(args.corpus!, number(args.limit) ?? Infinity);
let started = performance.now();
const { extraction, extractor } = await extract(papers);
console.log(`corpus      ${papers.length} papers (${args.corpus})`);
console.log(`extraction  ${extractor}: ${extraction.concepts.length} concepts, ${extraction.mentions.length} mentions, ${seconds(performance.now() - started)}`);

const association = {
  ...(args['top-k'] && { topK: number(args['top-k']) }),
  ...(args['min-papers'] && { minPapers: number(args['min-papers']) }),
};
const cooccurrence = args['per-paper'] ? { maxConceptsPerPaper: number(args['per-paper']) } : undefined;
const unpruned = countCooccurrences(extraction.mentions, cooccurrence).pairs;

const phases: [string, number][] = [];
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
started = performance.now();
const graph = buildGraph(papers, extraction, {
  association,
  cooccurrence,
  onPhase: (phase) => {
    phases.push([phase, performance.now()]);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  },
});
const finished = performance.now();
clearInterval(sampler);

console.log('\nphase          time');
phases.forEach(([phase, at], i) => console.log(`${phase.padEnd(14)} ${seconds((phases[i + 1]?.[1] ?? finished) - at)}`));
console.log(`${'total'.padEnd(14)} ${seconds(finished - started)}`);

const communitySizes = new Map<number, number>();
for (const c of graph.concepts) communitySizes.set(c.community, (communitySizes.get(c.community) ?? 0) + 1);
const linked = new Set(graph.cooccurrences.flatMap((e) => [e.source, e.target]));
console.log(`\nconcepts      ${graph.concepts.length} (${graph.concepts.length - linked.size} without an edge)`);
console.log(`mentions      ${graph.mentions.length}`);
console.log(`edges         ${unpruned.length} pairs before pruning → ${graph.cooccurrences.length} stored`);
console.log(`communities   ${communitySizes.size}; largest: ${[...communitySizes].sort((a, b) => a[0] - b[0]).slice(0, 8).map(([, n]) => n).join(', ')}`);
console.log(`peak memory   ${mb(Math.max(peakRss, process.resourceUsage().maxRSS * 1024))} RSS`);

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
