// How well a map's plane separates its communities: community kNN purity, the share
// of each node's k nearest neighbours on the map (Euclidean, in layout coordinates)
// that belong to its own community, averaged over the nodes. 1 means every
// community is a region of its own; a random layout scores about Σ (n_c / n)².
//
// It is the k-nearest-neighbour "trustworthiness" of a cluster structure used to
// compare embeddings (e.g. Kobak & Berens 2019, "The art of using t-SNE for
// single-cell transcriptomics", Nat. Commun. 10, 5416, kNN classification
// accuracy), applied to the communities the map colours.
import type { Point } from './layout.ts';

export interface KnnPurityOptions {
  /** Neighbours per node. Default 10. */
  k: number;
}

export const KNN_PURITY_DEFAULTS: KnnPurityOptions = { k: 10 };

/** Mean share of each node's k nearest nodes that share its community; NaN for fewer than 2 nodes. */
export function knnPurity(positions: Map<string, Point>, communityOf: (id: string) => number, options: Partial<KnnPurityOptions> = {}): number {
  const { k } = { ...KNN_PURITY_DEFAULTS, ...options };
  const ids = [...positions.keys()];
  const n = ids.length;
  if (n < 2) return NaN;
  const xs = ids.map((id) => positions.get(id)!.x);
  const ys = ids.map((id) => positions.get(id)!.y);
  const community = ids.map(communityOf);
  const neighbours = Math.min(k, n - 1);
  // The k nearest so far, kept sorted by (distance, index): O(n² k), no sort of all n.
  const bestD = new Float64Array(neighbours);
  const bestJ = new Int32Array(neighbours);
  let total = 0;
  for (let i = 0; i < n; i++) {
    let found = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const d = (xs[i] - xs[j]) ** 2 + (ys[i] - ys[j]) ** 2;
      if (found === neighbours && d >= bestD[found - 1]) continue;
      let at = found < neighbours ? found++ : found - 1;
      while (at > 0 && bestD[at - 1] > d) {
        bestD[at] = bestD[at - 1];
        bestJ[at] = bestJ[at - 1];
        at--;
      }
      bestD[at] = d;
      bestJ[at] = j;
    }
    let same = 0;
    for (let m = 0; m < neighbours; m++) if (community[bestJ[m]] === community[i]) same++;
    total += same / neighbours;
  }
  return total / n;
}
