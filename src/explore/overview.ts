// The concept map shown on load: the concepts that best describe the corpus, the
// CO_OCCURS edges among them, and positions laid out for them alone. Sent in columns
// (model.ts OverviewConcepts, CooccursEdges): graphology's serialised form of 2,000
// concepts and 15,000 edges was 3 MB of repeated keys, and parsing and importing it
// was most of the explorer's first load.
//
// Which concepts: ranked by papers × specificity, places shared among communities by
// their own papers (src/explore/mapConcepts.ts).
//
// Where: the map's own layout (src/graph/mapLayout.ts) over every stored edge among
// the chosen concepts, which separates their communities into regions; the stored
// whole-graph layout was drawn for 60,000 concepts and mixes the communities of any
// few hundred of them. Computed once per read model and choice of concepts.
import { knnPurity } from '../graph/knnPurity.ts';
import type { Point } from '../graph/layout.ts';
import { layoutMap, type MapLayoutEdge } from '../graph/mapLayout.ts';
import type { CooccursEdges, OverviewConcepts, OverviewResponse } from '../graph/model.ts';
import { mapConcepts } from './mapConcepts.ts';
import { conceptNode, cooccursAttributes, round } from './mapGraph.ts';
import type { Snapshot } from './snapshot.ts';

export interface OverviewOptions {
  /** Concepts on the map. */
  limit: number;
  /** Rank concepts by papers × specificity or by PageRank × specificity. */
  by: 'papers' | 'pagerank';
  /** At most this many edges per node, strongest first: keeps dense corpora readable. */
  maxEdgesPerNode: number;
}

// 12 edges a node keeps 2,000 concepts near the 20,000 edges software GL draws smoothly.
export const OVERVIEW_DEFAULTS: OverviewOptions = { limit: 500, by: 'papers', maxEdgesPerNode: 12 };

interface MapLayout {
  ids: string[];
  positions: Map<string, Point>;
  purity: number;
  genericLeftOut: number;
}

/** Map layouts of each read model, by ranking and size: the same map is laid out once. */
const layouts = new WeakMap<Snapshot, Map<string, MapLayout>>();

export function mapLayoutOf(snapshot: Snapshot, by: OverviewOptions['by'], limit: number): MapLayout {
  let cache = layouts.get(snapshot);
  if (!cache) layouts.set(snapshot, (cache = new Map()));
  const key = `${by}:${limit}`;
  let layout = cache.get(key);
  if (!layout) {
    const { ids, genericLeftOut } = mapConcepts(snapshot, { by, limit });
    const onMap = new Set(ids);
    const edges: MapLayoutEdge[] = [];
    for (const id of ids) {
      for (const n of snapshot.neighbours.get(id) ?? []) if (id < n.id && onMap.has(n.id)) edges.push({ source: id, target: n.id, weight: n.weight });
    }
    const communityOf = (id: string) => snapshot.concepts.get(id)!.community;
    const positions = layoutMap(ids, communityOf, edges);
    layout = { ids, positions, purity: knnPurity(positions, communityOf), genericLeftOut };
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    cache.set(key, layout);
  }
  return layout;
}

/** Papers per year of every concept, from its first year to its last; built once per read model. */
const yearCountsCache = new WeakMap<Snapshot, Map<string, { from: number; counts: number[] }>>();

export function conceptYearCounts(snapshot: Snapshot, id: string): { from: number; counts: number[] } | undefined {
  let cache = yearCountsCache.get(snapshot);
  if (!cache) yearCountsCache.set(snapshot, (cache = new Map()));
  if (cache.has(id)) return cache.get(id);
  const years: number[] = [];
  for (const m of snapshot.mentionsByConcept.get(id) ?? []) {
    const year = snapshot.papers.get(m.paperId)?.year;
    if (typeof year === 'number') years.push(year);
  }
  if (years.length === 0) return undefined;
  const from = Math.min(...years);
  const counts = new Array<number>(Math.max(...years) - from + 1).fill(0);
  for (const year of years) counts[year - from]++;
  const entry = { from, counts };
  cache.set(id, entry);
  return entry;
}

