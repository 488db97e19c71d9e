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
  const { ids, pairs } = counts;
  const papers = Float64Array.from(ids, (id) => counts.occurrences.get(id) ?? 0);
  const edges: SubsumptionEdge[] = [];
  // Concepts by index and the cheap tests first: there are tens of millions of pairs.
  const consider = (narrower: number, broader: number, common: number) => {
    const below = papers[narrower];
    const above = papers[broader];
    if (below < minPapers) return;
    const share = common / below;
    if (share < threshold || common >= above) return; // P(y|x) < 1
    if (above < below || (above === below && compareIds(ids[broader], ids[narrower]) > 0)) return;
    if (generic(ids[broader])) return;
    edges.push({ narrower: ids[narrower], broader: ids[broader], share });
  };
  for (let k = 0; k < pairs.source.length; k++) {
    consider(pairs.source[k], pairs.target[k], pairs.papers[k]);
    consider(pairs.target[k], pairs.source[k], pairs.papers[k]);
  }
  return edges;
}
