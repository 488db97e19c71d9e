// window.__papergraph: a read-only view of the explorer for the browser tests and
// scripts (node counts, positions on screen, drawn labels, render figures).
import type { DrawnLabel } from './map/labelLayer.ts';
import type { Explorer, MapViewKind, RenderStats } from './explorer.ts';
import type { CameraState } from './urlState.ts';

export interface DebugHandle {
  ready(): boolean;
  /** True while no view change or panel load is in flight, the camera rests and the labels are placed for where it rests. */
  idle(): boolean;
  nodeCount(): number;
  edgeCount(): number;
  hasNode(id: string): boolean;
  selected(): string | null;
  mapView(): MapViewKind;
  /** The node's position in CSS pixels relative to the map container, or null when absent. */
  nodeViewportPosition(id: string): { x: number; y: number } | null;
  /** The node's drawn radius in CSS pixels, or null when absent. */
  nodeViewportSize(id: string): number | null;
  /** Nodes with a given kind. */
  nodes(kind: 'concept' | 'paper'): string[];
  /** The edges drawn in the last frame (not hidden by the view or the filters), as [source, target]. */
  drawnEdges(): Array<[string, string]>;
  /** Nodes the current view is about (focus, bridges, console result); the rest is faded. */
  subject(): string[];
  /** Nodes picked out by a console result or a bridges answer. */
  highlighted(): string[];
  /** The labels of the last frame and their boxes (CSS pixels of the map). */
  labels(): DrawnLabel[];
  camera(): CameraState;
  renderStats(): RenderStats;
}

export function exposeDebugHandle(explorer: Explorer): void {
  const handle: DebugHandle = {
    ready: () => explorer.ready,
    idle: () => explorer.ready && explorer.pending === 0 && !explorer.renderer.getCamera().isAnimated() && (explorer.labels?.placed() ?? true),
    nodeCount: () => explorer.graph.order,
    edgeCount: () => explorer.graph.size,
    hasNode: (id) => explorer.graph.hasNode(id),
    selected: () => explorer.view.selected,
    mapView: () => explorer.mapView,
    nodeViewportPosition: (id) => {
      if (!explorer.graph.hasNode(id) || !explorer.renderer) return null;
      const { x, y } = explorer.graph.getNodeAttributes(id);
      return explorer.renderer.graphToViewport({ x, y });
    },
    nodeViewportSize: (id) => {
      const data = explorer.renderer?.getNodeDisplayData(id);
      return data ? explorer.renderer.scaleSize(data.size) : null;
    },
    nodes: (kind) => explorer.graph.filterNodes((_, a) => a.kind === kind),
    drawnEdges: () => {
      const drawn: Array<[string, string]> = [];
      explorer.graph.forEachEdge((edge, _attributes, source, target) => {
        const data = explorer.renderer?.getEdgeDisplayData(edge);
        if (data && !data.hidden) drawn.push([source, target]);
      });
      return drawn;
    },
    subject: () => [...explorer.view.subject],
    highlighted: () => [...explorer.view.overlayHighlight],
    labels: () => explorer.labels?.drawn().map((l) => ({ ...l, box: { ...l.box } })) ?? [],
    camera: () => {
      const { x, y, ratio } = explorer.renderer.getCamera().getState();
      return { x, y, ratio };
    },
    renderStats: () => ({ ...explorer.stats, frameMs: [...explorer.stats.frameMs], frameMoving: [...explorer.stats.frameMoving] }),
  };
  Object.defineProperty(window, '__papergraph', { value: Object.freeze(handle), writable: false, configurable: false });
}
