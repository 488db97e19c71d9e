// Per-concept counts over the corpus: how many papers mention a concept, how often,
// and when (the mean publication year of those papers, the explorer's "age" of a
// topic, as in VOSviewer's overlay maps of average publication year).
import type { Mention, Paper } from './model.ts';

export interface ConceptStats {
  /** Distinct papers mentioning the concept. */
  papers: number;
  /** Occurrences summed over those papers. */
  mentions: number;
  /** Mean year of those papers that have one; null when none has. */
  meanYear: number | null;
}

/** Stats of every concept with at least one mention; `mentions` must name known papers. */
export function conceptStats(papers: Paper[], mentions: Mention[]): Map<string, ConceptStats> {
  const yearOf = new Map(papers.map((paper) => [paper.id, paper.year]));
  const tally = new Map<string, { papers: Set<string>; mentions: number; yearSum: number; dated: number }>();
  for (const mention of mentions) {
    let entry = tally.get(mention.conceptId);
    if (!entry) tally.set(mention.conceptId, (entry = { papers: new Set(), mentions: 0, yearSum: 0, dated: 0 }));
    entry.mentions += mention.count;
    if (entry.papers.has(mention.paperId)) continue;
    entry.papers.add(mention.paperId);
    const year = yearOf.get(mention.paperId);
    if (year != null) {
      entry.yearSum += year;
      entry.dated += 1;
    }
  }
  return new Map(
    [...tally].map(([id, entry]) => [
      id,
      {
        papers: entry.papers.size,
        mentions: entry.mentions,
        meanYear: entry.dated > 0 ? entry.yearSum / entry.dated : null,
      },
    ]),
  );
}
