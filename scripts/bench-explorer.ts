// Benchmark of the explorer in headless Chromium on software WebGL: a synthetic
// graph of 2,000 concepts and 20,000 CO_OCCURS edges (20 clustered communities,
// positions and sizes like a real layout), served by the real server, opened with
// ?limit=2000&edges=200 (every edge of the graph on the map). Prints: time to first render (navigation start → sigma's first
// frame with every node, and → that frame presented), and frames during ~3 s of
// scripted pan and zoom (mouse drags and wheel), with per-frame render times.
//
//   npx tsx scripts/bench-explorer.ts [--concepts 2000] [--edges 20000] [--seconds 3]
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildWebIfStale, launchChromium } from '../tests/e2e/browser.ts';
import { loadConfig } from '../src/config.ts';
import type { Concept, CoOccurrence, KnowledgeGraph, Mention, Paper } from '../src/graph/model.ts';
import { startServer } from '../src/server/serve.ts';
import { openEmbeddedStore } from '../src/store/embedded.ts';
import { createRandom } from '../src/graph/random.ts';
import { percentile } from './measure.ts';

const { values } = parseArgs({
  options: {
    concepts: { type: 'string', default: '2000' },
    edges: { type: 'string', default: '20000' },
    seconds: { type: 'string', default: '3' },
  },
});
const CONCEPTS = Number(values.concepts);
const EDGES = Number(values.edges);
const SECONDS = Number(values.seconds);
const COMMUNITIES = 20;
const PAPERS = 300;


