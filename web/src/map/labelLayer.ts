// The map's labels, drawn by us instead of sigma's label grid (which lets labels of
// neighbouring cells run into each other): after each sigma frame, every node that
// may carry a label becomes a candidate box, labelPlacement.ts keeps those that meet
// no box already placed (selected first, then the current view's nodes, then bigger
// nodes), and only those are drawn. Zoomed out, the communities' names are placed
// first, so the map reads as regions; zooming in makes room for concept labels.
import type { CameraMotion } from './cameraMotion.ts';
import type { MapRenderer } from './renderer.ts';
import type { MapNodeDisplayData } from './reducers.ts';
import { placeLabels, type LabelBox, type LabelCandidate } from './labelPlacement.ts';
import { communityColour } from './palette.ts';
import { passesFilters, type MapGraphology, type ViewState } from './viewState.ts';

export interface LabelLayerOptions {
  font: string;
  /** Concept and paper labels, px. */
  size: number;
  /** Community names, px. */
  communitySize: number;
  /** Community names are drawn while the camera ratio is at least this (zoomed out). */
  communityLabelsFromRatio: number;
  /** A community needs this many concepts on the map to be named there. */
  communityMinConcepts: number;
  /** Nodes drawn smaller than this (px) get no label unless their view asks for one. */
  sizeThreshold: number;
  /** Longer labels are cut with an ellipsis. */
  maxChars: number;
  /** A community's name lists its top terms joined by " · "; the map shows this many. */
  communityTerms: number;
}

export const LABEL_LAYER_DEFAULTS: LabelLayerOptions = {
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  size: 12,
  communitySize: 14,
  communityLabelsFromRatio: 0.45,
  communityMinConcepts: 3,
  sizeThreshold: 5,
  maxChars: 36,
  communityTerms: 2,
};

export interface DrawnLabel {
  kind: 'concept' | 'paper' | 'community';
  id: string;
  text: string;
  box: LabelBox;
}

export interface LabelLayer {
  /** The labels of the last frame, with their boxes in CSS pixels of the map. */
  drawn(): DrawnLabel[];
  /** Positions or the view changed (a new overview, a view's layout, filters): the next frame places every label afresh. */
  invalidate(): void;
  /** Width (px) a label of this text takes beside a node of that radius, gap included. */
  labelWidth(text: string, nodeRadius: number): number;
  /** False from a camera move until the full placement has run again at rest (until then the resting placement is only moved). */
  placed(): boolean;
}

interface Community {
  id: number;
  name: string;
  x: number;
  y: number;
  concepts: number;
}

const PAD_X = 3;
const PAD_Y = 2;

/**
 * `obstacles()`: boxes (CSS pixels of the map) of what covers it, such as the filter
 * and legend panels; no label is placed under them.
 */
