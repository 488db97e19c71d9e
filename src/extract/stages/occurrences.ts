// Every occurrence of every candidate term in every paper, nested ones included
// ("neural network" inside "spiking neural network"): the frequencies C-value and
// document frequency are computed from, and the mentions ranking scores.
import type { PaperAnalysis } from '../analyze.ts';
import type { KeyFilter } from './candidates.ts';
import { subTerms, type Occurrence, type Resolve } from './terms.ts';

export interface OccurrenceOptions {
  /** Longest term, in words (default 5). */
  maxWords: number;
}

export const occurrenceDefaults: OccurrenceOptions = { maxWords: 5 };

export interface CorpusOccurrences {
  /** Per paper (input order): concept key → its occurrences in that paper. */
  byPaper: Map<string, Occurrence[]>[];
  /** Occurrences of each key over the corpus. */
  frequency: Map<string, number>;
  /** Papers each key occurs in. */
  documentFrequency: Map<string, number>;
  /** Papers whose title has each key. */
  titleFrequency: Map<string, number>;
}

export function findOccurrences(
  analyses: PaperAnalysis[],
  resolvers: Resolve[],
  filter: KeyFilter,
  candidates: Set<string>,
  options: Partial<OccurrenceOptions> = {},
): CorpusOccurrences {
  const { maxWords } = { ...occurrenceDefaults, ...options };
  const frequency = new Map<string, number>();
  const documentFrequency = new Map<string, number>();
  const titleFrequency = new Map<string, number>();
  const byPaper = analyses.map((analysis, p) => {
    const byKey = new Map<string, Occurrence[]>();
    for (const phrase of analysis.phrases) {
      for (const occurrence of subTerms(phrase, resolvers[p], maxWords, false)) {
        const key = filter(occurrence.key);
        if (!key || !candidates.has(key)) continue;
        const list = byKey.get(key) ?? [];
        // A definition's long form repeats a noun phrase's words: one occurrence per span.
        const start = phrase.words[occurrence.from].start;
        const end = phrase.words[occurrence.to].end;
        if (list.some((o) => o.phrase.field === phrase.field && o.phrase.words[o.from].start === start && o.phrase.words[o.to].end === end)) continue;
        list.push({ ...occurrence, key });
        byKey.set(key, list);
      }
    }
    for (const [key, list] of byKey) {
      frequency.set(key, (frequency.get(key) ?? 0) + list.length);
      documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1);
      if (list.some((o) => o.phrase.field === 'title')) titleFrequency.set(key, (titleFrequency.get(key) ?? 0) + 1);
    }
    return byKey;
  });
  return { byPaper, frequency, documentFrequency, titleFrequency };
}
