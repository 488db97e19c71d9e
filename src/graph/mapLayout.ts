// Positions of the concepts on one map (the overview's few hundred), laid out for
// those concepts alone so that each community is a region of its own, as on VOSviewer
// and CiteSpace maps.
//
// Method: a two-level layout of a clustered graph (Eades & Huang 2000, "Navigating
// clustered graphs using force-directed methods", J. Graph Algorithms Appl. 4(3)),
// both levels by ForceAtlas2 (Jacomy, Venturini, Heymann & Bastian 2014, PLoS ONE
// 9(6)) in LinLog mode, whose energy is minimal where distances reproduce a
// modularity partition (Noack 2009, "Modularity clustering is force-directed layout",
// Phys. Rev. E 79, 026102):
//  1. Communities: one node per community, sized by its concepts, edges summing the
//     association strengths between their members; ForceAtlas2 with anti-collision,
//     then any overlap of the discs pushed apart, so related communities sit side by
//     side and no two regions share ground.
//  2. Members: each community's concepts laid out by its own edges (ForceAtlas2
//     LinLog on the subgraph, attraction by association strength), scaled into the
//     community's disc. The few concepts with no edge inside their community sit
//     where their edges to the rest of the map pull them, inside the disc.
// The regions' areas are proportional to their concepts, so density reads the same
// everywhere. Deterministic: seeded starts, nodes and edges inserted in id order, and
// ForceAtlas2 itself has no randomness. Positions are centred and scaled so the
// farthest coordinate is ±`extent`, the range of the stored layout
// (src/graph/layout.ts), so papers and expansions placed from either agree in scale.
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { compareIds } from './cooccurrence.ts';
import { normalise, type Point } from './layout.ts';
import { createRandom } from './random.ts';

export interface MapLayoutOptions {
  /** Seed of the initial scatters. Default 1. */
  seed: number;
  /** ForceAtlas2 iterations of the community level. Default 300. */
  communityIterations: number;
  /** ForceAtlas2 iterations inside each community. Default 300. */
  memberIterations: number;
  /**
   * Gap between two regions, as a share of the mean region radius. Default 1: the
   * community level packs the small regions tightly in the middle of the map, and at
   * a quarter radius their edges ran together there while the rim read clearly.
   */
  gap: number;
  /** Half-width of the square of positions. Default 1000. */
  extent: number;
}

export const MAP_LAYOUT_DEFAULTS: MapLayoutOptions = {
  seed: 1,
  communityIterations: 300,
  memberIterations: 300,
  gap: 1,
  extent: 1000,
};

export interface MapLayoutEdge {
  source: string;
  target: string;
  /** Association strength. */
  weight: number;
}

interface Region extends Point {
  id: number;
  radius: number;
  members: string[];
}

export function layoutMap(
  concepts: Iterable<string>,
  communityOf: (id: string) => number,
  edges: Iterable<MapLayoutEdge>,
  options: Partial<MapLayoutOptions> = {},
): Map<string, Point> {
  const settings = { ...MAP_LAYOUT_DEFAULTS, ...options };
  const ids = [...new Set(concepts)].sort(compareIds);
  if (ids.length === 0) return new Map();
  const onMap = new Set(ids);
  const links = [...edges]
    .filter((e) => e.source !== e.target && onMap.has(e.source) && onMap.has(e.target) && e.weight > 0)
    .sort((a, b) => compareIds(a.source, b.source) || compareIds(a.target, b.target));

  const members = new Map<number, string[]>();
  for (const id of ids) {
    const c = communityOf(id);
    const list = members.get(c);
    if (list) list.push(id);
    else members.set(c, [id]);
  }
  const regions = placeRegions(members, links, communityOf, settings);

  const positions = new Map<string, Point>();
  for (const region of regions) {
    const local = layoutMembers(region.members, links, communityOf, region.id, settings);
    for (const [id, p] of local) positions.set(id, { x: region.x + region.radius * p.x, y: region.y + region.radius * p.y });
  }
  placeLoners(regions, links, communityOf, positions);
  return normalise(positions, settings.extent);
}

/** Step 1: a disc per community (area ∝ concepts), placed by ForceAtlas2 over the summed edges between communities, overlaps removed. */
function placeRegions(members: Map<number, string[]>, links: MapLayoutEdge[], communityOf: (id: string) => number, settings: MapLayoutOptions): Region[] {
  const order = [...members.keys()].sort((a, b) => a - b);
  const graph = new Graph<{ x: number; y: number; size: number }, { weight: number }>({ type: 'undirected', multi: false, allowSelfLoops: false });
  const random = createRandom(settings.seed);
  const spread = Math.sqrt([...members.values()].reduce((sum, list) => sum + list.length, 0));
  for (const c of order) {
    graph.addNode(String(c), { x: spread * (random() - 0.5), y: spread * (random() - 0.5), size: Math.sqrt(members.get(c)!.length) });
  }
  for (const { source, target, weight } of links) {
    const a = String(communityOf(source));
    const b = String(communityOf(target));
    if (a === b) continue;
    if (graph.hasEdge(a, b)) graph.updateEdgeAttribute(a, b, 'weight', (w) => (w ?? 0) + weight);
    else graph.addEdge(a, b, { weight });
  }
  if (graph.order > 1) {
    forceAtlas2.assign(graph, {
      iterations: settings.communityIterations,
      getEdgeWeight: 'weight',
      settings: { ...forceAtlas2.inferSettings(graph), linLogMode: true, adjustSizes: true, gravity: 1, scalingRatio: 2 },
    });
  }
  const regions: Region[] = order.map((c) => {
    const { x, y, size } = graph.getNodeAttributes(String(c));
    return { id: c, x, y, radius: size, members: members.get(c)! };
  });
  separate(regions, settings.gap);
  return regions;
}

