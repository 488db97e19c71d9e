// Layouts of the focus and bridges views: the nodes of the view in vertical lanes,
// one label per row, each label in the gap right of its lane, so every label has its
// own row once the camera is fitted to the lanes (a radial ring would make labels
// near its top and bottom collide). Lane count is chosen for the viewport's shape.
// Positions are in pixels at the fitted zoom; toGraph() maps them into graph units.

export interface LaneOptions {
  /** Vertical distance between rows, px (a 12 px label and its halo need ~16). */
  rowHeight: number;
  /** Horizontal distance between lanes, px: the longest label that fits between two lanes. */
  laneWidth: number;
  /** Room kept for the labels of the rightmost lane, px. */
  labelRoom: number;
}

export const LANE_DEFAULTS: LaneOptions = { rowHeight: 24, laneWidth: 250, labelRoom: 230 };

/** Pixel positions of a layout's nodes. */
export type LaneLayout = Map<string, { x: number; y: number }>;

/** Lanes side by side, x = lane index × laneWidth; each lane's rows centred on y = 0. */
export function layOutLanes(lanes: string[][], options: Partial<LaneOptions> = {}): LaneLayout {
  const { rowHeight, laneWidth } = { ...LANE_DEFAULTS, ...options };
  const positions: LaneLayout = new Map();
  lanes.forEach((lane, index) => {
    lane.forEach((id, row) => positions.set(id, { x: index * laneWidth, y: (row - (lane.length - 1) / 2) * rowHeight }));
  });
  return positions;
}

/** How many lanes on each side of the centre fit `count` nodes best in a width × height viewport. */
export function lanesPerSide(count: number, viewport: { width: number; height: number }, options: Partial<LaneOptions> = {}): number {
  const { rowHeight, laneWidth, labelRoom } = { ...LANE_DEFAULTS, ...options };
  let best = 1;
  let bestScale = 0;
  for (let perSide = 1; perSide <= 4; perSide++) {
    const rows = Math.ceil(count / (2 * perSide));
    const scale = Math.min(viewport.width / (2 * perSide * laneWidth + labelRoom), viewport.height / ((rows + 1) * rowHeight));
    if (scale > bestScale * 1.05) {
      best = perSide;
      bestScale = scale;
    }
  }
  return best;
}

/**
 * The focus view: the centre in the middle, its neighbours (strongest first, then
 * papers) filling lanes from the inside out, alternating left and right. Within a
 * lane, nodes keep their map order from top to bottom.
 */
export function focusLayout(
  centre: string,
  neighbours: string[],
  mapY: (id: string) => number,
  viewport: { width: number; height: number },
  options: Partial<LaneOptions> = {},
): LaneLayout {
  const perSide = lanesPerSide(neighbours.length, viewport, options);
  const rows = Math.max(1, Math.ceil(neighbours.length / (2 * perSide)));
  const left: string[][] = Array.from({ length: perSide }, () => []);
  const right: string[][] = Array.from({ length: perSide }, () => []);
  neighbours.forEach((id, i) => {
    const lane = Math.floor(i / (2 * rows));
    (i % 2 === 0 ? right : left)[lane].push(id);
  });
  // Sigma's y axis points up: higher map y first keeps the map's top at the top.
  const byMapY = (ids: string[]) => ids.sort((a, b) => mapY(b) - mapY(a));
  const lanes = [...left.reverse().map(byMapY), [centre], ...right.map(byMapY)];
  return centred(layOutLanes(lanes, options), centre);
}

/**
 * The bridges view: topic A's concepts on the left, topic B's on the right, and between them the bridging papers and connecting concepts, in as
 * many middle lanes as their number needs.
 */
export function bridgesLayout(
  sideA: string[],
  middle: string[],
  sideB: string[],
  viewport: { width: number; height: number },
  options: Partial<LaneOptions> = {},
): LaneLayout {
  const { rowHeight } = { ...LANE_DEFAULTS, ...options };
  const rowsFit = Math.max(4, Math.floor(viewport.height / rowHeight) - 2);
  const middleLanes = Math.max(1, Math.ceil(middle.length / rowsFit));
  const perLane = Math.ceil(middle.length / middleLanes);
  const lanes = [sideA];
  for (let i = 0; i < middleLanes; i++) lanes.push(middle.slice(i * perLane, (i + 1) * perLane));
  lanes.push(sideB);
  const layout = layOutLanes(lanes, options);
  // Centre the whole on x = 0.
  const shift = ((lanes.length - 1) * (options.laneWidth ?? LANE_DEFAULTS.laneWidth)) / 2;
  for (const p of layout.values()) p.x -= shift;
  return layout;
}

function centred(layout: LaneLayout, centre: string): LaneLayout {
  const at = layout.get(centre)!;
  const dx = at.x;
  const dy = at.y;
  for (const p of layout.values()) {
    p.x -= dx;
    p.y -= dy;
  }
  return layout;
}

/** Maps pixel positions around `origin` into graph units (`unitsPerPixel`); sigma's y points up. */
export function toGraph(layout: LaneLayout, origin: { x: number; y: number }, unitsPerPixel: number): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  for (const [id, p] of layout) out.set(id, { x: origin.x + p.x * unitsPerPixel, y: origin.y - p.y * unitsPerPixel });
  return out;
}
