// What a console result or a bridges answer puts on the map: a highlight over the
// nodes it names (everything else dims), plus the nodes and links it needs that the
// map lacks, removed again when the answer is cleared. Console and bridges share it,
// so only one answer is on the map at a time.
import type { MapEdgeAttributes, MapNodeAttributes } from '../../../src/graph/model.ts';
import type { MapGraphology, ViewState } from './viewState.ts';

export interface OverlayContent {
  /** Nodes to draw if the map lacks them (already present ones are left as they are). */
  nodes: Array<{ key: string; attributes: MapNodeAttributes }>;
  /** Links to draw if the map lacks them. */
  edges: Array<{ source: string; target: string; attributes: MapEdgeAttributes }>;
  /** Nodes picked out; the rest of the map dims. */
  highlight: string[];
}

export interface MapOverlay {
  show(content: OverlayContent): void;
  clear(): void;
  /** True while an answer is on the map. */
  active(): boolean;
}

/** `keep(id)`: nodes that must stay when the overlay goes (held by an expansion). */
export function createMapOverlay(graph: MapGraphology, view: ViewState, keep: (id: string) => boolean): MapOverlay {
  let addedNodes: string[] = [];
  let addedEdges: string[] = [];

  function clear(): void {
    view.overlayHighlight.clear();
    for (const edge of addedEdges) if (graph.hasEdge(edge)) graph.dropEdge(edge);
    for (const key of addedNodes) if (graph.hasNode(key) && !keep(key)) graph.dropNode(key);
    addedNodes = [];
    addedEdges = [];
  }

  return {
    show(content) {
      clear();
      for (const node of content.nodes) {
        if (graph.hasNode(node.key)) continue;
        graph.addNode(node.key, node.attributes);
        addedNodes.push(node.key);
      }
      for (const { source, target, attributes } of content.edges) {
        if (graph.hasNode(source) && graph.hasNode(target) && source !== target && !graph.hasEdge(source, target)) {
          addedEdges.push(graph.addEdge(source, target, attributes));
        }
      }
      for (const id of content.highlight) if (graph.hasNode(id)) view.overlayHighlight.add(id);
    },
    clear,
    active: () => view.overlayHighlight.size > 0,
  };
}
