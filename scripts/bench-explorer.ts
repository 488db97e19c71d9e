// Benchmark of the explorer against raw sigma.js in the same run, in headless
// Chromium on software WebGL: a synthetic graph of 2,000 concepts and 20,000
// CO_OCCURS edges (20 clustered communities, positions and sizes like a real layout),
// served by the real server. The explorer opens it with ?limit=2000&edges=200 (every
// edge on the map); the baseline is a bare page that fetches the same /api/overview
// and hands it to `new Sigma(graph, container)` with sigma's default settings, in a
// container of the explorer map's size. Both are measured alternately (--rounds
// each) with the same scripted pan and zoom, started once the page rests. Prints, per
// page, the median over rounds of: first render (navigation start → sigma's first
// frame with every node), the frame interval during ~3 s of camera motion (wall time
// per frame drawn), the JavaScript time per camera-move frame (sigma's beforeRender →
// afterRender, label layers included; median and p90; a frame counts as a move when
// sigma's own test behind hideEdgesOnMove says so), the same for the other frames (at
// rest, on release) and the main thread's CPU time per frame (less sensitive to a
// loaded machine); then the explorer's ratios to raw sigma (targets: first render
// ≤ 1.5×, camera-move frame ≤ 1.2×).
//
//   npx tsx scripts/bench-explorer.ts [--concepts 2000] [--edges 20000] [--seconds 3] [--rounds 2]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
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
    rounds: { type: 'string', default: '2' },
  },
});
const CONCEPTS = Number(values.concepts);
const EDGES = Number(values.edges);
const SECONDS = Number(values.seconds);
const ROUNDS = Number(values.rounds);
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

type Stats = { firstRenderMs: number | null; firstRenderNodes: number; firstPaintMs: number | null; frames: number; frameMs: number[]; frameMoving: boolean[] };
type Handle = { __bench: { ready(): boolean; idle?(): boolean; nodeCount(): number; edgeCount(): number; renderStats(): Stats } };

