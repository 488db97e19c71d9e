// Clipped heads: "neural net", "Hopfield nets", "deep belief nets" beside "neural
// network", "Hopfield networks", "deep belief networks". A clipping is a word shortened
// to its first part (Marchand 1969, "The categories and types of present-day English
// word-formation", ch. VIII, back-clipping: "lab", "net"); it names what the full word
// names, so a term headed by the clipped form is a variant of the term headed by the
// full one. The corpus tells which head words are clippings of which, by their
// modifiers (the word right before each), the distributional test of term variants (Jacquemin 2001, "Spotting and
// discovering terms through natural language processing", MIT Press; Grefenstette 1994):
// a head `short` is a clipping of a head `long` that begins with it when the remainder
// is no suffix (so "model" / "modelling", "plan" / "planner" are not), `long` is written
// after more different modifiers than `short`, at least `minShared` of them are written
// before both, and they are at least `minShare` of the modifiers written before `short`. A term then merges into its
// full-headed form only when the corpus writes that form too: "elastic net" (a
// regression penalty) stays, as no paper writes "elastic network" in its place; the
// clipped word alone is judged as the full word is ("nets" is as generic as "networks").
// A merge is an alias of the concept, so `export --format thesaurus` lists it, and a
// thesaurus line mapping the clipped term to itself undoes it.
import { porterStem } from '../porter.ts';

export interface ClippingOptions {
  /** Fewest different modifiers written before both heads (default 5). */
  minShared: number;
  /** Least share of the clipped head's modifiers also written before the full one (default 0.5). */
  minShare: number;
  /** Shortest clipped head, and shortest remainder, in letters (default 3). */
  minLetters: number;
}

export const clippingDefaults: ClippingOptions = { minShared: 5, minShare: 0.5, minLetters: 3 };

/** Endings that make another word of the same stem, not a longer word a clipping stands for. */
const SUFFIXES = /^(?:s|es|ed|ing|ling|er|ers|or|ors|ion|ions|ation|ations|al|ally|ic|ics|ical|ist|ure|ures|ance|ence|ists|ities|ness|ment|ments|ive|ize|ise|ized|ised|ous|ary|ory|ly|y|able|ible|ful|less|ship|hood|ward|wise|like|ish)$/;

/** An ending that makes another word of `word`'s stem, its last consonant doubled or not ("plan" / "planner"). */
function isSuffix(remainder: string, word: string): boolean {
  return SUFFIXES.test(remainder) || (remainder[0] === word[word.length - 1] && SUFFIXES.test(remainder.slice(1)));
}

/**
 * Clipped head → the full head it stands for, from the corpus's candidate keys (whole
 * noun phrases, words joined by single spaces, the head last).
 */
export function clippedHeads(candidates: Iterable<string>, options: Partial<ClippingOptions> = {}): Map<string, string> {
  const { minShared, minShare, minLetters } = { ...clippingDefaults, ...options };
  const modifiers = new Map<string, Set<string>>();
  for (const key of candidates) {
    const cut = key.lastIndexOf(' ');
    const head = cut < 0 ? key : key.slice(cut + 1);
    if (cut > 0 && head.length >= minLetters) (modifiers.get(head) ?? modifiers.set(head, new Set()).get(head)!).add(key.slice(key.lastIndexOf(' ', cut - 1) + 1, cut));
  }
  const sorted = [...modifiers.keys()].sort();
  const clipped = new Map<string, string>();
  for (let i = 0; i < sorted.length; i++) {
    const short = sorted[i];
    if (!/^\p{L}+$/u.test(short)) continue;
    let best: string | null = null;
    let bestShared = 0;
    for (let j = i + 1; j < sorted.length && sorted[j].startsWith(short); j++) {
      const long = sorted[j];
      const remainder = long.slice(short.length);
      if (remainder.length < minLetters || !/^\p{L}+$/u.test(remainder) || isSuffix(remainder, short) || porterStem(long) === porterStem(short)) continue;
      const own = modifiers.get(short)!;
      const theirs = modifiers.get(long)!;
      // The full word is the common one: a corpus writes "networks" before more modifiers than "nets".
      if (theirs.size <= own.size) continue;
      let shared = 0;
      for (const modifier of own) if (theirs.has(modifier)) shared++;
      if (shared >= minShared && shared >= minShare * own.size && shared > bestShared) {
        best = long;
        bestShared = shared;
      }
    }
    if (best) clipped.set(short, best);
  }
  return clipped;
}

/**
 * `key` with a clipped head written in full: a word alone always ("nets" is judged as
 * "networks" is), a longer term when the corpus writes the full-headed term too
 * (`written`); else `key`.
 */
export function unclippedKey(key: string, clipped: Map<string, string>, written: (key: string) => boolean): string {
  if (clipped.size === 0) return key;
  const cut = key.lastIndexOf(' ');
  const full = clipped.get(cut < 0 ? key : key.slice(cut + 1));
  if (!full) return key;
  const merged = cut < 0 ? full : `${key.slice(0, cut)} ${full}`;
  return cut < 0 || written(merged) ? merged : key;
}