export function createLabelLayer(
  renderer: MapRenderer,
  graph: MapGraphology,
  view: ViewState,
  motion: CameraMotion,
  communityName: (id: number) => string | null,
  obstacles: () => LabelBox[],
  options: Partial<LabelLayerOptions> = {},
): LabelLayer {
  const settings = { ...LABEL_LAYER_DEFAULTS, ...options };
  const context = renderer.getCanvases().labels.getContext('2d')!;
  const widths = new Map<string, number>();
  let communities: Community[] | null = null;

  const fontOf = (weight: string, size: number) => `${weight} ${size}px ${settings.font}`;
  function measure(text: string, font: string): number {
    const key = `${font}\u0000${text}`;
    let width = widths.get(key);
    if (width === undefined) {
      context.font = font;
      width = context.measureText(text).width;
      widths.set(key, width);
    }
    return width;
  }
  const cut = (text: string) => (text.length > settings.maxChars ? `${text.slice(0, settings.maxChars - 1).trimEnd()}…` : text);

  /** Each community's concepts on the map, weighted by papers: where its name goes. */
  function communityAnchors(): Community[] {
    const sums = new Map<number, { x: number; y: number; w: number; n: number }>();
    graph.forEachNode((_, a) => {
      if (a.kind !== 'concept' || !passesFilters(a, view.filters)) return;
      const s = sums.get(a.community) ?? { x: 0, y: 0, w: 0, n: 0 };
      const w = Math.sqrt(a.papers);
      s.x += a.x * w;
      s.y += a.y * w;
      s.w += w;
      s.n++;
      sums.set(a.community, s);
    });
    const list: Community[] = [];
    for (const [id, s] of sums) {
      const name = communityName(id);
      if (name && s.n >= settings.communityMinConcepts) {
        list.push({ id, name: cut(name.split(' · ').slice(0, settings.communityTerms).join(' · ')), x: s.x / s.w, y: s.y / s.w, concepts: s.n });
      }
    }
    return list;
  }

    // A placed label, kept between frames: while the camera moves, the last placement
  // at rest is only moved (a pan shifts its bitmap; a zoom re-places these labels
  // alone, in the same order, so zooming out drops those that come to touch), and
  // the full placement over every node runs once the camera rests (cameraMotion.ts).
  interface Placed {
    kind: DrawnLabel['kind'];
    id: string;
    text: string;
    font: string;
    colour: string;
    /** The selected node gets a ring. */
    ring: boolean;
    /** Community names are anchored in graph space; node labels follow their node. */
    graphX: number;
    graphY: number;
  }
  let placement: Array<LabelCandidate<Placed>> = [];
  let placementObstacles: Array<LabelCandidate<Placed | null>> = [];
  let stale = true;
  let placedAtRest = false;
  motion.onRest(() => renderer.scheduleRender());

  // A pan keeps the ratio: the last frame's labels, kept as a bitmap, are only shifted.
  const bitmap = document.createElement('canvas');
  const bitmapContext = bitmap.getContext('2d')!;
  const bitmapAnchor = { graph: { x: 0, y: 0 }, viewport: { x: 0, y: 0 }, ratio: NaN };
  // The labels of the last frame are `shown`, moved by `offset` (a pan's shift).
  let shown: Array<LabelCandidate<Placed>> = [];
  const offset = { x: 0, y: 0 };

  function keepBitmap(ratio: number): void {
    const source = renderer.getCanvases().labels;
    bitmap.width = source.width;
    bitmap.height = source.height;
    bitmapContext.drawImage(source, 0, 0);
    bitmapAnchor.viewport = renderer.graphToViewport(bitmapAnchor.graph);
    bitmapAnchor.ratio = ratio;
  }

  function shiftBitmap(): void {
    const now = renderer.graphToViewport(bitmapAnchor.graph);
    const dx = now.x - bitmapAnchor.viewport.x;
    const dy = now.y - bitmapAnchor.viewport.y;
    const { width, height } = renderer.getDimensions();
    context.drawImage(bitmap, dx, dy, width, height);
    shown = placement;
    offset.x = dx;
    offset.y = dy;
  }

  function draw(labels: Array<LabelCandidate<Placed>>): void {
    context.save();
    context.textBaseline = 'middle';
    context.lineJoin = 'round';
    for (const { box, item } of labels) {
      if (item.ring) {
        const data = renderer.getNodeDisplayData(item.id);
        if (data) {
          const p = renderer.framedGraphToViewport(data);
          context.beginPath();
          context.arc(p.x, p.y, renderer.scaleSize(data.size) + 2.5, 0, 2 * Math.PI);
          context.lineWidth = 2;
          context.strokeStyle = '#1d2530';
          context.stroke();
        }
      }
      context.font = item.font;
      const tx = box.x + PAD_X;
      const ty = box.y + box.height / 2;
      // A white halo keeps text readable over edges and faded nodes.
      context.lineWidth = 3;
      context.strokeStyle = 'rgba(255,255,255,0.92)';
      context.strokeText(item.text, tx, ty);
      context.fillStyle = item.colour;
      context.fillText(item.text, tx, ty);
    }
    context.restore();
    shown = labels;
    offset.x = 0;
    offset.y = 0;
  }

  /** A label's box beside its node (or centred on its community anchor) where the camera is now; null when its node is gone. */
  function boxNow({ box, item }: LabelCandidate<Placed>): LabelBox | null {
    const fontSize = item.kind === 'community' ? settings.communitySize : settings.size;
    if (item.kind === 'community') {
      const p = renderer.graphToViewport({ x: item.graphX, y: item.graphY });
      return { x: p.x - box.width / 2, y: p.y - fontSize / 2 - PAD_Y, width: box.width, height: box.height };
    }
    const data = renderer.getNodeDisplayData(item.id);
    if (!data || data.hidden || !data.label) return null;
    const p = renderer.framedGraphToViewport(data);
    return { x: p.x + renderer.scaleSize(data.size) + 3 - PAD_X, y: p.y - fontSize / 2 - PAD_Y, width: box.width, height: box.height };
  }

  /** Mid-zoom: the resting placement's labels at their new places, in their order, without overlap. */
  function movePlacement(): void {
    const moved: Array<LabelCandidate<Placed | null>> = [...placementObstacles];
    placement.forEach((candidate, i) => {
      const box = boxNow(candidate);
      if (box) moved.push({ box, priority: placement.length - i, item: candidate.item });
    });
    draw(placeLabels(moved).filter((c): c is LabelCandidate<Placed> => c.item !== null));
  }

  renderer.on('afterRender', () => {
    const { width, height } = renderer.getDimensions();
    const ratio = renderer.getCamera().getState().ratio;
    if (motion.moving() && !stale) {
      placedAtRest = false;
      if (ratio === bitmapAnchor.ratio) shiftBitmap();
      else movePlacement();
      return;
    }
    const candidates: Array<LabelCandidate<Placed | null>> = obstacles().map((box) => ({ box, priority: Infinity, item: null }));
    placementObstacles = candidates.slice();
    const labelFont = fontOf('500', settings.size);
    const strongFont = fontOf('700', settings.size);

    if (view.subject.size === 0 && !view.hovered && ratio >= settings.communityLabelsFromRatio) {
      communities ??= communityAnchors();
      const font = fontOf('700', settings.communitySize);
      for (const c of communities) {
        const p = renderer.graphToViewport({ x: c.x, y: c.y });
        const w = measure(c.name, font);
        const box = { x: p.x - w / 2 - PAD_X, y: p.y - settings.communitySize / 2 - PAD_Y, width: w + 2 * PAD_X, height: settings.communitySize + 2 * PAD_Y };
        if (box.x + box.width < 0 || box.x > width || box.y + box.height < 0 || box.y > height) continue;
        candidates.push({ box, priority: 2.5e6 + c.concepts, item: { kind: 'community', id: String(c.id), text: c.name, font, colour: darker(communityColour(c.id)), ring: false, graphX: c.x, graphY: c.y } });
      }
    }

    graph.forEachNode((node) => {
      const data = renderer.getNodeDisplayData(node) as MapNodeDisplayData | undefined;
      if (!data || data.hidden || !data.label) return;
      const size = renderer.scaleSize(data.size);
      if (!data.forceLabel && size < settings.sizeThreshold) return;
      const p = renderer.framedGraphToViewport(data);
      if (p.x < -200 || p.x > width + 200 || p.y < -20 || p.y > height + 20) return;
      const selected = node === view.selected;
      const font = selected ? strongFont : labelFont;
      const text = cut(data.label);
      const w = measure(text, font);
      const gapFromNode = size + 3;
      const x = p.x + gapFromNode - PAD_X;
      const box = { x, y: p.y - settings.size / 2 - PAD_Y, width: w + 2 * PAD_X, height: settings.size + 2 * PAD_Y };
      if (box.x + box.width < 0 || box.x > width || box.y + box.height < 0 || box.y > height) return;
      candidates.push({
        box,
        priority: data.labelRank * 1e6 + size,
        item: { kind: data.kind, id: node, text, font, colour: '#1d2530', ring: selected, graphX: 0, graphY: 0 },
      });
    });

    placement = placeLabels(candidates).filter((c): c is LabelCandidate<Placed> => c.item !== null);
    draw(placement);
    stale = false;
    placedAtRest = !motion.moving();
    keepBitmap(ratio);
  });

  return {
    drawn: () => shown.map(({ box, item }) => ({ kind: item.kind, id: item.id, text: item.text, box: { x: box.x + offset.x, y: box.y + offset.y, width: box.width, height: box.height } })),
    invalidate: () => {
      communities = null;
      stale = true;
    },
    placed: () => placedAtRest && !motion.moving(),
    labelWidth: (text, nodeRadius) => nodeRadius + 3 + measure(cut(text), fontOf('500', settings.size)) + 2 * PAD_X + 8,
  };
}

/** The community hue, darkened so its name reads on white. */
function darker(hex: string): string {
  const channel = (i: number) => Math.round(parseInt(hex.slice(i, i + 2), 16) * 0.55).toString(16).padStart(2, '0');
  return hex.startsWith('#') && hex.length === 7 ? `#${channel(1)}${channel(3)}${channel(5)}` : hex;
}
