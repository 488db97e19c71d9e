// The concept co-occurrence network as a graphology graph: the one structure every
// analytic (communities, layout, PageRank, betweenness, participation) runs on.
// Nodes and edges are inserted in id order, so results never depend on the order the
// input arrived in (graphology algorithms iterate in insertion order).
import Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import { compareIds } from './cooccurrence.ts';
import type { CoOccurrence } from './model.ts';

export interface ConceptEdgeAttributes {
  /** Association strength, strongest edge = 1. */
  weight: number;
  papers: number;
}

/** Node attributes are free for an algorithm's working copy (the layout's x, y). */
export type ConceptGraph = Graph<Attributes, ConceptEdgeAttributes>;

export function createConceptGraph(conceptIds: Iterable<string>, edges: CoOccurrence[]): ConceptGraph {
  const graph: ConceptGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const id of [...conceptIds].sort(compareIds)) graph.addNode(id);
  const ordered = [...edges].sort((a, b) => compareIds(a.source, b.source) || compareIds(a.target, b.target));
  for (const edge of ordered) {
    graph.addEdge(edge.source, edge.target, { weight: edge.weight, papers: edge.papers });
  }
  return graph;
}
