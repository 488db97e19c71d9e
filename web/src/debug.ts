// window.__papergraph: a read-only view of the explorer for the browser tests and
// scripts/bench-explorer.ts (node counts, positions on screen, render figures).
import type { Explorer, RenderStats } from './app.ts';

export interface DebugHandle {
  ready(): boolean;
  nodeCount(): number;
  edgeCount(): number;
  hasNode(id: string): boolean;
  selected(): string | null;
  /** The node's position in CSS pixels relative to the map container, or null when absent. */
  nodeViewportPosition(id: string): { x: number; y: number } | null;
  /** Nodes with a given kind. */
  nodes(kind: 'concept' | 'paper'): string[];
  /** Nodes picked out by a console result or a bridges answer (the rest is dimmed). */
  highlighted(): string[];
  renderStats(): RenderStats;
}

export function exposeDebugHandle(explorer: Explorer): void {
  const handle: DebugHandle = {
    ready: () => explorer.ready,
    nodeCount: () => explorer.graph.order,
    edgeCount: () => explorer.graph.size,
    hasNode: (id) => explorer.graph.hasNode(id),
    selected: () => explorer.view.selected,
    nodeViewportPosition: (id) => {
      if (!explorer.graph.hasNode(id) || !explorer.renderer) return null;
      const { x, y } = explorer.graph.getNodeAttributes(id);
      return explorer.renderer.graphToViewport({ x, y });
    },
    nodes: (kind) => explorer.graph.filterNodes((_, a) => a.kind === kind),
    highlighted: () => [...explorer.view.consoleHighlight],
    renderStats: () => ({ ...explorer.stats, frameMs: [...explorer.stats.frameMs] }),
  };
  Object.defineProperty(window, '__papergraph', { value: Object.freeze(handle), writable: false, configurable: false });
}
