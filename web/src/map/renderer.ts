// The sigma.js renderer of the concept map, with every setting in one object.
// Tuned for software WebGL (no GPU on many lab machines): a 2,000-node, 20,000-edge
// map takes about as long to draw its edges as everything else together, so edges
// are dropped while the camera moves and never carry labels. Node labels are placed
// and drawn by labelLayer.ts, not by sigma; edges are hit by hitTest.ts.
import Sigma from 'sigma';
import type { Settings } from 'sigma/settings';
import type { MapEdgeAttributes, MapNodeAttributes } from '../../../src/graph/model.ts';
import { trackCameraMotion, type CameraMotion } from './cameraMotion.ts';
import { createReducers } from './reducers.ts';
import { EDGE_COLOUR } from './palette.ts';
import type { MapGraphology, ViewState } from './viewState.ts';

export type MapRenderer = Sigma<MapNodeAttributes, MapEdgeAttributes>;

export const MAP_SETTINGS: Partial<Settings<MapNodeAttributes, MapEdgeAttributes>> = {
  /** Edges are the bulk of a frame on software GL; hidden during pan/zoom they cost nothing. */
  hideEdgesOnMove: true,
  /** Labels are canvas 2D and cheap next to edges; keeping them makes panning readable. */
  hideLabelsOnMove: false,
  renderEdgeLabels: false,
  /**
   * Sigma's label grid lets labels of neighbouring cells overlap; labelLayer.ts
   * places them without overlap and draws them on sigma's label canvas instead.
   */
  renderLabels: false,
  /**
   * Edge picking draws every edge a second time into a picking buffer and tests one
   * pixel under the mouse: a 1 px edge is nearly impossible to hit. hitTest.ts finds
   * the edge within a few pixels of a click geometrically instead.
   */
  enableEdgeEvents: false,
  /** The hover label (sigma draws it on its hover layer) uses the label layer's font. */
  labelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  labelSize: 12,
  labelWeight: '500',
  labelColor: { color: '#1d2530' },
  defaultEdgeColor: EDGE_COLOUR,
  defaultNodeColor: '#9aa3b2',
  /** Reducers raise the focused neighbourhood above the rest. */
  zIndex: true,
  stagePadding: 36,
  minCameraRatio: 0.02,
  maxCameraRatio: 3,
  zoomDuration: 200,
};

/** Zoomed out, at most this many co-occurrence edges are drawn, the strongest. */
export const EDGES_DRAWN_ZOOMED_OUT = 6_000;
/** Camera ratio below which (zoomed in) every edge is drawn. */
export const ALL_EDGES_BELOW_RATIO = 0.5;

/** The weight of the EDGES_DRAWN_ZOOMED_OUT-th strongest edge: weaker ones wait for a zoom-in. */
export function edgeWeightCutoff(graph: MapGraphology): number {
  if (graph.size <= EDGES_DRAWN_ZOOMED_OUT) return 0;
  const weights = graph.mapEdges((_, a) => a.weight).sort((a, b) => b - a);
  return weights[EDGES_DRAWN_ZOOMED_OUT - 1];
}

export function createRenderer(container: HTMLElement, graph: MapGraphology, view: ViewState): { renderer: MapRenderer; motion: CameraMotion } {
  const { nodeReducer, edgeReducer } = createReducers(graph, view);
  const cutoff = edgeWeightCutoff(graph);
  view.minEdgeWeight = cutoff;
  const renderer = new Sigma<MapNodeAttributes, MapEdgeAttributes>(graph, container, {
    ...MAP_SETTINGS,
    nodeReducer,
    edgeReducer,
  });
  const motion = trackCameraMotion(renderer);
  if (cutoff > 0) followEdgeDetail(renderer, graph, view, motion, cutoff);
  return { renderer, motion };
}

/**
 * The level of detail changes when the camera rests on the other side of the zoom
 * threshold, never mid-move (edges are hidden while the camera moves anyway), and
 * re-reduces only the edges it shows or hides. After a graph change sigma has not
 * yet indexed, those edges are indexed with the rest.
 */
function followEdgeDetail(renderer: MapRenderer, graph: MapGraphology, view: ViewState, motion: CameraMotion, cutoff: number): void {
  let indexed = true;
  for (const event of ['nodeAdded', 'edgeAdded', 'nodeDropped', 'edgeDropped', 'cleared'] as const) graph.on(event, () => (indexed = false));
  renderer.on('afterProcess', () => (indexed = true));
  motion.onRest(() => {
    const wanted = renderer.getCamera().getState().ratio < ALL_EDGES_BELOW_RATIO ? 0 : cutoff;
    if (wanted === view.minEdgeWeight) return;
    view.minEdgeWeight = wanted;
    const weaker = graph.filterEdges((_, a) => a.kind === 'cooccurs' && a.weight < cutoff);
    renderer.refresh({ partialGraph: { edges: weaker }, skipIndexation: indexed, schedule: true });
  });
}
