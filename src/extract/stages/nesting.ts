// Fragments of longer terms: "adversarial networks" inside "generative adversarial
// networks", "vector machine" inside "support vector machine", "kernel Hilbert space"
// inside "reproducing kernel Hilbert space". C-value (Frantzi, Ananiadou & Mima 2000)
// discounts a nested candidate by the mean frequency of the terms it is nested in, so a
// fragment nested in one dominant term and a few rare ones keeps a high score; their
// remedy (a candidate seen only inside one longer term is no term) is applied here per
// dominant container: when one longer term holds at least `dominantShare` of a
// candidate's occurrences and the candidate stands alone in at most `standaloneShare`
// of them, it is a fragment, and its occurrences inside any longer term are that term's
// mentions only ("descent" in "coordinate descent" as in "gradient descent", its
// dominant term). The candidate keeps its other occurrences ("adversarial nets" written alone, "vision"
// outside "computer vision").
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

/**
 * Counts, paper by paper, how often each candidate is nested in each longer term and
 * how often it stands alone; `dominant()` then names each fragment's dominant term.
 */
export class FragmentTally {
  #total = new Map<string, number>();
  #alone = new Map<string, number>();
  #covered = new Map<string, Map<string, number>>();

  add(byKey: Map<string, Occurrence[]>): void {
    const byPhrase = new Map<object, Occurrence[]>();
    for (const list of byKey.values()) {
      for (const occurrence of list) {
        const same = byPhrase.get(occurrence.phrase);
        if (same) same.push(occurrence);
        else byPhrase.set(occurrence.phrase, [occurrence]);
      }
    }
    for (const same of byPhrase.values()) {
      for (const inner of same) {
        this.#total.set(inner.key, (this.#total.get(inner.key) ?? 0) + 1);
        if (inner.from === 0 && inner.to === inner.phrase.words.length - 1) this.#alone.set(inner.key, (this.#alone.get(inner.key) ?? 0) + 1);
        let seen: Set<string> | undefined;
        for (const outer of same) {
          if (!covers(outer, inner) || seen?.has(outer.key)) continue;
          (seen ??= new Set()).add(outer.key);
          let counts = this.#covered.get(inner.key);
          if (!counts) this.#covered.set(inner.key, (counts = new Map()));
          counts.set(outer.key, (counts.get(outer.key) ?? 0) + 1);
        }
      }
    }
  }

  /** Fragment key → its dominant longer term (what makes it a fragment). */
  dominant(options: Partial<NestingOptions> = {}): Map<string, string> {
    const { dominantShare, standaloneShare } = { ...nestingDefaults, ...options };
    const dominant = new Map<string, string>();
    for (const [key, counts] of this.#covered) {
      const n = this.#total.get(key) ?? 0;
      if ((this.#alone.get(key) ?? 0) > standaloneShare * n) continue;
      let best: [string, number] | null = null;
      for (const entry of counts) if (!best || entry[1] > best[1] || (entry[1] === best[1] && entry[0] < best[0])) best = entry;
      if (best && best[1] >= dominantShare * n) dominant.set(key, best[0]);
    }
    return dominant;
  }
}

/** One paper's occurrences with each fragment's occurrences inside a longer term given to that term. */
export function ownOccurrences(byKey: Map<string, Occurrence[]>, dominant: Map<string, string>): Map<string, Occurrence[]> {
  if (dominant.size === 0) return byKey;
  const kept = new Map<string, Occurrence[]>();
  // Only an occurrence of the same phrase can cover one: each is compared with its phrase's.
  let inPhrase: Map<object, Occurrence[]> | undefined;
  for (const [key, list] of byKey) {
    const container = dominant.get(key);
    if (container && !inPhrase) {
      inPhrase = new Map();
      for (const outers of byKey.values()) for (const outer of outers) (inPhrase.get(outer.phrase) ?? inPhrase.set(outer.phrase, []).get(outer.phrase)!).push(outer);
    }
    const own = container ? list.filter((inner) => !inPhrase!.get(inner.phrase)!.some((outer) => covers(outer, inner))) : list;
    if (own.length > 0) kept.set(key, own);
  }
  return kept;
}
