// Edge weights for the concept map: association strength, and the pruning that keeps
// large corpora's maps readable.
//
// Method: association strength (van Eck & Waltman 2009, "How to normalize
// cooccurrence data? An analysis of some well-known similarity measures", JASIST
// 60(8)), the normalisation VOSviewer uses: s_ij = c_ij / (w_i w_j), with c_ij the
// papers mentioning both concepts and w_i the papers mentioning i. It is
// proportional to observed / expected co-occurrences under independence, so a pair
// of frequent concepts does not outweigh a specific pair merely by being frequent.
// The stored `weight` is s_ij divided by the largest kept s_ij (strongest edge = 1),
// which also removes the corpus-size scale factor of the paper's formula.
//
// Pruning (corpora of at least `largeCorpus` papers only; small corpora keep every
// pair, since there each co-occurrence is evidence):
//   1. pairs seen in fewer than `minPapers` papers are dropped: one shared abstract
//      is noise at scale and is most of the pairs;
//   2. each concept keeps its `topK` strongest edges, ranked by papers in common and
//      then by association strength; an edge survives when it is in the top of
//      either endpoint, so no concept with a surviving pair is left isolated.
//      Ranking by papers first keeps the edges between frequent concepts that the
//      explorer draws (association strength alone favours rare partners).
import type { CooccurrenceCounts } from './cooccurrence.ts';
import type { CoOccurrence } from './model.ts';

export interface AssociationStrengthOptions {
  /** Corpus size (papers) from which pruning applies. Default 1000. */
  largeCorpus?: number;
  /** Large corpora: fewest papers in common for a pair to become an edge. Default 2. */
  minPapers?: number;
  /** Large corpora: strongest edges kept per concept. Default 25. */
  topK?: number;
}

const DEFAULTS: Required<AssociationStrengthOptions> = {
  largeCorpus: 1000,
  minPapers: 2,
  topK: 25,
};

export function associationStrength(
  counts: CooccurrenceCounts,
  options: AssociationStrengthOptions = {},
): CoOccurrence[] {
  const { largeCorpus, minPapers, topK } = { ...DEFAULTS, ...options };
  const prune = counts.papers >= largeCorpus;

  // Over pair indexes and typed arrays: an 85,000-paper corpus has millions of pairs in
  // two papers or more, and only the few hundred thousand kept become objects.
  const { ids, pairs } = counts;
  const occurrences = Float64Array.from(ids, (id) => counts.occurrences.get(id) ?? 0);
  const candidates: number[] = [];
  for (let k = 0; k < pairs.source.length; k++) if (!prune || pairs.papers[k] >= minPapers) candidates.push(k);
  const weights = Float64Array.from(candidates, (k) => pairs.papers[k] / (occurrences[pairs.source[k]] * occurrences[pairs.target[k]]));
  const kept = prune ? keepTopKPerConcept(counts, candidates, weights, topK) : candidates.map((_, c) => c);

  let strongest = 0;
  for (const c of kept) strongest = Math.max(strongest, weights[c]);
  return kept.map((c) => {
    const k = candidates[c];
    return { source: ids[pairs.source[k]], target: ids[pairs.target[k]], papers: pairs.papers[k], weight: weights[c] / strongest };
  });
}

/**
 * The candidates (by position in `candidates`, ascending) in the `topK` of either end.
 * Ranked by papers, then weight, then source and target: ids are indexed in code-unit
 * order, so comparing indexes is comparing ids.
 */
function keepTopKPerConcept(counts: CooccurrenceCounts, candidates: number[], weights: Float64Array, topK: number): number[] {
  const { source, target, papers } = counts.pairs;
  const n = counts.ids.length;
  // Each concept's incident candidates, as one array cut at `start` (compressed rows).
  const start = new Uint32Array(n + 1);
  for (const k of candidates) {
    start[source[k] + 1]++;
    start[target[k] + 1]++;
  }
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const incident = new Uint32Array(start[n]);
  const fill = start.slice(0, n);
  candidates.forEach((k, c) => {
    incident[fill[source[k]]++] = c;
    incident[fill[target[k]]++] = c;
  });
  const keep = new Uint8Array(candidates.length);
  const stronger = (i: number, j: number) =>
    papers[candidates[j]] - papers[candidates[i]] ||
    weights[j] - weights[i] ||
    source[candidates[i]] - source[candidates[j]] ||
    target[candidates[i]] - target[candidates[j]];
  for (let concept = 0; concept < n; concept++) {
    const list = incident.subarray(start[concept], start[concept + 1]);
    if (list.length <= topK) list.forEach((c) => (keep[c] = 1));
    else Array.from(list).sort(stronger).slice(0, topK).forEach((c) => (keep[c] = 1));
  }
  const kept: number[] = [];
  keep.forEach((flag, c) => flag && kept.push(c));
  return kept;
}
