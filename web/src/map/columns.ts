// The API's column forms (model.ts ConceptColumns, CooccursEdges) as graphology's nodes
// and edges, keyed as every graph the explorer holds keys them: a concept by its id, an
// edge "source|target". Runtime-free of the DOM, so the tests read answers through it too.
import type { ConceptColumns, CooccursEdges, MapEdgeAttributes, MapNodeAttributes, SerializedEdge, SerializedNode } from '../../../src/graph/model.ts';

export function conceptNodes(concepts: ConceptColumns): SerializedNode<MapNodeAttributes>[] {
  return concepts.ids.map((key, i) => ({
    key,
    attributes: {
      kind: 'concept',
      label: concepts.labels[i],
      x: concepts.x[i],
      y: concepts.y[i],
      size: concepts.size[i],
      community: concepts.community[i],
      papers: concepts.papers[i],
      year: concepts.year[i],
      pagerank: concepts.pagerank[i],
    },
  }));
}

/** Edge j between concepts `ids[source[j]]` and `ids[target[j]]`. */
export function cooccursEdges(edges: CooccursEdges, ids: string[]): SerializedEdge<MapEdgeAttributes>[] {
  return edges.source.map((s, j) => {
    const source = ids[s];
    const target = ids[edges.target[j]];
    return { key: `${source}|${target}`, source, target, attributes: { kind: 'cooccurs', papers: edges.papers[j], weight: edges.weight[j], size: edges.size[j] } };
  });
}
