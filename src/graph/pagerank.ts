// How central a concept is to the whole map, beyond its own paper count.
//
// Method: PageRank (Brin & Page 1998, "The anatomy of a large-scale hypertextual Web
// search engine") on the undirected concept graph, each edge followed in proportion
// to its association strength, by power iteration, with dangling (isolated) concepts'
// mass given back uniformly: the iteration of graphology-metrics' pagerank, over the
// compressed rows of the concept graph. Scores sum to 1.
import type { ConceptGraph } from './conceptGraph.ts';

export interface PagerankOptions {
  /** Damping factor: the chance of following an edge rather than jumping anywhere. Default 0.85. */
  alpha?: number;
  /** Power iterations at most (then the last iterate is the result). Default 100. */
  maxIterations?: number;
  /** Stop when the summed change of all scores falls below concepts × this. Default 1e-6. */
  tolerance?: number;
}

const DEFAULTS: Required<PagerankOptions> = {
  alpha: 0.85,
  maxIterations: 100,
  tolerance: 1e-6,
};

export function weightedPagerank(graph: ConceptGraph, options: PagerankOptions = {}): Map<string, number> {
  const { alpha, maxIterations, tolerance } = { ...DEFAULTS, ...options };
  const { ids, starts, neighbours, weights } = graph;
  const n = ids.length;
  if (n === 0) return new Map();
  const p = 1 / n;

  // Each entry's share of its concept's strength: the chance of following it.
  const share = new Float64Array(weights.length);
  const dangling: number[] = [];
  for (let i = 0; i < n; i++) {
    let strength = 0;
    for (let k = starts[i]; k < starts[i + 1]; k++) strength += weights[k];
    if (strength === 0) dangling.push(i);
    for (let k = starts[i]; k < starts[i + 1]; k++) share[k] = weights[k] / strength;
  }

  let x = new Float64Array(n).fill(p);
  let last = new Float64Array(n);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    [last, x] = [x, last];
    x.fill(0);
    let dangleSum = 0;
    for (const i of dangling) dangleSum += last[i];
    dangleSum *= alpha;
    for (let i = 0; i < n; i++) {
      for (let k = starts[i]; k < starts[i + 1]; k++) x[neighbours[k]] += alpha * last[i] * share[k];
      x[i] += dangleSum * p + (1 - alpha) * p;
    }
    let error = 0;
    for (let i = 0; i < n; i++) error += Math.abs(x[i] - last[i]);
    if (error < n * tolerance) break;
  }
  return new Map(ids.map((id, i) => [id, x[i]]));
}
