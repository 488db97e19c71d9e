// Broader concepts from document subsumption: x is broader than y when nearly every
// paper on y also mentions x, but not the other way round.
//
// Method: Sanderson & Croft (1999, "Deriving concept hierarchies from text", SIGIR
// '99): x subsumes y if P(x|y) ≥ 0.8 and P(y|x) < 1, with P(x|y) the share of y's
// papers that mention x. Counts are the co-occurrence counts of the concept map
// (cooccurrence.ts), so a paper's papers-in-common agree with the edges the explorer
// shows. Minimum support: y needs `minPapers` papers (at 5, 0.8 means at least four
// papers in common), since on two papers any pair of concepts "subsumes". Generic
// concepts are never the broader side: a concept in a large share of all papers
// subsumes almost anything by frequency alone, the case Sanderson & Croft removed
// with their stop list. When both directions pass (two concepts almost always
// together), the one in more papers is the broader, so the relation never has a cycle.
import type { CooccurrenceCounts } from './cooccurrence.ts';
import { compareIds } from './cooccurrence.ts';

export interface SubsumptionOptions {
  /** Least P(x|y) for x to subsume y. Default 0.8 (Sanderson & Croft). */
  threshold?: number;
  /** Fewest papers of the narrower concept y. Default 5. */
  minPapers?: number;
}

const DEFAULTS: Required<SubsumptionOptions> = {
  threshold: 0.8,
  minPapers: 5,
};

export interface SubsumptionEdge {
  narrower: string;
  broader: string;
  /** P(broader | narrower). */
  share: number;
}

export function documentSubsumption(
  counts: CooccurrenceCounts,
  generic: (id: string) => boolean,
  options: SubsumptionOptions = {},
): SubsumptionEdge[] {
  const { threshold, minPapers } = { ...DEFAULTS, ...options };
  const papers = (id: string) => counts.occurrences.get(id) ?? 0;
  const edges: SubsumptionEdge[] = [];
  for (const pair of counts.pairs) {
    for (const [narrower, broader] of [
      [pair.source, pair.target],
      [pair.target, pair.source],
    ]) {
      const below = papers(narrower);
      const above = papers(broader);
      if (below < minPapers || generic(broader)) continue;
      const share = pair.papers / below;
      if (share < threshold || pair.papers >= above) continue; // P(y|x) < 1
      if (above < below || (above === below && compareIds(broader, narrower) > 0)) continue;
      edges.push({ narrower, broader, share });
    }
  }
  return edges;
}
