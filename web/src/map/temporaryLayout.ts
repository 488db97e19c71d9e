// A view's own positions for some nodes (the focus and bridges layouts), written
// into the graph while the view lasts and undone when it ends, so the overview's
// layout is never lost. Positions live in the graph, not in a reducer, because
// @sigma/utils fits the camera to graph positions.
import type { MapGraphology } from './viewState.ts';

export interface TemporaryLayout {
  apply(positions: Map<string, { x: number; y: number }>): void;
  /** Puts every moved node back where the overview had it. */
  restore(): void;
  active(): boolean;
}

export function createTemporaryLayout(graph: MapGraphology): TemporaryLayout {
  const original = new Map<string, { x: number; y: number }>();
  return {
    apply(positions) {
      for (const [id, p] of positions) {
        if (!graph.hasNode(id)) continue;
        if (!original.has(id)) {
          const a = graph.getNodeAttributes(id);
          original.set(id, { x: a.x, y: a.y });
        }
        graph.mergeNodeAttributes(id, p);
      }
    },
    restore() {
      for (const [id, p] of original) if (graph.hasNode(id)) graph.mergeNodeAttributes(id, p);
      original.clear();
    },
    active: () => original.size > 0,
  };
}