/** Papers per year of the corpus, from its first year to its last. */
export function corpusYearCounts(snapshot: Snapshot): number[] {
  const { min, max } = snapshot.years;
  if (min === null || max === null) return [];
  const counts = new Array<number>(max - min + 1).fill(0);
  for (const paper of snapshot.papers.values()) if (paper.year !== null) counts[paper.year - min]++;
  return counts;
}

export function overview(snapshot: Snapshot, options: Partial<OverviewOptions> = {}): OverviewResponse {
  const { limit, by, maxEdgesPerNode } = { ...OVERVIEW_DEFAULTS, ...options };
  const layout = mapLayoutOf(snapshot, by, limit);
  const top = layout.ids;
  const place = new Map(top.map((id, i) => [id, i]));
  // Sizes are relative to the biggest concept on this map (the explorer sizes a year range the same way).
  let maxPapers = 1;
  for (const id of top) maxPapers = Math.max(maxPapers, snapshot.concepts.get(id)!.papers);

  const concepts: OverviewConcepts = { ids: top, labels: [], x: [], y: [], size: [], community: [], papers: [], year: [], pagerank: [], yearFrom: [], yearCounts: [] };
  for (const id of top) {
    const { attributes } = conceptNode(snapshot.concepts.get(id)!, maxPapers);
    const { x, y } = layout.positions.get(id)!;
    const yearCounts = conceptYearCounts(snapshot, id);
    concepts.labels.push(attributes.label);
    concepts.x.push(round(x, 2));
    concepts.y.push(round(y, 2));
    concepts.size.push(attributes.size);
    concepts.community.push(attributes.community);
    concepts.papers.push(attributes.papers);
    concepts.year.push(attributes.year);
    concepts.pagerank.push(attributes.pagerank!);
    concepts.yearFrom.push(yearCounts?.from ?? null);
    concepts.yearCounts.push(yearCounts?.counts ?? []);
  }
  // An edge stays when it is among the strongest of either endpoint.
  const chosen = new Map<string, { source: string; target: string; papers: number; weight: number }>();
  for (const id of top) {
    let kept = 0;
    for (const n of snapshot.neighbours.get(id) ?? []) {
      if (kept >= maxEdgesPerNode) break;
      if (!place.has(n.id)) continue;
      kept++;
      const [source, target] = id < n.id ? [id, n.id] : [n.id, id];
      chosen.set(`${source}|${target}`, { source, target, papers: n.papers, weight: n.weight });
    }
  }
  let maxWeight = 0;
  for (const e of chosen.values()) maxWeight = Math.max(maxWeight, e.weight);
  const edges: CooccursEdges = { source: [], target: [], papers: [], weight: [], size: [] };
  for (const e of chosen.values()) {
    const attributes = cooccursAttributes(e.papers, e.weight, maxWeight);
    edges.source.push(place.get(e.source)!);
    edges.target.push(place.get(e.target)!);
    edges.papers.push(attributes.papers);
    edges.weight.push(attributes.weight);
    edges.size.push(attributes.size);
  }
  return {
    concepts,
    edges,
    communities: [...snapshot.communities.values()],
    years: { ...snapshot.years, counts: corpusYearCounts(snapshot) },
    totalConcepts: snapshot.concepts.size,
    map: { rankedBy: by, purity: round(layout.purity, 3), genericLeftOut: layout.genericLeftOut },
  };
}

/** Serialised overviews of each read model, by options: the map every visitor loads first. */
const serialised = new WeakMap<Snapshot, { tag: string; bodies: Map<string, string> }>();
const MAX_CACHED = 16;

/**
 * The overview as JSON text, built once per read model and options, with a tag that
 * changes when the read model does (an ETag: serving megabytes need not mean hashing them).
 */
export function overviewJson(snapshot: Snapshot, options: OverviewOptions): { body: string; etag: string } {
  let entry = serialised.get(snapshot);
  if (!entry) serialised.set(snapshot, (entry = { tag: Date.now().toString(36), bodies: new Map() }));
  const key = `${options.by}:${options.limit}:${options.maxEdgesPerNode}`;
  let body = entry.bodies.get(key);
  if (body === undefined) {
    body = JSON.stringify(overview(snapshot, options));
    if (entry.bodies.size >= MAX_CACHED) entry.bodies.delete(entry.bodies.keys().next().value!);
    entry.bodies.set(key, body);
  }
  return { body, etag: `"${entry.tag}-${key}"` };
}
