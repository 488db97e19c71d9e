// The CO_OCCURS graph as compact adjacency: concepts numbered, each one's neighbours
// strongest first in one typed array with their weights (compressed sparse rows, Saad
// 2003, "Iterative Methods for Sparse Linear Systems", §3.4), and the same rows sorted
// by number for binary search: "do a and b co-occur, and how strongly (a's place in
// b's list)?" for every pair a neighbourhood shows, where walking a hub's thousands of
// neighbours per pair was the cost of an expand. Built once per read model.
import type { Snapshot } from './snapshot.ts';

export interface CooccurrenceGraph {
  conceptIds: string[];
  conceptNumber: Map<string, number>;
  /** Each concept's place in the order of ids (`<` on the text): comparing ids as numbers. */
  idRank: Int32Array;
  /** Neighbours of concept c: neighbour[start[c] … start[c + 1]), as snapshot.neighbours orders them, with their weights and papers. */
  start: Int32Array;
  neighbour: Int32Array;
  weight: Float64Array;
  papers: Int32Array;
  /**
   * The rows of hubs (more neighbours than a bitset over all concepts has 32-bit words)
   * also as bitsets, `words` words each: the union of a few hubs' neighbours is then an OR
   * of words rather than a read of tens of thousands of entries. hubRow[c]: the place of
   * c's bitset in rowBits, or -1.
   */
  words: number;
  hubRow: Int32Array;
  rowBits: Uint32Array;
  /** The index of concept j in concept i's row (0: strongest), or -1 when they do not co-occur. */
  rankAt(i: number, j: number): number;
}

const built = new WeakMap<Snapshot, CooccurrenceGraph>();

export function cooccurrenceGraph(snapshot: Snapshot): CooccurrenceGraph {
  const cached = built.get(snapshot);
  if (cached) return cached;
  const conceptIds = [...new Set([...snapshot.concepts.keys(), ...snapshot.neighbours.keys()])];
  const conceptNumber = new Map(conceptIds.map((id, i) => [id, i]));
  const start = new Int32Array(conceptIds.length + 1);
  conceptIds.forEach((id, i) => (start[i + 1] = start[i] + (snapshot.neighbours.get(id)?.length ?? 0)));
  const size = start[conceptIds.length];
  const neighbour = new Int32Array(size);
  const weight = new Float64Array(size);
  const papers = new Int32Array(size);
  const sorted = new Int32Array(size);
  const rankAt = new Int32Array(size);
  conceptIds.forEach((id, i) => {
    const list = snapshot.neighbours.get(id) ?? [];
    const row = list.map((n, rank) => ({ n: conceptNumber.get(n.id) ?? -1, rank }));
    row.forEach((e, k) => {
      neighbour[start[i] + k] = e.n;
      weight[start[i] + k] = list[k].weight;
      papers[start[i] + k] = list[k].papers;
    });
    row.sort((x, y) => x.n - y.n);
    row.forEach((e, k) => {
      sorted[start[i] + k] = e.n;
      rankAt[start[i] + k] = e.rank;
    });
  });
  const words = Math.ceil(conceptIds.length / 32);
  const hubRow = new Int32Array(conceptIds.length).fill(-1);
  let hubs = 0;
  for (let c = 0; c < conceptIds.length; c++) if (start[c + 1] - start[c] > words) hubRow[c] = hubs++;
  const rowBits = new Uint32Array(hubs * words);
  for (let c = 0; c < conceptIds.length; c++) {
    if (hubRow[c] < 0) continue;
    const at = hubRow[c] * words;
    for (let k = start[c]; k < start[c + 1]; k++) rowBits[at + (neighbour[k] >>> 5)] |= 1 << (neighbour[k] & 31);
  }
  const idRank = new Int32Array(conceptIds.length);
  conceptIds
    .map((_, i) => i)
    .sort((x, y) => (conceptIds[x] < conceptIds[y] ? -1 : 1))
    .forEach((c, place) => (idRank[c] = place));
  const graph: CooccurrenceGraph = {
    conceptIds,
    conceptNumber,
    idRank,
    words,
    hubRow,
    rowBits,
    start,
    neighbour,
    weight,
    papers,
    rankAt(i, j) {
      let lo = start[i];
      let hi = start[i + 1] - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid] < j) lo = mid + 1;
        else if (sorted[mid] > j) hi = mid - 1;
        else return rankAt[mid];
      }
      return -1;
    },
  };
  built.set(snapshot, graph);
  return graph;
}
