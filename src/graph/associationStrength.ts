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
import { compareIds, type CooccurrenceCounts } from './cooccurrence.ts';
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

  const { ids, pairs } = counts;
  let edges: CoOccurrence[] = [];
  for (let k = 0; k < pairs.source.length; k++) {
    if (prune && pairs.papers[k] < minPapers) continue;
    const source = ids[pairs.source[k]];
    const target = ids[pairs.target[k]];
    const weight = pairs.papers[k] / (counts.occurrences.get(source)! * counts.occurrences.get(target)!);
    edges.push({ source, target, papers: pairs.papers[k], weight });
  }
  if (prune) edges = keepTopKPerConcept(edges, topK);

  const strongest = edges.reduce((max, edge) => Math.max(max, edge.weight), 0);
  return edges.map((edge) => ({ ...edge, weight: edge.weight / strongest }));
}

function keepTopKPerConcept(edges: CoOccurrence[], topK: number): CoOccurrence[] {
  const incident = new Map<string, number[]>();
  edges.forEach((edge, i) => {
    for (const end of [edge.source, edge.target]) {
      let list = incident.get(end);
      if (!list) incident.set(end, (list = []));
      list.push(i);
    }
  });
  const keep = new Uint8Array(edges.length);
  const stronger = (i: number, j: number) =>
    edges[j].papers - edges[i].papers ||
    edges[j].weight - edges[i].weight ||
    compareIds(edges[i].source, edges[j].source) ||
    compareIds(edges[i].target, edges[j].target);
  for (const list of incident.values()) {
    if (list.length <= topK) list.forEach((i) => (keep[i] = 1));
    else list.sort(stronger).slice(0, topK).forEach((i) => (keep[i] = 1));
  }
  return edges.filter((_, i) => keep[i] === 1);
}
