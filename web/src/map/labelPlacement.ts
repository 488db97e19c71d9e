// Greedy label placement without overlap, in the spirit of Imhof's rules for map
// lettering and of the greedy point-feature labelling of Christensen, Marks and
// Shieber ("An empirical study of algorithms for point-feature label placement",
// ACM TOG 14(3), 1995): candidates are taken in priority order and each is placed
// only if its box meets no box already placed; the rest wait until zooming in makes
// room. A uniform grid of buckets keeps each test to the few boxes nearby.

export interface LabelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LabelCandidate<T> {
  box: LabelBox;
  /** Higher first; ties keep the input order. */
  priority: number;
  item: T;
}

export interface PlacementOptions {
  /** Bucket side in pixels: about a typical label's width. */
  cellSize: number;
  /** Clear space kept around each label, in pixels. */
  gap: number;
}

export const PLACEMENT_DEFAULTS: PlacementOptions = { cellSize: 96, gap: 2 };

export function intersects(a: LabelBox, b: LabelBox, gap = 0): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

/** The candidates that get their label, in placement order. */
export function placeLabels<T>(candidates: LabelCandidate<T>[], options: Partial<PlacementOptions> = {}): LabelCandidate<T>[] {
  const { cellSize, gap } = { ...PLACEMENT_DEFAULTS, ...options };
  const order = candidates.map((_, i) => i).sort((a, b) => candidates[b].priority - candidates[a].priority || a - b);
  const buckets = new Map<number, LabelBox[]>();
  // Cells are keyed by a single number: labels live within a few thousand pixels of the viewport.
  const key = (cx: number, cy: number) => (cx + 4096) * 8192 + (cy + 4096);
  const placed: LabelCandidate<T>[] = [];
  for (const index of order) {
    const candidate = candidates[index];
    const { box } = candidate;
    const x0 = Math.floor((box.x - gap) / cellSize);
    const x1 = Math.floor((box.x + box.width + gap) / cellSize);
    const y0 = Math.floor((box.y - gap) / cellSize);
    const y1 = Math.floor((box.y + box.height + gap) / cellSize);
    let free = true;
    for (let cx = x0; cx <= x1 && free; cx++) {
      for (let cy = y0; cy <= y1 && free; cy++) {
        for (const other of buckets.get(key(cx, cy)) ?? []) {
          if (intersects(box, other, gap)) {
            free = false;
            break;
          }
        }
      }
    }
    if (!free) continue;
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const k = key(cx, cy);
        let bucket = buckets.get(k);
        if (!bucket) buckets.set(k, (bucket = []));
        bucket.push(box);
      }
    }
    placed.push(candidate);
  }
  return placed;
}
