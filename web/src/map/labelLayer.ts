// The map's labels, drawn by us instead of sigma's label grid (which lets labels of
// neighbouring cells run into each other): after each sigma frame, every node that
// may carry a label becomes a candidate box, labelPlacement.ts keeps those that meet
// no box already placed (selected first, then the current view's nodes, then bigger
// nodes), and only those are drawn. Zoomed out, the communities' names are placed
// first, so the map reads as regions; zooming in makes room for concept labels.
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
  /** The camera counts as resting this long (ms) after its last move. */
  restMs: number;
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
  restMs: 120,
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
  /** Positions changed (a new overview, a view's layout): community anchors are recomputed. */
  invalidate(): void;
  /** Width (px) a label of this text takes beside a node of that radius, gap included. */
  labelWidth(text: string, nodeRadius: number): number;
  /** False from a camera move until the full placement has run again at rest (until then the last placement is only moved). */
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
  communityName: (id: number) => string | null,
  obstacles: () => LabelBox[],
  options: Partial<LabelLayerOptions> = {},
): LabelLayer {
  const settings = { ...LABEL_LAYER_DEFAULTS, ...options };
  const context = renderer.getCanvases().labels.getContext('2d')!;
  const widths = new Map<string, number>();
  let drawn: DrawnLabel[] = [];
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

  // While the camera moves, the last placement is redrawn at the new positions unless
  // the view zoomed out (panning and zooming in only move labels apart); the full
  // placement runs again once the camera rests.
  let placedAtRatio = Infinity;
  let lastPlacement: Array<{ id: string; kind: DrawnLabel['kind']; text: string; font: string; colour: string; graphX: number; graphY: number }> = [];
  let moving = false;
  let placedAtRest = false;
  let restTimer: ReturnType<typeof setTimeout> | undefined;
  renderer.getCamera().on('updated', () => {
    moving = true;
    placedAtRest = false;
    clearTimeout(restTimer);
    restTimer = setTimeout(() => {
      moving = false;
      renderer.scheduleRender();
    }, settings.restMs);
  });

  // A pan keeps the ratio: the last frame's labels, kept as a bitmap, are only shifted.
  const bitmap = document.createElement('canvas');
  const bitmapContext = bitmap.getContext('2d')!;
  let bitmapAnchor: { graph: { x: number; y: number }; viewport: { x: number; y: number } } | null = null;

  function keepBitmap(ratio: number): void {
    const source = renderer.getCanvases().labels;
    bitmap.width = source.width;
    bitmap.height = source.height;
    bitmapContext.drawImage(source, 0, 0);
    const graphPoint = { x: 0, y: 0 };
    bitmapAnchor = { graph: graphPoint, viewport: renderer.graphToViewport(graphPoint) };
    placedAtRatio = ratio;
  }

  function shiftBitmap(): void {
    if (!bitmapAnchor) return;
    const now = renderer.graphToViewport(bitmapAnchor.graph);
    const dx = now.x - bitmapAnchor.viewport.x;
    const dy = now.y - bitmapAnchor.viewport.y;
    const { width, height } = renderer.getDimensions();
    context.drawImage(bitmap, dx, dy, width, height);
    drawn = drawn.map((label) => ({ ...label, box: { ...label.box, x: label.box.x + dx - shifted.x, y: label.box.y + dy - shifted.y } }));
    shifted = { x: dx, y: dy };
  }
  let shifted = { x: 0, y: 0 };

  function redrawLast(): void {
    context.save();
    context.textBaseline = 'middle';
    drawn = [];
    for (const label of lastPlacement) {
      const data = label.kind === 'community' ? null : (renderer.getNodeDisplayData(label.id) as MapNodeDisplayData | undefined);
      if (label.kind !== 'community' && (!data || data.hidden)) continue;
      const p = data ? renderer.framedGraphToViewport(data) : renderer.graphToViewport({ x: label.graphX, y: label.graphY });
      const size = data ? renderer.scaleSize(data.size) : 0;
      const w = measure(label.text, label.font);
      const fontSize = label.kind === 'community' ? settings.communitySize : settings.size;
      const x = data ? p.x + size + 3 : p.x - w / 2;
      context.font = label.font;
      context.fillStyle = label.colour;
      context.fillText(label.text, x, p.y);
      drawn.push({ kind: label.kind, id: label.id, text: label.text, box: { x: x - PAD_X, y: p.y - fontSize / 2 - PAD_Y, width: w + 2 * PAD_X, height: fontSize + 2 * PAD_Y } });
    }
    context.restore();
  }

  renderer.on('afterRender', () => {
    const { width, height } = renderer.getDimensions();
    const ratio = renderer.getCamera().getState().ratio;
    if (moving && ratio === placedAtRatio && bitmapAnchor) {
      shiftBitmap();
      return;
    }
    if (moving && ratio <= placedAtRatio && lastPlacement.length > 0) {
      redrawLast();
      return;
    }
    type Item = { kind: DrawnLabel['kind'] | 'obstacle'; id: string; text: string; font: string; colour: string; anchorX: number; anchorY: number; ring: number; graphX: number; graphY: number };
    const candidates: LabelCandidate<Item>[] = obstacles().map((box) => ({
      box,
      priority: Infinity,
      item: { kind: 'obstacle', id: '', text: '', font: '', colour: '', anchorX: 0, anchorY: 0, ring: 0, graphX: 0, graphY: 0 },
    }));
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
        candidates.push({ box, priority: 2.5e6 + c.concepts, item: { kind: 'community', id: String(c.id), text: c.name, font, colour: darker(communityColour(c.id)), anchorX: p.x, anchorY: p.y, ring: 0, graphX: c.x, graphY: c.y } });
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
        item: { kind: data.kind, id: node, text, font, colour: '#1d2530', anchorX: p.x, anchorY: p.y, ring: selected ? size + 2.5 : 0, graphX: 0, graphY: 0 },
      });
    });

    const placed = placeLabels(candidates).filter((c): c is LabelCandidate<Item & { kind: DrawnLabel['kind'] }> => c.item.kind !== 'obstacle');
    context.save();
    context.textBaseline = 'middle';
    context.lineJoin = 'round';
    for (const { box, item } of placed) {
      if (item.ring > 0) {
        context.beginPath();
        context.arc(item.anchorX, item.anchorY, item.ring, 0, 2 * Math.PI);
        context.lineWidth = 2;
        context.strokeStyle = '#1d2530';
        context.stroke();
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
    drawn = placed.map(({ box, item }) => ({ kind: item.kind, id: item.id, text: item.text, box }));
    placedAtRest = !moving;
    shifted = { x: 0, y: 0 };
    keepBitmap(ratio);
    lastPlacement = placed.map(({ item }) => ({ id: item.id, kind: item.kind, text: item.text, font: item.font, colour: item.colour, graphX: item.graphX, graphY: item.graphY }));
  });

  return {
    drawn: () => drawn,
    invalidate: () => {
      communities = null;
    },
    placed: () => placedAtRest,
    labelWidth: (text, nodeRadius) => nodeRadius + 3 + measure(cut(text), fontOf('500', settings.size)) + 2 * PAD_X + 8,
  };
}

/** The community hue, darkened so its name reads on white. */
function darker(hex: string): string {
  const channel = (i: number) => Math.round(parseInt(hex.slice(i, i + 2), 16) * 0.55).toString(16).padStart(2, '0');
  return hex.startsWith('#') && hex.length === 7 ? `#${channel(1)}${channel(3)}${channel(5)}` : hex;
}
