// A neighbourhood's columns (model.ts NeighbourhoodResponse) as the graph the explorer
// adds to its map: the concepts and their CO_OCCURS edges, each paper as a node in the
// centre's community with a MENTIONS edge to the centre (keyed "paper>concept"), and
// the answer's counts as the graph's `counts` attribute.
import type { MapEdgeAttributes, MapGraph, MapNodeAttributes, NeighbourhoodResponse, SerializedEdge, SerializedNode } from '../../../src/graph/model.ts';
import { conceptNodes, cooccursEdges } from './columns.ts';

/** Papers are drawn small beside the concepts, their MENTIONS edges thin. */
const PAPER_SIZE = 2.5;
const MENTION_SIZE = 0.6;

export function neighbourhoodGraph({ concepts, edges, papers, counts }: NeighbourhoodResponse): MapGraph {
  const centre = concepts.ids[0];
  const community = concepts.community[0];
  const paperNodes: SerializedNode<MapNodeAttributes>[] = papers.ids.map((key, i) => ({
    key,
    attributes: { kind: 'paper', label: papers.titles[i], x: papers.x[i], y: papers.y[i], size: PAPER_SIZE, community, papers: 1, year: papers.year[i] },
  }));
  const mentions: SerializedEdge<MapEdgeAttributes>[] = papers.ids.map((paper, i) => ({
    key: `${paper}>${centre}`,
    source: paper,
    target: centre,
    attributes: { kind: 'mentions', papers: 1, weight: papers.mentions[i], size: MENTION_SIZE },
  }));
  return {
    options: { type: 'undirected', multi: false, allowSelfLoops: false },
    attributes: { counts },
    nodes: [...conceptNodes(concepts), ...paperNodes],
    edges: [...cooccursEdges(edges, concepts.ids), ...mentions],
  };
}
