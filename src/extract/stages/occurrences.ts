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

/** Corpus counts of each concept key. */
export interface OccurrenceCounts {
  /** Occurrences of each key over the corpus. */
  frequency: Map<string, number>;
  /** Papers each key occurs in. */
  documentFrequency: Map<string, number>;
  /** Papers whose title has each key. */
  titleFrequency: Map<string, number>;
}

export function emptyCounts(): OccurrenceCounts {
  return { frequency: new Map(), documentFrequency: new Map(), titleFrequency: new Map() };
}

/** Adds one paper's occurrences to the corpus counts. */
export function addCounts(counts: OccurrenceCounts, byKey: Map<string, Occurrence[]>): void {
  for (const [key, list] of byKey) {
    counts.frequency.set(key, (counts.frequency.get(key) ?? 0) + list.length);
    counts.documentFrequency.set(key, (counts.documentFrequency.get(key) ?? 0) + 1);
    if (list.some((o) => o.phrase.field === 'title')) counts.titleFrequency.set(key, (counts.titleFrequency.get(key) ?? 0) + 1);
  }
}

/** One paper's occurrences of the candidates: concept key → its occurrences, in phrase order. */
export function paperOccurrences(
  analysis: PaperAnalysis,
  resolve: Resolve,
  filter: KeyFilter,
  candidates: Set<string>,
  options: Partial<OccurrenceOptions> = {},
): Map<string, Occurrence[]> {
  const { maxWords } = { ...occurrenceDefaults, ...options };
  const byKey = new Map<string, Occurrence[]>();
  for (const phrase of analysis.phrases) {
    for (const occurrence of subTerms(phrase, resolve, maxWords, false)) {
      const key = filter(occurrence.key);
      if (!key || !candidates.has(key)) continue;
      let list = byKey.get(key);
      // A definition's long form repeats a noun phrase's words: one occurrence per span.
      const start = phrase.words[occurrence.from].start;
      const end = phrase.words[occurrence.to].end;
      if (list?.some((o) => o.phrase.field === phrase.field && o.phrase.words[o.from].start === start && o.phrase.words[o.to].end === end)) continue;
      if (!list) byKey.set(key, (list = []));
      list.push({ key, phrase, from: occurrence.from, to: occurrence.to });
    }
  }
  return byKey;
}