/**
 * Pushes overlapping discs apart until every pair is at least `gap` × the mean radius
 * apart, then pulls the whole arrangement in so it wastes no space: a few hundred
 * discs at most, so the pairwise pass is cheap.
 */
function separate(regions: Region[], gap: number): void {
  if (regions.length < 2) return;
  const margin = gap * (regions.reduce((sum, r) => sum + r.radius, 0) / regions.length);
  let cx = 0, cy = 0;
  for (const r of regions) (cx += r.x / regions.length), (cy += r.y / regions.length);
  // LinLog distances have no scale of their own: scale the arrangement so the typical
  // region just touches its nearest one, then resolve what still overlaps.
  const fits = regions.map((a) => {
    let best = Infinity;
    for (const b of regions) if (b !== a) best = Math.min(best, Math.hypot(a.x - b.x, a.y - b.y) / (a.radius + b.radius + margin));
    return best;
  }).sort((a, b) => a - b);
  const median = fits[Math.floor(fits.length / 2)];
  if (median > 0 && Number.isFinite(median)) {
    for (const r of regions) (r.x = cx + (r.x - cx) / median), (r.y = cy + (r.y - cy) / median);
  }
  for (let round = 0; round < 500; round++) {
    let moved = false;
    for (let i = 0; i < regions.length; i++) {
      for (let j = i + 1; j < regions.length; j++) {
        const a = regions[i];
        const b = regions[j];
        let dx = b.x - a.x;
        let dy = b.y - a.y;
        let d = Math.hypot(dx, dy);
        const need = a.radius + b.radius + margin;
        if (d >= need) continue;
        if (d < 1e-9) {
          // Coincident centres: part them along a direction fixed by their ids.
          const angle = (a.id * 7 + b.id * 13) % 360;
          dx = Math.cos(angle);
          dy = Math.sin(angle);
          d = 1;
        }
        const push = (need - d) / 2;
        const wa = b.radius ** 2 / (a.radius ** 2 + b.radius ** 2);
        a.x -= ((dx / d) * push * 2 * wa);
        a.y -= ((dy / d) * push * 2 * wa);
        b.x += (dx / d) * push * 2 * (1 - wa);
        b.y += (dy / d) * push * 2 * (1 - wa);
        moved = true;
      }
    }
    if (!moved) break;
    // A light pull to the centre keeps pushed discs from drifting far out.
    for (const r of regions) (r.x += (cx - r.x) * 0.01), (r.y += (cy - r.y) * 0.01);
  }
}

/** Step 2: a community's members by its own edges, in the unit disc. */
function layoutMembers(ids: string[], links: MapLayoutEdge[], communityOf: (id: string) => number, community: number, settings: MapLayoutOptions): Map<string, Point> {
  const random = createRandom(settings.seed + community + 1);
  const graph = new Graph<{ x: number; y: number }, { weight: number }>({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const id of ids) {
    const r = Math.sqrt(random());
    const theta = 2 * Math.PI * random();
    graph.addNode(id, { x: r * Math.cos(theta), y: r * Math.sin(theta) });
  }
  for (const { source, target, weight } of links) {
    if (communityOf(source) !== community || communityOf(target) !== community || graph.hasEdge(source, target)) continue;
    graph.addEdge(source, target, { weight });
  }
  if (graph.order > 2 && graph.size > 0) {
    forceAtlas2.assign(graph, {
      iterations: settings.memberIterations,
      getEdgeWeight: 'weight',
      settings: { ...forceAtlas2.inferSettings(graph), linLogMode: true, gravity: 1 },
    });
  }
  // Into the unit disc: centred, scaled by the farthest member, with the far tail
  // folded in (a radius by rank keeps one outlier from squeezing all the others).
  let cx = 0, cy = 0;
  graph.forEachNode((_id, { x, y }) => ((cx += x / graph.order), (cy += y / graph.order)));
  const polar = graph.mapNodes((id, { x, y }) => ({ id, angle: Math.atan2(y - cy, x - cx), distance: Math.hypot(x - cx, y - cy) }));
  const byDistance = [...polar].sort((a, b) => a.distance - b.distance || compareIds(a.id, b.id));
  const out = new Map<string, Point>();
  byDistance.forEach(({ id, angle }, rank) => {
    // Rank-based radius spreads members evenly over the disc's area (√ for uniform density).
    const r = ids.length === 1 ? 0 : Math.sqrt((rank + 0.5) / ids.length);
    out.set(id, { x: r * Math.cos(angle), y: r * Math.sin(angle) });
  });
  return out;
}

/**
 * Members with no edge inside their community were placed at random in its disc:
 * they move to the point of the disc nearest to where their other edges pull them.
 */
function placeLoners(regions: Region[], links: MapLayoutEdge[], communityOf: (id: string) => number, positions: Map<string, Point>): void {
  const inside = new Set<string>();
  for (const { source, target } of links) if (communityOf(source) === communityOf(target)) inside.add(source).add(target);
  for (const region of regions) {
    if (region.members.length < 3) continue;
    for (const id of region.members) {
      if (inside.has(id)) continue;
      let x = 0, y = 0, total = 0;
      for (const { source, target, weight } of links) {
        if (source !== id && target !== id) continue;
        const p = positions.get(source === id ? target : source)!;
        (x += weight * p.x), (y += weight * p.y), (total += weight);
      }
      if (total === 0) continue;
      const dx = x / total - region.x;
      const dy = y / total - region.y;
      const d = Math.hypot(dx, dy);
      const r = Math.min(d, region.radius * 0.95);
      positions.set(id, d > 0 ? { x: region.x + (dx / d) * r, y: region.y + (dy / d) * r } : { x: region.x, y: region.y });
    }
  }
}
