// The overview's columns (model.ts OverviewConcepts, OverviewEdges) as the graph the map
// draws: one concept node per place, one CO_OCCURS edge per pair, keyed as every other
// graph the API sends keys them (a node by its concept id, an edge "source|target").
// Runtime-free of the DOM, so the tests read an overview through it too.
import type { MapEdgeAttributes, MapGraph, MapNodeAttributes, OverviewResponse, SerializedEdge, SerializedNode } from '../../../src/graph/model.ts';

export function overviewGraph({ concepts, edges }: OverviewResponse): MapGraph {
  const nodes: SerializedNode<MapNodeAttributes>[] = concepts.ids.map((key, i) => {
    const attributes: MapNodeAttributes = {
      kind: 'concept',
      label: concepts.labels[i],
      x: concepts.x[i],
      y: concepts.y[i],
      size: concepts.size[i],
      community: concepts.community[i],
      papers: concepts.papers[i],
      year: concepts.year[i],
      pagerank: concepts.pagerank[i],
    };
    const from = concepts.yearFrom[i];
    if (from !== null) attributes.yearCounts = { from, counts: concepts.yearCounts[i] };
    return { key, attributes };
  });
  const links: SerializedEdge<MapEdgeAttributes>[] = edges.source.map((s, j) => {
    const source = concepts.ids[s];
    const target = concepts.ids[edges.target[j]];
    return { key: `${source}|${target}`, source, target, attributes: { kind: 'cooccurs', papers: edges.papers[j], weight: edges.weight[j], size: edges.size[j] } };
  });
  return { options: { type: 'undirected', multi: false, allowSelfLoops: false }, attributes: {}, nodes, edges: links };
}
