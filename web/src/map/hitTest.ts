// What a click on the map meant, found geometrically in screen space: the node
// under it or within a few pixels of its disc, else the edge within a few pixels of
// the pointer unless a node is nearly as close (every edge of a node starts at its
// disc, so a click just beside a focused concept lies on several of its edges, and
// meant the concept), else nothing, with how far the nearest drawn node was (a near miss
// keeps the selection; only a click far from everything clears it).
import type { MapRenderer } from './renderer.ts';
import type { MapGraphology } from './viewState.ts';

export interface HitOptions {
  /** Pixels beyond a node's disc that still hit it. */
  nodeSlop: number;
  /** Pixels from an edge's line that hit it. */
  edgeHitWidth: number;
  /** A click that would hit an edge but lies within this many pixels of a node's disc hits the node. */
  nodeOverEdge: number;
  /** A click farther than this (px) from every drawn node is a click on empty map. */
  farFromEverything: number;
}

export const HIT_DEFAULTS: HitOptions = { nodeSlop: 4, edgeHitWidth: 5, nodeOverEdge: 8, farFromEverything: 60 };

export type Hit = { kind: 'node'; id: string } | { kind: 'edge'; id: string } | { kind: 'none'; nearestNodePx: number };

function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** `point` in CSS pixels of the map container. */
export function hitTest(renderer: MapRenderer, graph: MapGraphology, point: { x: number; y: number }, options: Partial<HitOptions> = {}): Hit {
  const { nodeSlop, edgeHitWidth, nodeOverEdge } = { ...HIT_DEFAULTS, ...options };
  const screen = new Map<string, { x: number; y: number; r: number }>();
  let bestNode: string | null = null;
  let bestNodeGap = Infinity;
  let nearest = Infinity;
  let nearestNode: string | null = null;
  graph.forEachNode((node) => {
    const data = renderer.getNodeDisplayData(node);
    if (!data || data.hidden) return;
    const p = renderer.framedGraphToViewport(data);
    const r = renderer.scaleSize(data.size);
    screen.set(node, { x: p.x, y: p.y, r });
    const gap = Math.hypot(p.x - point.x, p.y - point.y) - r;
    if (gap < nearest) {
      nearest = gap;
      nearestNode = node;
    }
    // Among nodes within reach, the one drawn on top (higher zIndex) wins, then the nearest.
    if (gap <= nodeSlop && (bestNode === null || gap < bestNodeGap)) {
      bestNode = node;
      bestNodeGap = gap;
    }
  });
  if (bestNode !== null) return { kind: 'node', id: bestNode };
  let bestEdge: string | null = null;
  let bestEdgeDistance = edgeHitWidth;
  graph.forEachEdge((edge, _attributes, source, target) => {
    const data = renderer.getEdgeDisplayData(edge);
    if (!data || data.hidden) return;
    const a = screen.get(source);
    const b = screen.get(target);
    if (!a || !b) return;
    const d = segmentDistance(point.x, point.y, a.x, a.y, b.x, b.y);
    if (d <= bestEdgeDistance) {
      bestEdge = edge;
      bestEdgeDistance = d;
    }
  });
  if (bestEdge !== null && nearestNode !== null && nearest <= nodeOverEdge) return { kind: 'node', id: nearestNode };
  if (bestEdge !== null) return { kind: 'edge', id: bestEdge };
  return { kind: 'none', nearestNodePx: Math.max(0, nearest) };
}
