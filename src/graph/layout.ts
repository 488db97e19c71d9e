// Positions of the concept map.
//
// Method: ForceAtlas2 (Jacomy, Venturini, Heymann & Bastian 2014, "ForceAtlas2, a
// continuous graph layout algorithm for handy network visualization designed for
// the Gephi software", PLoS ONE 9(6)), via graphology-layout-forceatlas2, edges
// pulling in proportion to association strength, with the library's
// `inferSettings` for the graph's size (strong gravity, Barnes-Hut above 2000
// concepts).
//
// ForceAtlas2 is deterministic but only finds a local optimum, so the start decides
// much: each Louvain community starts as a disc on a circle (its arc proportional to
// its size), concepts scattered in the disc by the seeded generator. Communities
// thus start apart and the forces refine rather than untangle them, and the same
// graph always gets the same picture. Iterations fall with size (each one costs
// O(V log V + E)): `iterations` at or below `fullIterationsUpTo` concepts, then in
// proportion to 1/√V, never below `minIterations`.
//
// Large maps: only the `coreSize` best-connected concepts go through ForceAtlas2
// (the explorer draws the top ~2,000), and the long tail is placed beside its
// neighbours in one pass, as multilevel layouts place fine nodes from a coarse one
// (Hu 2005, "Efficient, high-quality force-directed graph drawing"). On the 12.7k
// NeurIPS corpus this turns minutes into seconds (scripts/bench-graph.ts).
// Positions are finally centred and scaled so the farthest coordinate is ±`extent`.
import type Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { degreeOf, toGraphology, type ConceptGraph } from './conceptGraph.ts';
import { compareIds } from './cooccurrence.ts';
import { createRandom } from './random.ts';

export interface LayoutOptions {
  /** Seed of the initial scatter. Default 1. */
  seed?: number;
  /** Iterations for graphs of up to `fullIterationsUpTo` concepts. Default 500. */
  iterations?: number;
  /** Default 1000. */
  fullIterationsUpTo?: number;
  /** Fewest iterations however large the graph. Default 100. */
  minIterations?: number;
  /** Half-width of the final square of positions. Default 1000. */
  extent?: number;
  /** Barnes-Hut accuracy (used above 2000 concepts): larger is faster and coarser. Default 1.2, Gephi's. */
  barnesHutTheta?: number;
  /** Concepts laid out by ForceAtlas2, the best connected; the rest are placed beside their neighbours. Default 3000. */
  coreSize?: number;
}

const DEFAULTS: Required<LayoutOptions> = {
  seed: 1,
  iterations: 500,
  fullIterationsUpTo: 1000,
  minIterations: 100,
  extent: 1000,
  barnesHutTheta: 1.2,
  coreSize: 3000,
};

export interface Point {
  x: number;
  y: number;
}

export function layoutConcepts(
  graph: ConceptGraph,
  communities: Map<string, number>,
  options: LayoutOptions = {},
): Map<string, Point> {
  const settings = { ...DEFAULTS, ...options };
  const n = graph.ids.length;
  if (n === 0) return new Map();

  const core = toGraphology(graph, coreConcepts(graph, settings.coreSize));
  const start = initialPositions(core, communities, settings.seed);
  start.forEach((point, node) => core.mergeNodeAttributes(node, point));
  const result = forceAtlas2(core, {
    iterations: iterationsFor(core.order, settings),
    getEdgeWeight: 'weight',
    settings: { ...forceAtlas2.inferSettings(core), barnesHutTheta: settings.barnesHutTheta },
  });
  const placed: Placement = { x: new Float64Array(n), y: new Float64Array(n), done: new Uint8Array(n), order: [] };
  graph.ids.forEach((id, i) => {
    const point = result[id];
    if (!point) return;
    placed.x[i] = point.x;
    placed.y[i] = point.y;
    placed.done[i] = 1;
    placed.order.push(i);
  });
  if (core.order < n) placeAroundCore(graph, placed, settings.seed);
  return normalise(new Map(graph.ids.map((id, i) => [id, { x: placed.x[i], y: placed.y[i] }])), settings.extent);
}

/** The `size` best-connected concepts (degree, then id), as ascending indexes. */
function coreConcepts(graph: ConceptGraph, size: number): Uint32Array {
  const all = Uint32Array.from(graph.ids, (_, i) => i);
  if (all.length <= size) return all;
  const best = Array.from(all).sort((a, b) => degreeOf(graph, b) - degreeOf(graph, a) || a - b);
  return Uint32Array.from(best.slice(0, size)).sort();
}

/** Positions by concept index; `order`: the concepts placed, in the order they were. */
interface Placement {
  x: Float64Array;
  y: Float64Array;
  done: Uint8Array;
  order: number[];
}

