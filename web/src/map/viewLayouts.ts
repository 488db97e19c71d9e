// Layouts of the focus and bridges views: the nodes of the view in vertical lanes,
// one label per row, each label in the gap right of its lane, so every label has its
// own row once the camera is fitted to the lanes (a radial ring would make labels
// near its top and bottom collide). Lane count is chosen for the viewport's shape.
// Positions are in pixels at the fitted zoom; toGraph() maps them into graph units.

export interface LaneOptions {
  /** Vertical distance between rows, px (a 12 px label and its halo need ~16). */
  rowHeight: number;
  /** Widest gap between two lanes, px; a lane's gap is its widest label, up to this. */
  laneWidth: number;
  /** Narrowest gap between two lanes, px. */
  minLaneWidth: number;
}

export const LANE_DEFAULTS: LaneOptions = { rowHeight: 28, laneWidth: 250, minLaneWidth: 60 };

/** The width a node's label takes beside it, px. */
export type LabelWidth = (id: string) => number;

export interface LaneLayout {
  /** Pixel positions of the layout's nodes. */
  positions: Map<string, { x: number; y: number }>;
  /** Room the rightmost lane's labels need, px. */
  labelRoom: number;
}

/** Lanes side by side, each as far from the next as its widest label needs; rows centred on y = 0. */
export function layOutLanes(lanes: string[][], labelWidth: LabelWidth, options: Partial<LaneOptions> = {}): LaneLayout {
  const { rowHeight, laneWidth, minLaneWidth } = { ...LANE_DEFAULTS, ...options };
  const positions = new Map<string, { x: number; y: number }>();
  const gapAfter = (lane: string[]) => Math.min(laneWidth, Math.max(minLaneWidth, ...lane.map(labelWidth)));
  let x = 0;
  let labelRoom = 0;
  for (const lane of lanes) {
    lane.forEach((id, row) => positions.set(id, { x, y: (row - (lane.length - 1) / 2) * rowHeight }));
    labelRoom = gapAfter(lane);
    x += labelRoom;
  }
  return { positions, labelRoom };
}

/** How many lanes on each side of the centre fit `count` nodes best in a width × height viewport. */
export function lanesPerSide(count: number, viewport: { width: number; height: number }, options: Partial<LaneOptions> = {}): number {
  const { rowHeight, laneWidth } = { ...LANE_DEFAULTS, ...options };
  const labelRoom = laneWidth;
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
  labelWidth: LabelWidth,
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
  return centred(layOutLanes(lanes, labelWidth, options), centre);
}

/**
 * The bridges view: topic A's concepts on the left, topic B's on the right, and
 * between them the connecting concepts (short labels) and then the bridging papers
 * (long titles, which run towards B), each in as many lanes as their number needs.
 */
export function bridgesLayout(
  sideA: string[],
  middleConcepts: string[],
  papers: string[],
  sideB: string[],
  labelWidth: LabelWidth,
  viewport: { width: number; height: number },
  options: Partial<LaneOptions> = {},
): LaneLayout {
  const { rowHeight } = { ...LANE_DEFAULTS, ...options };
  const rowsFit = Math.max(4, Math.floor(viewport.height / rowHeight) - 2);
  const split = (ids: string[]) => {
    const count = Math.ceil(ids.length / rowsFit);
    const perLane = Math.ceil(ids.length / Math.max(1, count));
    return Array.from({ length: count }, (_, i) => ids.slice(i * perLane, (i + 1) * perLane));
  };
  const lanes = [sideA, ...split(middleConcepts), ...split(papers), sideB].filter((lane) => lane.length > 0);
  let layout = layOutLanes(lanes, labelWidth, options);
  // Lanes of paper titles can be wider than the map: the camera fit then shrinks the
  // rows with the width, below a label's height. Rows spread in proportion keep their
  // height on screen once fitted (the fit is then as tall as it was wide).
  const xs0 = [...layout.positions.values()].map((p) => p.x);
  const width = Math.max(...xs0) - Math.min(...xs0) + layout.labelRoom;
  if (width > viewport.width) layout = layOutLanes(lanes, labelWidth, { ...options, rowHeight: (rowHeight * width) / viewport.width });
  // Centre the whole on x = 0.
  const xs = [...layout.positions.values()].map((p) => p.x);
  const shift = (Math.min(...xs) + Math.max(...xs)) / 2;
  for (const p of layout.positions.values()) p.x -= shift;
  return layout;
}

function centred(layout: LaneLayout, centre: string): LaneLayout {
  const at = layout.positions.get(centre)!;
  const dx = at.x;
  const dy = at.y;
  for (const p of layout.positions.values()) {
    p.x -= dx;
    p.y -= dy;
  }
  return layout;
}

/** Maps pixel positions around `origin` into graph units (`unitsPerPixel`); sigma's y points up. */
export function toGraph(layout: LaneLayout, origin: { x: number; y: number }, unitsPerPixel: number): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  for (const [id, p] of layout.positions) out.set(id, { x: origin.x + p.x * unitsPerPixel, y: origin.y - p.y * unitsPerPixel });
  return out;
}
