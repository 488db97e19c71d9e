// Builds the graphs the API returns, in graphology's serialized format, with the
// node and edge attributes the explorer draws (model.ts MapNodeAttributes).
import type { Concept, MapEdgeAttributes, MapGraph, MapNodeAttributes, SerializedEdge, SerializedNode } from '../graph/model.ts';
import type { PaperEntry } from './snapshot.ts';

/** Node radius in pixels at zoom 1: area grows with papers, so big topics read as big. */
export function conceptSize(papers: number, maxPapers: number): number {
  return 3 + 15 * Math.sqrt(papers / Math.max(1, maxPapers));
}

export function conceptNode(concept: Concept, maxPapers: number): SerializedNode<MapNodeAttributes> {
  return {
    key: concept.id,
    attributes: {
      kind: 'concept',
      label: concept.label,
      x: concept.x,
      y: concept.y,
      size: conceptSize(concept.papers, maxPapers),
      community: concept.community,
      papers: concept.papers,
      year: concept.meanYear,
      pagerank: concept.pagerank,
    },
  };
}

/** Papers sit on a small ring around the concept they are drawn next to, so they never hide it. */
export function paperNode(paper: PaperEntry, near: Concept, index: number, community: number): SerializedNode<MapNodeAttributes> {
  const angle = index * 2.399963; // golden angle: evenly spread, deterministic
  const radius = 0.03 + 0.012 * Math.sqrt(index + 1);
  return {
    key: paper.id,
    attributes: {
      kind: 'paper',
      label: paper.title,
      x: near.x + radius * Math.cos(angle),
      y: near.y + radius * Math.sin(angle),
      size: 2.5,
      community,
      papers: 1,
      year: paper.year,
    },
  };
}

export function cooccursEdge(source: string, target: string, papers: number, weight: number): SerializedEdge<MapEdgeAttributes> {
  return {
    key: `${source}|${target}`,
    source,
    target,
    undirected: true,
    attributes: { kind: 'cooccurs', papers, weight, size: 0.5 + 2.5 * weight },
  };
}

export function mentionsEdge(paperId: string, conceptId: string, count: number): SerializedEdge<MapEdgeAttributes> {
  return {
    key: `${paperId}>${conceptId}`,
    source: paperId,
    target: conceptId,
    undirected: true,
    attributes: { kind: 'mentions', papers: 1, weight: count, size: 0.6 },
  };
}

export function mapGraph(nodes: SerializedNode<MapNodeAttributes>[], edges: SerializedEdge<MapEdgeAttributes>[]): MapGraph {
  return {
    options: { type: 'undirected', multi: false, allowSelfLoops: false },
    attributes: {},
    nodes,
    edges,
  };
}