function syntheticGraph(): KnowledgeGraph {
  const rand = createRandom(42);
  const gauss = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  const papers: Paper[] = Array.from({ length: PAPERS }, (_, i) => ({
    id: `bench:${i}`,
    title: `Synthetic paper ${i} on topic ${i % COMMUNITIES}`,
    abstract: `A synthetic abstract for paper ${i}.`,
    year: 2010 + (i % 15),
    date: null,
    url: null,
    authors: [`Author ${i % 37}`],
    source: 'bench',
    doi: null,
    arxivId: null,
    openalexId: null,
    pmid: null,
    wosId: null,
    keywords: [],
    sources: [`bench:${i}`],
  }));
  const concepts: Concept[] = [];
  const mentions: Mention[] = [];
  for (let i = 0; i < CONCEPTS; i++) {
    const community = i % COMMUNITIES;
    const angle = (2 * Math.PI * community) / COMMUNITIES;
    // Paper counts fall off like real term frequencies: a few big topics, a long tail.
    const paperCount = Math.max(1, Math.round(60 / Math.pow(1 + i / 20, 0.8)));
    const mentioned = new Set<number>();
    while (mentioned.size < Math.min(paperCount, PAPERS)) mentioned.add(Math.floor(rand() * PAPERS));
    for (const p of mentioned) mentions.push({ paperId: `bench:${p}`, conceptId: `concept ${i}`, count: 1, inTitle: false, score: 1, spans: [] });
    concepts.push({
      id: `concept ${i}`,
      label: `concept ${i} ${['plasticity', 'dendrite', 'forgetting', 'spiking', 'attention'][i % 5]}`,
      aliases: [`concept ${i}`],
      papers: mentioned.size,
      mentions: mentioned.size,
      score: 1,
      community,
      x: 1000 * Math.cos(angle) + 160 * gauss(),
      y: 1000 * Math.sin(angle) + 160 * gauss(),
      pagerank: 1 / (i + 1),
      betweenness: 0,
      participation: 0,
      meanYear: 2010 + 15 * rand(),
      relevance: rand(),
      generic: false,
    });
  }
  const pairs = new Map<string, CoOccurrence>();
  while (pairs.size < EDGES) {
    const a = Math.floor(rand() * CONCEPTS);
    // 80% of edges stay inside a community, as Louvain communities do.
    const b = rand() < 0.8 ? (a % COMMUNITIES) + COMMUNITIES * Math.floor(rand() * (CONCEPTS / COMMUNITIES)) : Math.floor(rand() * CONCEPTS);
    if (a === b || b >= CONCEPTS) continue;
    const [source, target] = [`concept ${a}`, `concept ${b}`].sort();
    pairs.set(`${source}|${target}`, { source, target, papers: 1 + Math.floor(rand() * 5), weight: rand() });
  }
  return { papers, concepts, mentions, cooccurrences: [...pairs.values()], broader: [] };
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

async function main(): Promise<void> {
  buildWebIfStale();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'papergraph-bench-explorer-'));
  const store = await openEmbeddedStore(dir);
  const graph = syntheticGraph();
  await store.write(graph);
  await store.close();
  const server = await startServer(loadConfig({ db: dir, port: '0' }, {}), { quiet: true });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    await page.goto(`${server.url}/?limit=${CONCEPTS}&edges=200`);
    type Stats = { firstRenderMs: number; firstRenderNodes: number; firstPaintMs: number | null; frames: number; frameMs: number[] };
    type Handle = { __papergraph: { ready(): boolean; nodeCount(): number; edgeCount(): number; renderStats(): Stats } };
    await page.waitForSelector('.fatal, .home-view', { timeout: 120_000 });
    const fatal = await page.locator('.fatal').textContent().catch(() => null);
    if (fatal) throw new Error(`the explorer did not start: ${fatal}`);
    await page.waitForFunction(() => (window as unknown as Handle).__papergraph?.ready() && (window as unknown as Handle).__papergraph.renderStats().firstPaintMs !== null, null, { timeout: 120_000 });
    const first = await page.evaluate(() => {
      const handle = (window as unknown as Handle).__papergraph;
      return { stats: handle.renderStats(), nodes: handle.nodeCount(), edges: handle.edgeCount() };
    });
    const box = (await page.locator('#map').boundingBox())!;
    const centre = { x: box.x + box.width * 0.6, y: box.y + box.height / 2 };

    // ~SECONDS of camera motion: drags in a circle with wheel zooms in between.
    const before = first.stats.frameMs.length;
    const framesBefore = first.stats.frames;
    const start = Date.now();
    let step = 0;
    while (Date.now() - start < SECONDS * 1000) {
      if (step % 40 === 20) {
        await page.mouse.move(centre.x, centre.y);
        await page.mouse.wheel(0, step % 80 === 20 ? -240 : 240);
        await page.waitForTimeout(60);
      } else {
        await page.mouse.move(centre.x, centre.y);
        await page.mouse.down();
        for (let i = 0; i < 8; i++) {
          const angle = ((step * 8 + i) / 40) * Math.PI;
          await page.mouse.move(centre.x + 120 * Math.cos(angle), centre.y + 120 * Math.sin(angle));
          await page.waitForTimeout(16);
        }
        await page.mouse.up();
      }
      step++;
    }
    const elapsed = (Date.now() - start) / 1000;
    await page.waitForTimeout(500);
    const after = await page.evaluate(() => (window as unknown as Handle).__papergraph.renderStats());
    const frameTimes = after.frameMs.slice(before).sort((a, b) => a - b);
    const frames = after.frames - framesBefore;

    console.log(`graph: ${first.nodes} nodes, ${first.edges} edges on the map (synthetic: ${graph.concepts.length} concepts, ${graph.cooccurrences.length} CO_OCCURS)`);
    console.log(`first render (navigation start → sigma's first frame, ${first.stats.firstRenderNodes} nodes): ${ms(first.stats.firstRenderMs)}`);
    console.log(`first frame presented (two animation frames later):     ${ms(first.stats.firstPaintMs ?? NaN)}`);
    console.log(`pan/zoom: ${frames} frames in ${elapsed.toFixed(1)} s (${(frames / elapsed).toFixed(1)} fps)`);
    console.log(`  frame render time: median ${ms(percentile(frameTimes, 50))}, p90 ${ms(percentile(frameTimes, 90))}, max ${ms(frameTimes.at(-1) ?? NaN)}`);
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
