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
  const halves = betweennessHalves(graph, options);
  return scaledBetweenness(graph, halves.map((sources) => dependencySums(graph, sources)), halves[0].length + halves[1].length);
}

/**
 * The concepts (indices into `graph.ids`) the searches start from, all of them up to
 * `exactUpTo`, else the sampled pivots, in two halves: summed half by half in-process
 * too, so that a graph's scores are the same whether two threads ran the halves or not.
 */
export function betweennessHalves(graph: ConceptGraph, options: BetweennessOptions = {}): [number[], number[]] {
  const { exactUpTo, pivots, seed } = { ...DEFAULTS, ...options };
  const n = graph.ids.length;
  const sources = n <= exactUpTo ? graph.ids.map((_, i) => i) : samplePivots(n, Math.min(pivots, n), seed);
  const half = Math.ceil(sources.length / 2);
  return [sources.slice(0, half), sources.slice(half)];
}

/**
 * Each concept's summed dependencies over the searches from `sources`: sums over disjoint
 * sets of sources add up to the sum over their union, so the searches can be split
 * between threads.
 */
export function dependencySums(graph: ConceptGraph, sources: number[]): Float64Array {
  const { starts, neighbours } = graph;
  const n = graph.ids.length;
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

  return scores;
}

/** Dependency sums of each half of the `searches` → each concept's score in [0, 1]. */
export function scaledBetweenness(graph: ConceptGraph, [first, second]: Float64Array[], searches: number): Map<string, number> {
  const n = graph.ids.length;
  // Each unordered pair was counted from both ends, hence pairs = (n-1)(n-2)/2 → divide by (n-1)(n-2).
  const scale = n > 2 ? n / searches / ((n - 1) * (n - 2)) : 0;
  return new Map(graph.ids.map((node, i) => [node, Math.min(1, (first[i] + second[i]) * scale)]));
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