/**
 * Concepts outside the core go to the strength-weighted mean of their placed
 * neighbours, best connected first so chains of peripheral concepts follow, with a
 * seeded offset of half a median core edge so they do not stack. Concepts never
 * reached (no path to the core) line a ring just outside it.
 */
function placeAroundCore(graph: ConceptGraph, placed: Placement, seed: number): void {
  const random = createRandom(seed);
  const { starts, neighbours, weights } = graph;
  const { x: px, y: py, done } = placed;
  const n = graph.ids.length;
  const lengths: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!done[i]) continue;
    for (let k = starts[i]; k < starts[i + 1]; k++) {
      const j = neighbours[k];
      if (j > i && done[j]) lengths.push(Math.hypot(px[i] - px[j], py[i] - py[j]));
    }
  }
  lengths.sort((a, b) => a - b);
  const jitter = (lengths[Math.floor(lengths.length / 2)] ?? 1) / 2;

  let waiting: number[] = [];
  for (let i = 0; i < n; i++) if (!done[i]) waiting.push(i);
  waiting.sort((a, b) => degreeOf(graph, b) - degreeOf(graph, a) || a - b);
  for (let moved = true; moved && waiting.length > 0; ) {
    moved = false;
    const next: number[] = [];
    for (const i of waiting) {
      let x = 0, y = 0, total = 0;
      for (let k = starts[i]; k < starts[i + 1]; k++) {
        const j = neighbours[k];
        if (done[j]) (x += weights[k] * px[j]), (y += weights[k] * py[j]), (total += weights[k]);
      }
      if (total === 0) {
        next.push(i);
        continue;
      }
      const r = jitter * Math.sqrt(random());
      const theta = 2 * Math.PI * random();
      px[i] = x / total + r * Math.cos(theta);
      py[i] = y / total + r * Math.sin(theta);
      done[i] = 1;
      placed.order.push(i);
      moved = true;
    }
    waiting = next;
  }

  let cx = 0, cy = 0, radius = 0;
  const count = placed.order.length;
  for (const i of placed.order) (cx += px[i] / count), (cy += py[i] / count);
  for (const i of placed.order) radius = Math.max(radius, Math.hypot(px[i] - cx, py[i] - cy));
  waiting.forEach((i, w) => {
    const angle = (2 * Math.PI * w) / waiting.length;
    px[i] = cx + 1.05 * radius * Math.cos(angle);
    py[i] = cy + 1.05 * radius * Math.sin(angle);
  });
}

function iterationsFor(order: number, settings: Required<LayoutOptions>): number {
  if (order <= settings.fullIterationsUpTo) return settings.iterations;
  const scaled = Math.round(settings.iterations * Math.sqrt(settings.fullIterationsUpTo / order));
  return Math.max(settings.minIterations, scaled);
}

function initialPositions(graph: Graph, communities: Map<string, number>, seed: number): Map<string, Point> {
  const random = createRandom(seed);
  const members = new Map<number, string[]>();
  graph.forEachNode((node) => {
    const community = communities.get(node) ?? 0;
    let list = members.get(community);
    if (!list) members.set(community, (list = []));
    list.push(node);
  });

  // Discs of area ∝ size on a ring long enough to hold them side by side.
  const ids = [...members.keys()].sort((a, b) => a - b);
  const radii = ids.map((id) => Math.sqrt(members.get(id)!.length));
  const ring = ids.length > 1 ? radii.reduce((sum, r) => sum + 2 * r, 0) / (2 * Math.PI) : 0;
  const positions = new Map<string, Point>();
  let arc = 0;
  ids.forEach((id, i) => {
    const angle = (arc + radii[i]) / Math.max(ring, 1);
    arc += 2 * radii[i];
    const cx = ring * Math.cos(angle);
    const cy = ring * Math.sin(angle);
    for (const node of members.get(id)!) {
      const r = radii[i] * Math.sqrt(random());
      const theta = 2 * Math.PI * random();
      positions.set(node, { x: cx + r * Math.cos(theta), y: cy + r * Math.sin(theta) });
    }
  });
  return positions;
}

/** Centred, scaled so the farthest coordinate is ±extent. */
export function normalise(positions: Map<string, Point>, extent: number): Map<string, Point> {
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (const { x, y } of positions.values()) {
    minX = Math.min(minX, x); maxX = Math.max(maxX, x);
    minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  const half = Math.max(maxX - minX, maxY - minY) / 2;
  const scale = half > 0 ? extent / half : 0;
  return new Map([...positions].map(([node, { x, y }]) => [node, { x: (x - cx) * scale, y: (y - cy) * scale }]));
}
