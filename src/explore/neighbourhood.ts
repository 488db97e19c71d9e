// The subgraph around a concept: its strongest neighbours (and theirs, at depth 2)
// and the papers that mention it, for "expand" in the explorer.
import type { MapGraph, MapNodeAttributes, MapEdgeAttributes, NeighbourhoodCounts, SerializedEdge, SerializedNode } from '../graph/model.ts';
import { requireConcept } from './concept.ts';
import { conceptNode, cooccursEdge, mapGraph, mentionsEdge, paperNode } from './mapGraph.ts';
import { cooccurrenceGraph } from './cooccurrenceGraph.ts';
import type { Neighbour, Snapshot } from './snapshot.ts';

export interface NeighbourhoodOptions {
  depth: 1 | 2;
  /** Concepts added besides the centre. */
  limit: number;
  /** Papers mentioning the centre, most central first; 0 for none. */
  papers: number;
}

export const NEIGHBOURHOOD_DEFAULTS: NeighbourhoodOptions = { depth: 1, limit: 30, papers: 15 };

export function neighbourhood(snapshot: Snapshot, id: string, options: Partial<NeighbourhoodOptions> = {}): MapGraph {
  const { depth, limit, papers } = { ...NEIGHBOURHOOD_DEFAULTS, ...options };
  const centre = requireConcept(snapshot, id);
  const chosen = new Set([id]);
  const firstRing = (snapshot.neighbours.get(id) ?? []).slice(0, limit);
  for (const n of firstRing) chosen.add(n.id);
  let secondRingTotal = 0;
  if (depth === 2) {
    const reachable = new Set<string>();
    for (const n of firstRing) for (const m of snapshot.neighbours.get(n.id) ?? []) if (!chosen.has(m.id)) reachable.add(m.id);
    secondRingTotal = reachable.size;
    // Second ring: each first-ring concept brings its strongest neighbours not in the
    // first ring, round-robin, until the limit. A hub lists thousands: each queue is
    // read only as far as the rounds go.
    const firstChosen = new Set(chosen);
    const queues = firstRing.map((n) => unchosen(snapshot.neighbours.get(n.id) ?? [], firstChosen));
    const budget = limit * 2;
    for (let round = 0; chosen.size <= budget && queues.some((q) => q.at(round)); round++) {
      for (const queue of queues) {
        const next = queue.at(round);
        if (next && chosen.size <= budget) chosen.add(next.id);
      }
    }
  }
  const maxPapers = snapshot.concepts.get(snapshot.conceptsByPapers[0])?.papers ?? 1;
  const nodes: SerializedNode<MapNodeAttributes>[] = [...chosen].map((c) => conceptNode(snapshot.concepts.get(c)!, maxPapers));
  const pairs: { source: string; target: string; papers: number; weight: number }[] = [];
  const ranks = cooccurrenceGraph(snapshot);
  for (const c of chosen) {
    const list = snapshot.neighbours.get(c) ?? [];
    // Each concept's links to the others shown, strongest first: read from its list when
    // that is short, looked up pair by pair when it is a hub's.
    const linked =
      list.length <= chosen.size
        ? list.filter((n) => chosen.has(n.id))
        : [...chosen]
            .map((d) => ranks.rank(c, d))
            .filter((r) => r >= 0)
            .sort((x, y) => x - y)
            .map((r) => list[r]);
    for (const n of linked) if (c < n.id) pairs.push({ source: c, target: n.id, papers: n.papers, weight: n.weight });
  }
  const maxWeight = pairs.reduce((max, p) => Math.max(max, p.weight), 0);
  const edges: SerializedEdge<MapEdgeAttributes>[] = pairs.map((p) => cooccursEdge(p.source, p.target, p.papers, p.weight, maxWeight));
  const mentions = snapshot.mentionsByConcept.get(id) ?? [];
  mentions.slice(0, papers).forEach((m, index) => {
    const paper = snapshot.papers.get(m.paperId)!;
    nodes.push(paperNode(paper, centre, index, centre.community));
    edges.push(mentionsEdge(paper.id, id, m.count));
  });
  const counts: NeighbourhoodCounts = {
    neighbours: firstRing.length,
    neighboursTotal: snapshot.neighbours.get(id)?.length ?? 0,
    secondRing: chosen.size - 1 - firstRing.length,
    secondRingTotal,
    papers: Math.min(papers, mentions.length),
    papersTotal: mentions.length,
  };
  return mapGraph(nodes, edges, { counts });
}

/** The neighbours in `list` outside `taken`, in order, found as far as they are asked for. */
function unchosen(list: Neighbour[], taken: Set<string>): { at(index: number): Neighbour | undefined } {
  const found: Neighbour[] = [];
  let read = 0;
  return {
    at(index) {
      while (found.length <= index && read < list.length) {
        const n = list[read++];
        if (!taken.has(n.id)) found.push(n);
      }
      return found[index];
    },
  };
}
