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
// proportion to 1/√V, never below `minIterations`. Positions are finally centred and
// scaled so the farthest coordinate is ±`extent`.
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { ConceptGraph } from './conceptGraph.ts';
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
}

const DEFAULTS: Required<LayoutOptions> = {
  seed: 1,
  iterations: 500,
  fullIterationsUpTo: 1000,
  minIterations: 100,
  extent: 1000,
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
  const positions = initialPositions(graph, communities, settings.seed);
  if (graph.order === 0) return positions;

  // The layout runs on a copy: positions are this module's output, not the shared graph's.
  const working = graph.copy();
  positions.forEach((point, node) => working.mergeNodeAttributes(node, point));
  const result = forceAtlas2(working, {
    iterations: iterationsFor(graph.order, settings),
    getEdgeWeight: 'weight',
    settings: forceAtlas2.inferSettings(working),
  });
  return normalise(new Map(Object.entries(result)), settings.extent);
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

function normalise(positions: Map<string, Point>, extent: number): Map<string, Point> {
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
