// Bridges benchmark: p50/p99 of findBridges (and of GET /api/bridges when the server
// routes it) on a synthetic corpus written straight to a temp embedded store.
// The corpus: N papers, each mentioning 6–14 of C concepts drawn from a Zipf law (so a
// few concepts are hubs and most are rare, as in real abstracts), grouped into 20 topical
// communities so that papers mostly stay inside one. Prints figures; asserts nothing.
//
//   npx tsx scripts/bench-bridges.ts [--papers 10000] [--concepts 4000] [--pairs 60]
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Concept, CoOccurrence, KnowledgeGraph, Mention, Paper } from '../src/graph/model.ts';
import { findBridges } from '../src/explore/bridges/index.ts';
import { loadSnapshot } from '../src/explore/snapshot.ts';
import { loadConfig } from '../src/config.ts';
import { startServer } from '../src/server/serve.ts';
import { openEmbeddedStore } from '../src/store/embedded.ts';
import { createRandom } from '../src/graph/random.ts';
import { percentile } from './measure.ts';

const { values } = parseArgs({ options: { papers: { type: 'string' }, concepts: { type: 'string' }, pairs: { type: 'string' } } });
const PAPERS = Number(values.papers ?? 10_000);
const CONCEPTS = Number(values.concepts ?? 4_000);
const PAIRS = Number(values.pairs ?? 60);
const COMMUNITIES = 20;


function syntheticGraph(): KnowledgeGraph {
  const rand = createRandom(7);
  // Zipf over concept ranks: cumulative weights for sampling.
  const cumulative: number[] = [];
  let sum = 0;
  for (let r = 1; r <= CONCEPTS; r++) cumulative.push((sum += 1 / r));
  const draw = (): number => {
    const x = rand() * sum;
    let lo = 0;
    let hi = CONCEPTS - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const communityOf = (i: number) => i % COMMUNITIES;
  const papers: Paper[] = [];
  const mentions: Mention[] = [];
  const pairCounts = new Map<string, number>();
  for (let p = 0; p < PAPERS; p++) {
    const id = `paper:${p}`;
    papers.push({ id, title: `Synthetic paper ${p}`, abstract: `Abstract of synthetic paper ${p}.`, year: 1990 + (p % 30), date: null, url: null, authors: [], source: 'bench', doi: null, arxivId: null, openalexId: null, pmid: null, wosId: null, keywords: [], sources: [`bench:${p}`] });
    const home = Math.floor(rand() * COMMUNITIES);
    const chosen = new Set<number>();
    const size = 6 + Math.floor(rand() * 9);
    while (chosen.size < size) {
      let c = draw();
      // Four in five rare concepts come from the paper's home community.
      if (c > 50 && rand() < 0.8) c = c - communityOf(c) + home < CONCEPTS ? c - communityOf(c) + home : c;
      chosen.add(c);
    }
    const list = [...chosen];
    list.forEach((c, rank) => mentions.push({ paperId: id, conceptId: `c${c}`, count: 1, inTitle: rank === 0, score: list.length - rank, spans: [] }));
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [x, y] = [`c${list[i]}`, `c${list[j]}`].sort();
        const key = `${x}\u0000${y}`;
        pairCounts.set(key, (pairCounts.get(key) ?? 0) + 1);
      }
    }
  }
  const df = new Map<string, number>();
  for (const m of mentions) df.set(m.conceptId, (df.get(m.conceptId) ?? 0) + 1);
  const concepts: Concept[] = [...df].map(([id, papersCount]) => {
    const i = Number(id.slice(1));
    return { id, label: `concept ${i}`, aliases: [`concept ${i}`, `C-${i}`], papers: papersCount, mentions: papersCount, score: 1, community: communityOf(i), x: rand(), y: rand(), pagerank: papersCount / PAPERS, betweenness: rand() * (papersCount / PAPERS), participation: rand(), meanYear: 2005, relevance: rand(), generic: false };
  });
  let maxPairs = 1;
  for (const n of pairCounts.values()) maxPairs = Math.max(maxPairs, n);
  const cooccurrences: CoOccurrence[] = [];
  for (const [key, n] of pairCounts) {
    if (n < 2) continue;
    const [source, target] = key.split('\u0000');
    cooccurrences.push({ source, target, papers: n, weight: n / maxPairs });
  }
  return { papers, concepts, mentions, cooccurrences, broader: [] };
}

const fmt = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return `p50 ${percentile(s, 50).toFixed(1)} ms, p99 ${percentile(s, 99).toFixed(1)} ms, max ${s[s.length - 1].toFixed(1)} ms (n=${s.length})`;
};

const dir = mkdtempSync(path.join(os.tmpdir(), 'papergraph-bench-bridges-'));
try {
  const graph = syntheticGraph();
  console.log(`corpus: ${graph.papers.length} papers, ${graph.concepts.length} concepts, ${graph.mentions.length} mentions, ${graph.cooccurrences.length} co-occurrences`);
  let t = performance.now();
  const writer = await openEmbeddedStore(dir);
  await writer.write(graph);
  await writer.close();
  console.log(`written in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const store = await openEmbeddedStore(dir);
  t = performance.now();
  const snapshot = await loadSnapshot(store);
  console.log(`snapshot loaded in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  // Pairs across the frequency range: rare × rare, rare × mid, mid × hub-ish, and communities.
  const byDf = [...snapshot.concepts.values()].sort((a, b) => b.papers - a.papers);
  const rand = createRandom(11);
  const pick = (from: number, to: number) => byDf[from + Math.floor(rand() * (to - from))].label;
  const pairs: [string, string][] = [];
  for (let i = 0; i < PAIRS; i++) {
    const kind = i % 4;
    if (kind === 0) pairs.push([pick(1000, byDf.length), pick(1000, byDf.length)]);
    else if (kind === 1) pairs.push([pick(1000, byDf.length), pick(50, 300)]);
    else if (kind === 2) pairs.push([pick(50, 300), pick(10, 50)]);
    else pairs.push([`community:${i % COMMUNITIES}`, `community:${(i + 7) % COMMUNITIES}`]);
  }
  const times: number[] = [];
  let paths = 0;
  let direct = 0;
  for (const [a, b] of pairs) {
    if (a === b) continue;
    const start = performance.now();
    const result = await findBridges(store, snapshot, a, b);
    times.push(performance.now() - start);
    paths += result.paths.length;
    direct += result.papers.length;
  }
  console.log(`findBridges: ${fmt(times)}; answers: ${direct} direct papers, ${paths} paths`);
  const byKind = ['rare × rare', 'rare × mid', 'mid × frequent', 'community × community'];
  byKind.forEach((label, k) => console.log(`  ${label}: ${fmt(times.filter((_, i) => i % 4 === k))}`));
  await store.close();

  const server = await startServer(loadConfig({ db: dir, port: '0' }, {}), { quiet: true });
  try {
    const probe = await fetch(`${server.url}/api/bridges?a=${encodeURIComponent(pairs[0][0])}&b=${encodeURIComponent(pairs[0][1])}`);
    if (probe.status === 404 && ((await probe.json()) as { error: { message: string } }).error.message === 'No such API endpoint.') {
      console.log('GET /api/bridges: not routed by src/server/app.ts yet; HTTP figures skipped');
    } else {
      const http: number[] = [];
      for (const [a, b] of pairs) {
        const start = performance.now();
        const res = await fetch(`${server.url}/api/bridges?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`);
        await res.arrayBuffer();
        http.push(performance.now() - start);
      }
      console.log(`GET /api/bridges: ${fmt(http)}`);
    }
  } finally {
    await server.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
