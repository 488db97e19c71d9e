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
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { ConceptGraph } from './conceptGraph.ts';
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
  if (graph.order === 0) return new Map();

  const core = coreGraph(graph, settings.coreSize);
  const start = initialPositions(core, communities, settings.seed);
  start.forEach((point, node) => core.mergeNodeAttributes(node, point));
  const result = forceAtlas2(core, {
    iterations: iterationsFor(core.order, settings),
    getEdgeWeight: 'weight',
    settings: { ...forceAtlas2.inferSettings(core), barnesHutTheta: settings.barnesHutTheta },
  });
  const positions = new Map(Object.entries(result));
  if (core.order < graph.order) placeAroundCore(graph, positions, settings.seed);
  return normalise(positions, settings.extent);
}

/** A working copy holding the `size` best-connected concepts (degree, then id) and the edges among them. */
function coreGraph(graph: ConceptGraph, size: number): ConceptGraph {
  if (graph.order <= size) return graph.copy();
  const kept = new Set(
    graph
      .nodes()
      .map((node) => ({ node, degree: graph.degree(node) }))
      .sort((a, b) => b.degree - a.degree || compareIds(a.node, b.node))
      .slice(0, size)
      .map(({ node }) => node),
  );
  const core: ConceptGraph = graph.emptyCopy();
  graph.forEachNode((node) => {
    if (!kept.has(node)) core.dropNode(node);
  });
  graph.forEachEdge((edge, attributes, source, target) => {
    if (kept.has(source) && kept.has(target)) core.addEdgeWithKey(edge, source, target, attributes);
  });
  return core;
}

/**
 * Concepts outside the core go to the strength-weighted mean of their placed
 * neighbours, best connected first so chains of peripheral concepts follow, with a
 * seeded offset of half a median core edge so they do not stack. Concepts never
 * reached (no path to the core) line a ring just outside it.
 */
function placeAroundCore(graph: ConceptGraph, positions: Map<string, Point>, seed: number): void {
  const random = createRandom(seed);
  const lengths: number[] = [];
  graph.forEachEdge((_edge, _attributes, source, target) => {
    const p = positions.get(source);
    const q = positions.get(target);
    if (p && q) lengths.push(Math.hypot(p.x - q.x, p.y - q.y));
  });
  lengths.sort((a, b) => a - b);
  const jitter = (lengths[Math.floor(lengths.length / 2)] ?? 1) / 2;

  let waiting = graph
    .nodes()
    .filter((node) => !positions.has(node))
    .sort((a, b) => graph.degree(b) - graph.degree(a) || compareIds(a, b));
  for (let placed = true; placed && waiting.length > 0; ) {
    placed = false;
    const next: string[] = [];
    for (const node of waiting) {
      let x = 0, y = 0, total = 0;
      graph.forEachEdge(node, (_edge, { weight }, source, target) => {
        const p = positions.get(source === node ? target : source);
        if (p) (x += weight * p.x), (y += weight * p.y), (total += weight);
      });
      if (total === 0) {
        next.push(node);
        continue;
      }
      const r = jitter * Math.sqrt(random());
      const theta = 2 * Math.PI * random();
      positions.set(node, { x: x / total + r * Math.cos(theta), y: y / total + r * Math.sin(theta) });
      placed = true;
    }
    waiting = next;
  }

  let cx = 0, cy = 0, radius = 0;
  for (const p of positions.values()) (cx += p.x / positions.size), (cy += p.y / positions.size);
  for (const p of positions.values()) radius = Math.max(radius, Math.hypot(p.x - cx, p.y - cy));
  waiting.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / waiting.length;
    positions.set(node, { x: cx + 1.05 * radius * Math.cos(angle), y: cy + 1.05 * radius * Math.sin(angle) });
  });
}

function iterationsFor(order: number, settings: Required<LayoutOptions>): number {
  if (order <= settings.fullIterationsUpTo) return settings.iterations;
  const scaled = Math.round(settings.iterations * Math.sqrt(settings.fullIterationsUpTo / order));
  return Math.max(settings.minIterations, scaled);
}

function initialPositions(graph: ConceptGraph, communities: Map<string, number>, seed: number): Map<string, Point> {
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
