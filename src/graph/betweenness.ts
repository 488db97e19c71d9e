// Concepts that sit on the paths between topics.
//
// Method: Brandes' accumulation (Brandes 2001, "A faster algorithm for betweenness
// centrality", J. Math. Sociol. 25(2)) over hop-count shortest paths. Exact
// Brandes costs one breadth-first search per concept, O(VE); above `exactUpTo`
// concepts it runs from `pivots` sources drawn by the seeded generator and scales
// the sums by V / pivots (Brandes & Pich 2007, "Centrality estimation in large
// networks", Int. J. Bifurcation and Chaos 17(7)), an unbiased estimate.
//
// Paths count hops, not association strength: the weight is a similarity, and any
// conversion to a length (1/w, -log w) would be arbitrary while also costing a
// Dijkstra per source. Scores are divided by (V-1)(V-2)/2, the most pairs a concept
// can sit between, so they fall in [0, 1] (estimates are clamped to it).
import type { ConceptGraph } from './conceptGraph.ts';
import { createRandom } from './random.ts';

export interface BetweennessOptions {
  /** Largest graph (concepts) computed exactly. Default 2000. */
  exactUpTo?: number;
  /** Sources sampled above `exactUpTo`. Default 500. */
  pivots?: number;
  /** Seed of the pivot sample. Default 1. */
  seed?: number;
}

const DEFAULTS: Required<BetweennessOptions> = {
  exactUpTo: 2000,
  pivots: 500,
  seed: 1,
};

export function betweenness(graph: ConceptGraph, options: BetweennessOptions = {}): Map<string, number> {
  const { exactUpTo, pivots, seed } = { ...DEFAULTS, ...options };
  const { ids: nodes, starts, neighbours } = graph;
  const n = nodes.length;

  const sources = n <= exactUpTo ? nodes.map((_, i) => i) : samplePivots(n, Math.min(pivots, n), seed);
  const scores = new Float64Array(n);
  const order = new Uint32Array(n); // visit order of the search, the stack of Brandes' paper
  const distance = new Int32Array(n);
  const paths = new Float64Array(n); // shortest-path counts: float, as they overflow 32 bits on dense maps
  const dependency = new Float64Array(n);

  for (const source of sources) {
    distance.fill(-1);
    paths.fill(0);
    dependency.fill(0);
    distance[source] = 0;
    paths[source] = 1;
    order[0] = source;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = order[head++];
      for (let j = starts[v]; j < starts[v + 1]; j++) {
        const w = neighbours[j];
        if (distance[w] < 0) {
          distance[w] = distance[v] + 1;
          order[tail++] = w;
        }
        if (distance[w] === distance[v] + 1) paths[w] += paths[v];
      }
    }
    // Predecessors are the neighbours one hop closer, so they need not be stored.
    for (let k = tail - 1; k > 0; k--) {
      const w = order[k];
      const share = (1 + dependency[w]) / paths[w];
      for (let j = starts[w]; j < starts[w + 1]; j++) {
        const v = neighbours[j];
        if (distance[v] === distance[w] - 1) dependency[v] += paths[v] * share;
      }
      scores[w] += dependency[w];
    }
  }

  // Each unordered pair was counted from both ends, hence pairs = (n-1)(n-2)/2 → divide by (n-1)(n-2).
  const scale = n > 2 ? n / sources.length / ((n - 1) * (n - 2)) : 0;
  return new Map(nodes.map((node, i) => [node, Math.min(1, scores[i] * scale)]));
}

/** `count` distinct node indices: a seeded partial Fisher–Yates shuffle. */
function samplePivots(n: number, count: number, seed: number): number[] {
  const random = createRandom(seed);
  const pool = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (n - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, count);
}
