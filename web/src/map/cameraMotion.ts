// Whether the camera is moving, for the work that should wait until it rests: the
// label placement, the hover's refocus of every node and edge, the edge level of
// detail. A camera frame then only redraws what sigma already holds; anything that
// re-runs the reducers or places labels from scratch happens once, at rest.
import type { MapRenderer } from './renderer.ts';

export interface CameraMotionOptions {
  /** The camera counts as resting this long (ms) after its last move. */
  restMs: number;
}

export const CAMERA_MOTION_DEFAULTS: CameraMotionOptions = { restMs: 120 };

export interface CameraMotion {
  /** True from a camera move until restMs have passed without another and sigma sees no move going on. */
  moving(): boolean;
  /** Sigma's own test at this instant (the one behind hideEdgesOnMove): the frame being drawn is a camera-move frame. */
  sigmaMoving(): boolean;
  /** Called each time the camera comes to rest, in the order registered. */
  onRest(listener: () => void): void;
}

export function trackCameraMotion(renderer: MapRenderer, options: Partial<CameraMotionOptions> = {}): CameraMotion {
  const { restMs } = { ...CAMERA_MOTION_DEFAULTS, ...options };
  const listeners: Array<() => void> = [];
  let moving = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Sigma's own test for a move (the one behind hideEdgesOnMove): an animation, a drag
  // or a wheel zoom in progress. On software GL a frame can take longer than restMs,
  // so a quiet spell alone would call the middle of a zoom a rest.
  const captor = renderer.getMouseCaptor();
  const sigmaMoving = () => renderer.getCamera().isAnimated() || captor.isMouseDown || captor.isMoving || captor.draggedEvents > 0 || captor.currentWheelDirection !== 0;
  const rest = () => {
    if (sigmaMoving()) {
      timer = setTimeout(rest, restMs);
      return;
    }
    moving = false;
    for (const listener of listeners) listener();
  };
  renderer.getCamera().on('updated', () => {
    moving = true;
    clearTimeout(timer);
    timer = setTimeout(rest, restMs);
  });
  return {
    moving: () => moving,
    sigmaMoving,
    onRest: (listener) => void listeners.push(listener),
  };
}
