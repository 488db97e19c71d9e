// Louvain modularity optimisation on the compressed rows of the concept graph.
//
// Method: Blondel, Guillaume, Lambiotte & Lefebvre (2008, "Fast unfolding of
// communities in large networks", J. Stat. Mech. P10008): move single nodes to the
// neighbouring community of largest modularity gain until none gains, then merge each
// community into one node and repeat on that graph; with the queue of fast local moves
// (Traag 2015, "Faster unfolding of communities: speeding up the Louvain algorithm",
// Phys. Rev. E 92, 032801): after a node moves, only its neighbours outside its new
// community are visited again. The procedure is graphology-communities-louvain's
// (v2, undirected, fastLocalMoves and randomWalk on) step for step: the same random
// start of each pass, the same visiting and summing order, the same tie-break (gains
// within 1e-10: stay, else the larger community index), so it finds the partition that
// library found, without the graph of node and edge objects it needs (gigabytes at
// 85,000 papers).
import type { ConceptGraph } from './conceptGraph.ts';

export interface LouvainOptions {
  /** Modularity resolution: above 1 gives more, smaller communities. Default 1. */
  resolution?: number;
  /** Uniform numbers in [0, 1): where each pass starts its walk over the nodes. Default Math.random. */
  random?: () => number;
}

const DEFAULTS: Required<LouvainOptions> = {
  resolution: 1,
  random: Math.random,
};

/** Gains closer than this are a tie. */
const EPSILON = 1e-10;

/** A community label for each concept (by index): concepts with the same label form a community. */
export function louvainPartition(graph: ConceptGraph, options: LouvainOptions = {}): Uint32Array {
  const { resolution, random } = { ...DEFAULTS, ...options };
  const n = graph.ids.length;
  const entries = graph.neighbours.length;

  // The working graph, rewritten by each aggregation: node i's entries are
  // starts[i] .. starts[i+1] of neighbourhood/weights. The first level lists each row
  // backwards, as the library's index fills it.
  const starts = new Uint32Array(n + 1);
  const neighbourhood = new Uint32Array(entries);
  const weights = new Float64Array(entries);
  const loops = new Float64Array(n);
  const totalWeights = new Float64Array(n);
  const belongings = new Uint32Array(n);
  const counts = new Uint32Array(n);
  const unused = new Uint32Array(n);
  const mapping = new Uint32Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const from = graph.starts[i];
    const to = graph.starts[i + 1];
    starts[i] = from;
    for (let k = from; k < to; k++) {
      neighbourhood[from + to - 1 - k] = graph.neighbours[k];
      weights[from + to - 1 - k] = graph.weights[k];
      totalWeights[i] += graph.weights[k];
      if (graph.neighbours[k] > i) total += graph.weights[k];
    }
    belongings[i] = i;
    counts[i] = 1;
    mapping[i] = i;
  }
  starts[n] = entries;
  const m = total;
  let size = n;
  let free = 0;

  const gain = (i: number, degree: number, toCommunity: number, community: number, own: boolean) => {
    const d = degree + loops[i];
    return toCommunity - (d * (own ? totalWeights[community] - d : totalWeights[community]) * resolution) / (2 * m);
  };
  const move = (i: number, degree: number, target: number) => {
    const current = belongings[i];
    totalWeights[current] -= degree + loops[i];
    totalWeights[target] += degree + loops[i];
    belongings[i] = target;
    if (counts[current]-- === 1) unused[free++] = current;
    counts[target]++;
  };

  // Neighbouring communities of the node being visited, in the order first met.
  const met: number[] = [];
  const metWeight: number[] = [];
  const slot = new Int32Array(n).fill(-1);
  // Nodes waiting for a visit: a first-in first-out ring, each node at most once.
  const queue = new Uint32Array(n);
  const queued = new Uint8Array(n);
  let head = 0;
  let waiting = 0;
  const enqueue = (i: number) => {
    if (queued[i]) return;
    queued[i] = 1;
    queue[(head + waiting++) % n] = i;
  };

  for (let moved = true; moved; ) {
    moved = false;
    const offset = Math.floor(random() * size);
    for (let s = 0; s < size; s++) enqueue((offset + s) % size);
    while (waiting > 0) {
      const i = queue[head];
      head = (head + 1) % n;
      waiting--;
      queued[i] = 0;

      let degree = 0;
      const current = belongings[i];
      for (let k = starts[i]; k < starts[i + 1]; k++) {
        const community = belongings[neighbourhood[k]];
        degree += weights[k];
        if (slot[community] < 0) {
          slot[community] = met.length;
          met.push(community);
          metWeight.push(weights[k]);
        } else metWeight[slot[community]] += weights[k];
      }
      let bestGain = gain(i, degree, slot[current] >= 0 ? metWeight[slot[current]] : 0, current, true);
      let best = current;
      for (let c = 0; c < met.length; c++) {
        const target = met[c];
        if (target === current) continue;
        const delta = gain(i, degree, metWeight[c], target, false);
        const better = Math.abs(delta - bestGain) < EPSILON ? best !== current && target > best : delta > bestGain;
        if (better) {
          bestGain = delta;
          best = target;
        }
      }
      for (const community of met) slot[community] = -1;
      met.length = 0;
      metWeight.length = 0;

      if (bestGain < 0) {
        // Better alone: to an empty community (a node alone already is).
        if (counts[current] === 1) continue;
        best = unused[--free];
        move(i, degree, best);
      } else if (best === current) continue;
      else move(i, degree, best);

      moved = true;
      for (let k = starts[i]; k < starts[i + 1]; k++) {
        const j = neighbourhood[k];
        if (belongings[j] !== best) enqueue(j);
      }
    }
    if (moved) size = aggregate();
  }
  return mapping;

  /** Each community becomes one node (its internal weight a loop); returns the new node count. */
  function aggregate(): number {
    const label = new Int32Array(size).fill(-1);
    const carried: number[] = [];
    let communities = 0;
    for (let i = 0; i < size; i++) {
      const c = belongings[i];
      if (label[c] < 0) {
        label[c] = communities++;
        carried.push(totalWeights[c]);
      }
      belongings[i] = label[c];
    }
    for (let i = 0; i < n; i++) mapping[i] = belongings[mapping[i]];

    // Weights between communities, each community's row in ascending order of the other.
    const internal = new Float64Array(communities);
    const rows: Map<number, number>[] = Array.from({ length: communities }, () => new Map());
    for (let i = 0; i < size; i++) {
      const c = belongings[i];
      internal[c] += loops[i];
      for (let k = starts[i]; k < starts[i + 1]; k++) {
        const d = belongings[neighbourhood[k]];
        if (c === d) internal[c] += weights[k];
        else rows[c].set(d, (rows[c].get(d) ?? 0) + weights[k]);
      }
    }
    let at = 0;
    for (let c = 0; c < communities; c++) {
      totalWeights[c] = carried[c];
      loops[c] = internal[c];
      counts[c] = 1;
      belongings[c] = c;
      starts[c] = at;
      for (const d of [...rows[c].keys()].sort((a, b) => a - b)) {
        neighbourhood[at] = d;
        weights[at++] = rows[c].get(d)!;
      }
    }
    starts[communities] = at;
    free = 0;
    return communities;
  }
}
