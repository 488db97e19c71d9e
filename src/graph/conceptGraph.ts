// The concept co-occurrence network in compressed rows: the one structure every
// analytic (communities, layout, PageRank, betweenness, participation) runs on.
// Typed arrays rather than a graphology graph: at 85,000 papers the network has
// ~190,000 concepts and millions of edges, which as node and edge objects with
// attribute objects cost ~360 bytes an edge (against ~25 here) and much of the
// analytics' time in allocation and garbage collection. Concepts are numbered in id
// order and each concept's neighbours are listed in id order, the order graphology
// visits them in for a graph built in id order, so results never depend on the order
// the input arrived in. ForceAtlas2 needs a graphology graph: `toGraphology` makes one
// of the concepts it lays out.
import Graph from 'graphology';
import { compareIds } from './cooccurrence.ts';
import type { CoOccurrence } from './model.ts';

export interface ConceptGraph {
  /** Concept ids in code-unit order: concept i is `ids[i]`. */
  ids: string[];
  /** Concept i's edges are entries starts[i] .. starts[i+1] of `neighbours` and `weights`. */
  starts: Uint32Array;
  /** The other end of each entry, ascending within a concept; each edge is listed at both ends. */
  neighbours: Uint32Array;
  /** Association strength of each entry (strongest edge = 1). */
  weights: Float64Array;
  /** Edges (each listed twice in the arrays). */
  size: number;
}

export function createConceptGraph(conceptIds: Iterable<string>, edges: CoOccurrence[]): ConceptGraph {
  const ids = [...new Set(conceptIds)].sort(compareIds);
  const index = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const ends = new Uint32Array(2 * edges.length);
  edges.forEach((edge, e) => {
    const s = index.get(edge.source);
    const t = index.get(edge.target);
    if (s === undefined || t === undefined) throw new Error(`edge ${edge.source} – ${edge.target} names a concept not in the graph`);
    if (s === t) throw new Error(`edge ${edge.source} – ${edge.target} is a loop`);
    ends[2 * e] = s;
    ends[2 * e + 1] = t;
  });
  const starts = new Uint32Array(n + 1);
  for (const end of ends) starts[end + 1]++;
  for (let i = 0; i < n; i++) starts[i + 1] += starts[i];
  const neighbours = new Uint32Array(ends.length);
  const weights = new Float64Array(ends.length);
  const fill = starts.slice(0, n);
  for (let k = 0; k < ends.length; k++) {
    const at = fill[ends[k]]++;
    neighbours[at] = ends[k ^ 1];
    weights[at] = edges[k >> 1].weight;
  }
  // Edges sorted by source then target (as associationStrength gives them) fill each
  // row in neighbour order already; others are sorted here.
  for (let i = 0; i < n; i++) {
    const from = starts[i];
    const to = starts[i + 1];
    let sorted = true;
    for (let k = from + 1; k < to && sorted; k++) sorted = neighbours[k - 1] < neighbours[k];
    if (sorted) continue;
    const row = Array.from({ length: to - from }, (_, k) => [neighbours[from + k], weights[from + k]]).sort((a, b) => a[0] - b[0]);
    row.forEach(([neighbour, weight], k) => {
      if (k > 0 && row[k - 1][0] === neighbour) throw new Error(`edge ${ids[i]} – ${ids[neighbour]} is listed twice`);
      neighbours[from + k] = neighbour;
      weights[from + k] = weight;
    });
  }
  return { ids, starts, neighbours, weights, size: edges.length };
}

/** Concept i's number of edges. */
export function degreeOf(graph: ConceptGraph, i: number): number {
  return graph.starts[i + 1] - graph.starts[i];
}

/**
 * The concepts `keep` (ascending indexes; all by default) and the edges among them as
 * a graphology graph, inserted in id order with a `weight` attribute, for the libraries
 * that need one.
 */
export function toGraphology(graph: ConceptGraph, keep?: Uint32Array): Graph {
  const out = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const { ids, starts, neighbours, weights } = graph;
  const kept = keep ? new Uint8Array(ids.length) : null;
  if (kept) keep!.forEach((i) => (kept[i] = 1));
  const nodes = keep ?? Uint32Array.from(ids, (_, i) => i);
  for (const i of nodes) out.addNode(ids[i]);
  for (const i of nodes) {
    for (let k = starts[i]; k < starts[i + 1]; k++) {
      const j = neighbours[k];
      if (j > i && (!kept || kept[j])) out.addEdge(ids[i], ids[j], { weight: weights[k] });
    }
  }
  return out;
}
