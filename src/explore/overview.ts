// The concept map shown on load: the top concepts of the corpus and the CO_OCCURS
// edges among them, positioned by the stored ForceAtlas2 layout.
import type { OverviewResponse } from '../graph/model.ts';
import { conceptNode, cooccursEdge, mapGraph } from './mapGraph.ts';
import type { Snapshot } from './snapshot.ts';

export interface OverviewOptions {
  /** Concepts on the map. */
  limit: number;
  /** Rank concepts by paper count or by PageRank. */
  by: 'papers' | 'pagerank';
  /** At most this many edges per node, strongest first: keeps dense corpora readable. */
  maxEdgesPerNode: number;
}

// 12 edges a node keeps 2,000 concepts near the 20,000 edges software GL draws smoothly.
export const OVERVIEW_DEFAULTS: OverviewOptions = { limit: 500, by: 'papers', maxEdgesPerNode: 12 };

export function overview(snapshot: Snapshot, options: Partial<OverviewOptions> = {}): OverviewResponse {
  const { limit, by, maxEdgesPerNode } = { ...OVERVIEW_DEFAULTS, ...options };
  const ranked =
    by === 'pagerank'
      ? [...snapshot.conceptsByPapers].sort((a, b) => snapshot.concepts.get(b)!.pagerank - snapshot.concepts.get(a)!.pagerank)
      : snapshot.conceptsByPapers;
  const top = ranked.slice(0, limit);
  const onMap = new Set(top);
  const maxPapers = snapshot.concepts.get(snapshot.conceptsByPapers[0])?.papers ?? 1;

  const nodes = top.map((id) => conceptNode(snapshot.concepts.get(id)!, maxPapers));
  // An edge stays when it is among the strongest of either endpoint.
  const chosen = new Map<string, { source: string; target: string; papers: number; weight: number }>();
  for (const id of top) {
    let kept = 0;
    for (const n of snapshot.neighbours.get(id) ?? []) {
      if (kept >= maxEdgesPerNode) break;
      if (!onMap.has(n.id)) continue;
      kept++;
      const [source, target] = id < n.id ? [id, n.id] : [n.id, id];
      chosen.set(`${source}|${target}`, { source, target, papers: n.papers, weight: n.weight });
    }
  }
  let maxWeight = 0;
  for (const e of chosen.values()) maxWeight = Math.max(maxWeight, e.weight);
  const edges = [...chosen.values()].map((e) => cooccursEdge(e.source, e.target, e.papers, e.weight, maxWeight));
  return {
    graph: mapGraph(nodes, edges),
    communities: [...snapshot.communities.values()],
    years: snapshot.years,
    totalConcepts: snapshot.concepts.size,
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
