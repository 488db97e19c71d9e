// The overview's columns (model.ts OverviewConcepts, CooccursEdges) as the graph the map
// draws: one concept node per place, with its papers per year, and one CO_OCCURS edge per pair.
import type { MapGraph, OverviewResponse } from '../../../src/graph/model.ts';
import { conceptNodes, cooccursEdges } from './columns.ts';

export function overviewGraph({ concepts, edges }: OverviewResponse): MapGraph {
  const nodes = conceptNodes(concepts);
  nodes.forEach((node, i) => {
    const from = concepts.yearFrom[i];
    if (from !== null) node.attributes.yearCounts = { from, counts: concepts.yearCounts[i] };
  });
  return { options: { type: 'undirected', multi: false, allowSelfLoops: false }, attributes: {}, nodes, edges: cooccursEdges(edges, concepts.ids) };
}
