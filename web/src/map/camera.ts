// Camera moves. Fitting a set of nodes starts from @sigma/utils' fit and then makes
// room for what the fit does not know about: the labels right of the outermost nodes,
// and the overlays (filters, legend) covering the map's left side.
import { getCameraStateToFitViewportToNodes } from '@sigma/utils';
import type { CameraState } from '../urlState.ts';
import type { MapRenderer } from './renderer.ts';

export interface FitOptions {
  /** Room for the labels right of the rightmost nodes, px. */
  labelRoom: number;
  /** Clear space around the whole, px. */
  padding: number;
  /** Pixels on the left covered by overlays: the nodes are fitted into the rest. */
  insetLeft: number;
  duration: number;
}

export const FIT_DEFAULTS: FitOptions = { labelRoom: 160, padding: 24, insetLeft: 0, duration: 450 };

type Override = Parameters<MapRenderer['graphToViewport']>[1];

function screenBox(renderer: MapRenderer, ids: string[], cameraState: CameraState & { angle: number }) {
  const graph = renderer.getGraph();
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const id of ids) {
    const { x, y } = graph.getNodeAttributes(id);
    const p = renderer.graphToViewport({ x, y }, { cameraState } as Override);
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  return { minX, maxX, minY, maxY };
}

/** Moves the camera so that `ids` and their labels fill the free part of the view. */
export async function fitNodes(renderer: MapRenderer, ids: string[], options: Partial<FitOptions> = {}): Promise<void> {
  const { labelRoom, padding, insetLeft, duration } = { ...FIT_DEFAULTS, ...options };
  const present = ids.filter((id) => renderer.getNodeDisplayData(id));
  if (present.length === 0) return;
  // @sigma/utils is typed for Sigma with untyped attributes; ours only narrows them.
  const fitted = getCameraStateToFitViewportToNodes(renderer as unknown as Parameters<typeof getCameraStateToFitViewportToNodes>[0], present);
  const { width, height } = renderer.getDimensions();
  const freeWidth = Math.max(100, width - insetLeft - labelRoom - 2 * padding);
  const freeHeight = Math.max(100, height - 2 * padding - 16);
  const base = { x: fitted.x, y: fitted.y, ratio: fitted.ratio, angle: 0 };
  const box = screenBox(renderer, present, base);
  // On-screen spans shrink in proportion to the ratio.
  const spanRatio = Math.max((box.maxX - box.minX) / freeWidth, (box.maxY - box.minY) / freeHeight);
  const ratio = present.length === 1 ? Math.min(renderer.getCamera().ratio, 0.35) : Math.max(fitted.ratio * spanRatio, 1e-3);
  const target = { ...base, ratio };
  // Centre nodes and labels together in the free part of the view.
  const placed = screenBox(renderer, present, target);
  const centreX = (placed.minX + placed.maxX + labelRoom) / 2;
  const centreY = (placed.minY + placed.maxY) / 2;
  const wanted = { x: insetLeft + (width - insetLeft) / 2, y: height / 2 };
  const from = renderer.viewportToFramedGraph({ x: centreX, y: centreY }, { cameraState: target } as Override);
  const to = renderer.viewportToFramedGraph(wanted, { cameraState: target } as Override);
  target.x += from.x - to.x;
  target.y += from.y - to.y;
  await renderer.getCamera().animate(target, { duration });
}

export function cameraState(renderer: MapRenderer): CameraState {
  const { x, y, ratio } = renderer.getCamera().getState();
  return { x, y, ratio };
}

export function setCamera(renderer: MapRenderer, state: CameraState | null): void {
  renderer.getCamera().setState({ ...(state ?? { x: 0.5, y: 0.5, ratio: 1 }), angle: 0 });
}
