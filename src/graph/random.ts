// Seeded pseudo-random numbers for every randomised step of the graph build
// (Louvain's node order, layout jitter, betweenness pivots), so that building the
// same input twice stores the identical graph.
//
// Method: mulberry32 (Tommy Ettinger, 2017), a 32-bit generator with a full 2^32
// period; ample for shuffling and sampling, and a few lines with no dependency.

/** Uniform numbers in [0, 1), the same sequence for the same seed. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
