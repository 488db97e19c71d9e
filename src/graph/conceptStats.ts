// Per-concept counts over the corpus: how many papers mention a concept, how often,
// and when (the mean publication year of those papers, the explorer's "age" of a
// topic, as in VOSviewer's overlay maps of average publication year).
import { MentionTable } from './mentionTable.ts';
import type { MentionList, Paper } from './model.ts';

export interface ConceptStats {
  /** Distinct papers mentioning the concept. */
  papers: number;
  /** Occurrences summed over those papers. */
  mentions: number;
  /** Mean year of those papers that have one; null when none has. */
  meanYear: number | null;
}

/** Stats of every concept with at least one mention; `mentions` must name known papers. */
export function conceptStats(papers: Paper[], list: MentionList): Map<string, ConceptStats> {
  // Over indexes: at 85,000 papers there are millions of mentions, too many for a Set of papers per concept.
  const mentions = MentionTable.of(list);
  const paperIndex = new Map(papers.map((paper, p) => [paper.id, p]));
  const conceptIndex = new Map<string, number>();
  for (let k = 0; k < mentions.length; k++) if (!conceptIndex.has(mentions.conceptId(k))) conceptIndex.set(mentions.conceptId(k), conceptIndex.size);
  const mentionCount = new Float64Array(conceptIndex.size);
  // (concept, paper) as concept · papers + paper, sorted so that each pair's copies are adjacent.
  const keys = new Float64Array(mentions.length);
  for (let k = 0; k < mentions.length; k++) {
    const concept = conceptIndex.get(mentions.conceptId(k))!;
    mentionCount[concept] += mentions.count(k);
    keys[k] = concept * papers.length + paperIndex.get(mentions.paperId(k))!;
  }
  keys.sort();
  const paperCount = new Uint32Array(conceptIndex.size);
  const yearSum = new Float64Array(conceptIndex.size);
  const dated = new Uint32Array(conceptIndex.size);
  for (let k = 0; k < keys.length; k++) {
    if (k > 0 && keys[k] === keys[k - 1]) continue;
    const concept = Math.floor(keys[k] / papers.length);
    const year = papers[keys[k] % papers.length].year;
    paperCount[concept]++;
    if (year != null) {
      yearSum[concept] += year;
      dated[concept]++;
    }
  }
  return new Map(
    [...conceptIndex].map(([id, i]) => [
      id,
      { papers: paperCount[i], mentions: mentionCount[i], meanYear: dated[i] > 0 ? yearSum[i] / dated[i] : null },
    ]),
  );
}
