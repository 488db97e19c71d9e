// Fragments of longer terms: "adversarial networks" inside "generative adversarial
// networks", "vector machine" inside "support vector machine", "kernel Hilbert space"
// inside "reproducing kernel Hilbert space". C-value (Frantzi, Ananiadou & Mima 2000)
// discounts a nested candidate by the mean frequency of the terms it is nested in, so a
// fragment nested in one dominant term and a few rare ones keeps a high score; their
// remedy (a candidate seen only inside one longer term is no term) is applied here per
// dominant container: when one longer term holds at least `dominantShare` of a
// candidate's occurrences and the candidate stands alone in at most `standaloneShare`
// of them, the occurrences inside that longer term are the longer term's mentions only.
// The candidate keeps its other occurrences ("adversarial nets" written alone, "vision"
// outside "computer vision").
import type { CorpusOccurrences } from './occurrences.ts';
import type { Occurrence } from './terms.ts';

export interface NestingOptions {
  /** Least share of a candidate's occurrences one longer term must cover (default 0.5). */
  dominantShare: number;
  /** Most share of its occurrences a fragment may write as a whole phrase (default 0.25). */
  standaloneShare: number;
}

export const nestingDefaults: NestingOptions = { dominantShare: 0.5, standaloneShare: 0.25 };

const covers = (outer: Occurrence, inner: Occurrence) =>
  outer.phrase === inner.phrase && outer.from <= inner.from && outer.to >= inner.to && outer.to - outer.from > inner.to - inner.from;

/** The occurrences with fragments' nested occurrences given to their dominant term; frequencies recounted. */
export function assignFragments(occurrences: CorpusOccurrences, options: Partial<NestingOptions> = {}): CorpusOccurrences {
  const { dominantShare, standaloneShare } = { ...nestingDefaults, ...options };
  const total = new Map<string, number>();
  const alone = new Map<string, number>();
  const covered = new Map<string, Map<string, number>>();
  for (const byKey of occurrences.byPaper) {
    const byPhrase = new Map<object, Occurrence[]>();
    for (const list of byKey.values()) {
      for (const occurrence of list) {
        const same = byPhrase.get(occurrence.phrase) ?? [];
        same.push(occurrence);
        byPhrase.set(occurrence.phrase, same);
      }
    }
    for (const same of byPhrase.values()) {
      for (const inner of same) {
        total.set(inner.key, (total.get(inner.key) ?? 0) + 1);
        if (inner.from === 0 && inner.to === inner.phrase.words.length - 1) alone.set(inner.key, (alone.get(inner.key) ?? 0) + 1);
        const seen = new Set<string>();
        for (const outer of same) {
          if (seen.has(outer.key) || !covers(outer, inner)) continue;
          seen.add(outer.key);
          const counts = covered.get(inner.key) ?? new Map<string, number>();
          counts.set(outer.key, (counts.get(outer.key) ?? 0) + 1);
          covered.set(inner.key, counts);
        }
      }
    }
  }
  const dominant = new Map<string, string>();
  for (const [key, counts] of covered) {
    const n = total.get(key) ?? 0;
    if ((alone.get(key) ?? 0) > standaloneShare * n) continue;
    let best: [string, number] | null = null;
    for (const entry of counts) if (!best || entry[1] > best[1] || (entry[1] === best[1] && entry[0] < best[0])) best = entry;
    if (best && best[1] >= dominantShare * n) dominant.set(key, best[0]);
  }
  if (dominant.size === 0) return occurrences;

  const frequency = new Map<string, number>();
  const documentFrequency = new Map<string, number>();
  const titleFrequency = new Map<string, number>();
  const byPaper = occurrences.byPaper.map((byKey) => {
    const kept = new Map<string, Occurrence[]>();
    for (const [key, list] of byKey) {
      const container = dominant.get(key);
      const own = container ? list.filter((inner) => !(byKey.get(container) ?? []).some((outer) => covers(outer, inner))) : list;
      if (own.length === 0) continue;
      kept.set(key, own);
      frequency.set(key, (frequency.get(key) ?? 0) + own.length);
      documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1);
      if (own.some((o) => o.phrase.field === 'title')) titleFrequency.set(key, (titleFrequency.get(key) ?? 0) + 1);
    }
    return kept;
  });
  return { byPaper, frequency, documentFrequency, titleFrequency };
}
