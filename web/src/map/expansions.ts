// Expanding a concept adds its neighbourhood (concepts, papers, their edges) to the
// map; collapsing removes exactly what that expansion added. Nodes and edges can be
// added by several expansions, so each remembers its holders and leaves the map only
// when the last holder collapses. Overview nodes have no holder and always stay.
import type { MapGraph, MapNodeAttributes } from '../../../src/graph/model.ts';
import type { MapGraphology } from './viewState.ts';

export interface ExpansionResult {
  addedNodes: number;
  addedEdges: number;
}

export class Expansions {
  private readonly depths = new Map<string, 1 | 2>();
  private readonly nodeHolders = new Map<string, Set<string>>();
  private readonly edgeHolders = new Map<string, Set<string>>();

  constructor(private readonly graph: MapGraphology) {}

  has(centre: string): boolean {
    return this.depths.has(centre);
  }

  /** True when some expansion added `node` (it leaves with the last of them). */
  holds(node: string): boolean {
    return this.nodeHolders.has(node);
  }

  /** Active expansions in the order they were made: [centre, depth]. */
  list(): Array<[string, 1 | 2]> {
    return [...this.depths];
  }

  reset(): void {
    this.depths.clear();
    this.nodeHolders.clear();
    this.edgeHolders.clear();
  }

  /**
   * Adds `sub` (a neighbourhood from the API) around `centre`. New nodes are placed
   * near the centre: concepts on a spiral, papers on a ring outside it, at a radius
   * relative to the map's extent so the expansion reads as one cluster.
   */
  expand(centre: string, depth: 1 | 2, sub: MapGraph, extent: number): ExpansionResult {
    if (this.depths.has(centre)) this.collapse(centre);
    this.depths.set(centre, depth);
    const graph = this.graph;
    const centreNode = sub.nodes.find((n) => n.key === centre);
    let addedNodes = 0;
    let addedEdges = 0;
    if (!graph.hasNode(centre) && centreNode) {
      graph.addNode(centre, { ...centreNode.attributes, ...besideNeighbours(graph, centre, sub) });
      this.hold(this.nodeHolders, centre, centre);
      addedNodes++;
    }
    const origin = graph.hasNode(centre) ? graph.getNodeAttributes(centre) : null;
    const step = extent * 0.03;
    let conceptIndex = 0;
    let paperIndex = 0;
    const paperCount = sub.nodes.filter((n) => n.attributes.kind === 'paper').length;
    for (const node of sub.nodes) {
      if (graph.hasNode(node.key)) continue;
      const attributes: MapNodeAttributes = { ...node.attributes };
      if (origin) {
        if (attributes.kind === 'paper') {
          const angle = (2 * Math.PI * paperIndex++) / Math.max(1, paperCount);
          const radius = step * (2.2 + Math.sqrt(sub.nodes.length) * 0.55);
          attributes.x = origin.x + radius * Math.cos(angle);
          attributes.y = origin.y + radius * Math.sin(angle);
        } else {
          const i = ++conceptIndex;
          const angle = i * 2.399963; // golden angle: an even, deterministic spiral
          const radius = step * Math.sqrt(i) * 0.9;
          attributes.x = origin.x + radius * Math.cos(angle);
          attributes.y = origin.y + radius * Math.sin(angle);
        }
      }
      graph.addNode(node.key, attributes);
      this.hold(this.nodeHolders, node.key, centre);
      addedNodes++;
    }
    for (const edge of sub.edges) {
      if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
      const key = edge.key ?? `${edge.source}|${edge.target}`;
      if (graph.hasEdge(edge.source, edge.target)) continue;
      graph.addUndirectedEdgeWithKey(key, edge.source, edge.target, { ...edge.attributes });
      this.hold(this.edgeHolders, key, centre);
      addedEdges++;
    }
    // Nodes another expansion added that this neighbourhood contains (its centre
    // included) are held too, so collapsing the other one leaves them in place.
    for (const node of sub.nodes) if (this.nodeHolders.has(node.key)) this.hold(this.nodeHolders, node.key, centre);
    return { addedNodes, addedEdges };
  }

  /** Removes what `centre`'s expansion added and no other expansion still holds. */
  collapse(centre: string): number {
    if (!this.depths.delete(centre)) return 0;
    const graph = this.graph;
    for (const [key, holders] of this.edgeHolders) {
      if (!holders.delete(centre) || holders.size > 0) continue;
      this.edgeHolders.delete(key);
      if (graph.hasEdge(key)) graph.dropEdge(key);
    }
    let removed = 0;
    for (const [key, holders] of this.nodeHolders) {
      if (!holders.delete(centre) || holders.size > 0) continue;
      this.nodeHolders.delete(key);
      if (graph.hasNode(key)) {
        graph.dropNode(key);
        removed++;
      }
    }
    return removed;
  }

  private hold(holders: Map<string, Set<string>>, key: string, centre: string): void {
    let set = holders.get(key);
    if (!set) holders.set(key, (set = new Set()));
    set.add(centre);
  }
}

/**
 * Where a concept off the map goes: among its neighbours on it (weighted by association
 * strength). The overview is laid out for its own concepts (src/graph/mapLayout.ts), so
 * the stored position a neighbourhood sends is of another picture; it is kept only when
 * no neighbour is on the map.
 */
function besideNeighbours(graph: MapGraphology, centre: string, sub: MapGraph): { x: number; y: number } | null {
  let x = 0;
  let y = 0;
  let total = 0;
  for (const edge of sub.edges) {
    const other = edge.source === centre ? edge.target : edge.target === centre ? edge.source : null;
    if (other === null || !graph.hasNode(other) || edge.attributes.kind !== 'cooccurs') continue;
    const at = graph.getNodeAttributes(other);
    const w = edge.attributes.weight;
    (x += w * at.x), (y += w * at.y), (total += w);
  }
  return total > 0 ? { x: x / total, y: y / total } : null;
}

/** The larger side of the bounding box of every node: the scale for placing new nodes. */
export function graphExtent(graph: MapGraphology): number {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  graph.forEachNode((_, a) => {
    if (a.x < minX) minX = a.x;
    if (a.x > maxX) maxX = a.x;
    if (a.y < minY) minY = a.y;
    if (a.y > maxY) maxY = a.y;
  });
  const extent = Math.max(maxX - minX, maxY - minY);
  return Number.isFinite(extent) && extent > 0 ? extent : 100;
}