const ROOT = path.resolve(import.meta.dirname, '..');
const RAW_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>raw sigma</title>
<style>body{margin:0}#map{width:880px;height:740px;margin-top:60px}</style></head><body><div id="map"></div>
<script src="/raw-sigma/graphology.js"></script><script src="/raw-sigma/sigma.js"></script>
<script>
(async () => {
  const stats = { firstRenderMs: null, firstRenderNodes: 0, firstPaintMs: null, frames: 0, frameMs: [], frameMoving: [] };
  const answer = await (await fetch('/api/overview?limit=${'${LIMIT}'}&edges=200')).json();
  const graph = new graphology.Graph({ type: 'undirected' });
  // The overview's columns (src/graph/model.ts OverviewConcepts, OverviewEdges), read as web/src/map/overviewGraph.ts reads them.
  const { concepts: c, edges: e } = answer;
  c.ids.forEach((key, i) => graph.addNode(key, { kind: 'concept', label: c.labels[i], x: c.x[i], y: c.y[i], size: c.size[i], community: c.community[i], papers: c.papers[i], year: c.year[i], pagerank: c.pagerank[i] }));
  e.source.forEach((s, j) => graph.addEdgeWithKey(c.ids[s] + '|' + c.ids[e.target[j]], c.ids[s], c.ids[e.target[j]], { kind: 'cooccurs', papers: e.papers[j], weight: e.weight[j], size: e.size[j] }));
  const renderer = new Sigma(graph, document.getElementById('map'));
  stats.firstRenderMs = performance.now();
  stats.firstRenderNodes = graph.order;
  stats.frames = 1;
  requestAnimationFrame(() => requestAnimationFrame(() => (stats.firstPaintMs = performance.now())));
  let start = 0;
  renderer.on('beforeRender', () => (start = performance.now()));
  const captor = renderer.getMouseCaptor();
  // Sigma's own test for a camera-move frame (the one behind hideEdgesOnMove).
  const moving = () => renderer.getCamera().isAnimated() || captor.isMouseDown || captor.isMoving || captor.draggedEvents > 0 || captor.currentWheelDirection !== 0;
  renderer.on('afterRender', () => { stats.frames++; stats.frameMs.push(performance.now() - start); stats.frameMoving.push(moving()); });
  window.__bench = { ready: () => true, nodeCount: () => graph.order, edgeCount: () => graph.size, renderStats: () => ({ ...stats, frameMs: [...stats.frameMs], frameMoving: [...stats.frameMoving] }) };
})();
</script></body></html>`;

interface Run {
  firstRenderMs: number;
  /** JavaScript per camera-move frame (sigma's test), median and p90. */
  frameMedianMs: number;
  frameP90Ms: number;
  /** JavaScript per frame drawn at rest or on release (sigma's test false), median; NaN without one. */
  settleMedianMs: number;
  fps: number;
  /** CPU time of the page's main thread during the motion, per frame drawn (Chromium's ThreadTime metric). */
  cpuPerFrameMs: number;
  nodes: number;
  edges: number;
}

/** Opens `url`, waits for the first frame, then drives ~SECONDS of pan and zoom. */
/** `handleName`: the page's window property with ready/nodeCount/edgeCount/renderStats. */
async function measure(page: Page, url: string, handleName: string): Promise<Run> {
  type Handles = Record<string, Handle['__bench'] | undefined>;
  await page.goto(url);
  await page.waitForFunction(
    (name) => {
      const h = (window as unknown as Handles)[name];
      return Boolean(h && h.ready() && h.renderStats().firstPaintMs !== null);
    },
    handleName,
    { timeout: 120_000 },
  );
  const first = await page.evaluate((name) => {
    const handle = (window as unknown as Handles)[name]!;
    return { stats: handle.renderStats(), nodes: handle.nodeCount(), edges: handle.edgeCount() };
  }, handleName);
  const box = (await page.locator('#map').boundingBox())!;
  const centre = { x: box.x + box.width * 0.6, y: box.y + box.height / 2 };
  // The measure starts with the page at rest and the pointer where the motion starts:
  // the explorer's start-up (its fit, its labels at rest) and a hover are not camera frames.
  await page.mouse.move(centre.x, centre.y);
  await page.waitForTimeout(300);
  await page.waitForFunction((name) => (window as unknown as Handles)[name]!.idle?.() ?? true, handleName, { timeout: 60_000 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const threadTime = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')!.value * 1000;
  const atRest = await page.evaluate((name) => (window as unknown as Handles)[name]!.renderStats(), handleName);
  // ~SECONDS of camera motion: drags in a circle with wheel zooms in between.
  const before = atRest.frameMs.length;
  const framesBefore = atRest.frames;
  const cpuBefore = await threadTime();
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
  const cpuMs = (await threadTime()) - cpuBefore;
  await cdp.detach();
  const after = await page.evaluate((name) => (window as unknown as Handles)[name]!.renderStats(), handleName);
  const moves = after.frameMoving.slice(before);
  const measured = after.frameMs.slice(before);
  const frameTimes = measured.filter((_, i) => moves[i]).sort((a, b) => a - b);
  const settleTimes = measured.filter((_, i) => !moves[i]).sort((a, b) => a - b);
  return {
    firstRenderMs: first.stats.firstRenderMs ?? NaN,
    frameMedianMs: percentile(frameTimes, 50),
    frameP90Ms: percentile(frameTimes, 90),
    settleMedianMs: settleTimes.length ? percentile(settleTimes, 50) : NaN,
    fps: (after.frames - framesBefore) / elapsed,
    cpuPerFrameMs: cpuMs / Math.max(1, after.frames - framesBefore),
    nodes: first.nodes,
    edges: first.edges,
  };
}

const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);

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
    await page.route(`${server.url}/raw-sigma/**`, (route) => {
      const name = new URL(route.request().url()).pathname.split('/').pop();
      if (name === 'sigma.js') return route.fulfill({ contentType: 'text/javascript', body: readFileSync(path.join(ROOT, 'node_modules/sigma/dist/sigma.min.js'), 'utf8') });
      if (name === 'graphology.js') return route.fulfill({ contentType: 'text/javascript', body: readFileSync(path.join(ROOT, 'node_modules/graphology/dist/graphology.umd.min.js'), 'utf8') });
      return route.fulfill({ contentType: 'text/html', body: RAW_PAGE.replace('${LIMIT}', String(CONCEPTS)) });
    });
    // The server computes an overview once and keeps it: ask for it before either page does.
    await fetch(`${server.url}/api/overview?limit=${CONCEPTS}&by=papers&edges=200`);
    await fetch(`${server.url}/api/overview?limit=${CONCEPTS}&edges=200`);
    const runs: Record<'explorer' | 'raw', Run[]> = { explorer: [], raw: [] };
    for (let round = 0; round < ROUNDS; round++) {
      runs.explorer.push(await measure(page, `${server.url}/?limit=${CONCEPTS}&edges=200`, '__papergraph'));
      runs.raw.push(await measure(page, `${server.url}/raw-sigma/page`, '__bench'));
    }
    const summary = (name: 'explorer' | 'raw') => ({
      first: median(runs[name].map((r) => r.firstRenderMs)),
      frame: median(runs[name].map((r) => r.frameMedianMs)),
      p90: median(runs[name].map((r) => r.frameP90Ms)),
      settle: median(runs[name].map((r) => r.settleMedianMs)),
      fps: median(runs[name].map((r) => r.fps)),
      cpu: median(runs[name].map((r) => r.cpuPerFrameMs)),
    });
    const explorer = summary('explorer');
    const raw = summary('raw');
    console.log(`graph: ${runs.explorer[0].nodes} nodes, ${runs.explorer[0].edges} edges on the map (synthetic: ${graph.concepts.length} concepts, ${graph.cooccurrences.length} CO_OCCURS); raw sigma: ${runs.raw[0].nodes} nodes, ${runs.raw[0].edges} edges`);
    console.log(`medians over ${ROUNDS} alternating rounds, ~${SECONDS} s of pan/zoom each:`);
    for (const [name, s] of [['explorer ', explorer], ['raw sigma', raw]] as const) {
      console.log(`  ${name}: first render ${ms(s.first)}; camera-move frame interval ${ms(1000 / s.fps)} (${s.fps.toFixed(1)} fps); JavaScript per camera-move frame median ${ms(s.frame)}, p90 ${ms(s.p90)}; per other frame (at rest, on release) median ${ms(s.settle)}; main-thread CPU per frame ${ms(s.cpu)}`);
    }
    // The frame interval is what a user sees (GPU work included); JavaScript time alone
    // leaves out the edges sigma hands to the GPU on every frame.
    console.log(
      `explorer / raw sigma: first render ${(explorer.first / raw.first).toFixed(2)}× (target ≤ 1.5×); camera-move frame interval ${(raw.fps / explorer.fps).toFixed(2)}× (target ≤ 1.2×); JavaScript per camera-move frame median ${(explorer.frame / raw.frame).toFixed(2)}×, p90 ${(explorer.p90 / raw.p90).toFixed(2)}×; main-thread CPU per frame ${(explorer.cpu / raw.cpu).toFixed(2)}×`,
    );
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
