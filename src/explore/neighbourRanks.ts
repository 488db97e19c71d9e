// Is concept b among a's CO_OCCURS neighbours, and how strong (its place in a's list)?
// A question the neighbourhood asks for every pair of the concepts it shows; walking a
// hub's list of thousands of neighbours for each was the cost of an expand.
//
// Compact adjacency (compressed sparse rows, as in Saad 2003, "Iterative Methods for
// Sparse Linear Systems", §3.4): each concept's neighbours as integers sorted in one
// typed array, found by binary search; built once per read model.
import type { Snapshot } from './snapshot.ts';

export interface NeighbourRanks {
  /** The index of `b` in `snapshot.neighbours.get(a)` (0: strongest), or -1 when they do not co-occur. */
  rank(a: string, b: string): number;
}

const built = new WeakMap<Snapshot, NeighbourRanks>();

export function neighbourRanks(snapshot: Snapshot): NeighbourRanks {
  const cached = built.get(snapshot);
  if (cached) return cached;
  const number = new Map<string, number>();
  for (const id of snapshot.concepts.keys()) number.set(id, number.size);
  const start = new Int32Array(number.size + 1);
  for (const [id, list] of snapshot.neighbours) {
    const i = number.get(id);
    if (i !== undefined) start[i + 1] = list.length;
  }
  for (let i = 0; i < number.size; i++) start[i + 1] += start[i];
  const neighbour = new Int32Array(start[number.size]);
  const rankAt = new Int32Array(start[number.size]);
  for (const [id, list] of snapshot.neighbours) {
    const i = number.get(id);
    if (i === undefined) continue;
    const entries = list.map((n, rank) => ({ n: number.get(n.id) ?? -1, rank })).sort((x, y) => x.n - y.n);
    entries.forEach((e, k) => {
      neighbour[start[i] + k] = e.n;
      rankAt[start[i] + k] = e.rank;
    });
  }
  const ranks: NeighbourRanks = {
    rank(a, b) {
      const i = number.get(a);
      const j = number.get(b);
      if (i === undefined || j === undefined) return -1;
      let lo = start[i];
      let hi = start[i + 1] - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        if (neighbour[mid] < j) lo = mid + 1;
        else if (neighbour[mid] > j) hi = mid - 1;
        else return rankAt[mid];
      }
      return -1;
    },
  };
  built.set(snapshot, ranks);
  return ranks;
}
