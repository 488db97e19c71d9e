// Which candidates are terms of this corpus: C-value termhood (Frantzi, Ananiadou &
// Mima 2000, cvalue.ts) above zero, in enough papers, and no markup or code left in an
// abstract ("<img src=x …>", "a=b").
import { cValue } from '../cvalue.ts';
import type { OccurrenceCounts } from './occurrences.ts';

export interface TermhoodOptions {
  /** Longest term, in words (default 5). */
  maxWords: number;
  /** Least number of papers a concept must appear in (default 1). */
  minDocumentFrequency: number;
}

export const termhoodDefaults: TermhoodOptions = { maxWords: 5, minDocumentFrequency: 1 };

const MARKUP = /[<>=]/;

export interface Termhood {
  /** C-value of every candidate. */
  score: Map<string, number>;
  /** The candidates kept as concepts. */
  kept: Set<string>;
}

export function termhood(candidates: Set<string>, occurrences: OccurrenceCounts, options: Partial<TermhoodOptions> = {}): Termhood {
  const { maxWords, minDocumentFrequency } = { ...termhoodDefaults, ...options };
  const score = cValue(occurrences.frequency, { maxWords });
  const kept = new Set<string>();
  for (const key of candidates) {
    if (MARKUP.test(key)) continue;
    if ((occurrences.documentFrequency.get(key) ?? 0) >= minDocumentFrequency && (score.get(key) ?? 0) > 0) kept.add(key);
  }
  return { score, kept };
}
