// Modifiers counted as concepts where the text uses them to modify a noun. Two ways
// a modifier ends up alone in a candidate's occurrence, each undone with the corpus:
//
// - The tagger ends a noun phrase before its head: "[Gibbs] sampling" when compromise
//   reads "sampling" as a verb, "[feedforward] networks" when it reads "feedforward" as
//   a noun. The phrase's last word and the word after it are written together inside
//   noun phrases elsewhere in the corpus ("collapsed Gibbs sampling", "deep feedforward
//   networks"), at least `minUses` times: then the phrase was cut short, and what ends
//   at its last word ("Gibbs") is no occurrence of a concept; the modifier, a proper
//   adjective, may still stand for its term (stages/modifierEllipsis.ts). This is the
//   repair of chunking errors by corpus statistics of Justeson & Katz (1995) applied
//   to the phrase boundary: a bigram the corpus uses as a term is not split by it.
// - A hyphenated compound in front of a noun is an adjective: English hyphenates a
//   compound modifier ("a closed-form solution") and not the same words as a noun ("in
//   closed form"), so "closed-form" inside "closed-form solution" is no mention of the
//   noun "closed form". A compound the corpus also heads phrases with ("k-means" in
//   "we run k-means", "Q-learning") keeps its nested occurrences: only a compound
//   written as a modifier in at least `modifierShare` of its hyphenated uses loses them.
import type { Phrase } from '../phrases.ts';
import type { Occurrence } from './terms.ts';

export interface ModifierFragmentOptions {
  /** Uses of a bigram inside noun phrases, or of a hyphenated compound, before the corpus judges (default 10). */
  minUses: number;
  /** Least share of its hyphenated uses in which a compound modifies a noun, to be no noun in front of one (default 0.8). */
  modifierShare: number;
}

export const modifierFragmentDefaults: ModifierFragmentOptions = { minUses: 10, modifierShare: 0.8 };

/** The key of words `from`…`to` of a phrase, as modifiers. */
const unitKey = (phrase: Phrase, from: number, to: number) =>
  phrase.words
    .slice(from, to + 1)
    .map((w) => w.key)
    .join(' ');

/**
 * Counts, paper by paper (`add`), the bigrams written inside noun phrases and how each
 * hyphenated compound is used; `prune` then takes the modifiers' fragment occurrences
 * out of a paper's occurrences.
 */
export class ModifierFragments {
  readonly #options: ModifierFragmentOptions;
  /** "gibbs sampling" → times the two words are written next to each other inside a noun phrase. */
  readonly #bigrams = new Map<string, number>();
  /** Hyphenated compound → [uses as a modifier, as a phrase's head]. */
  readonly #compounds = new Map<string, [number, number]>();

  constructor(options: Partial<ModifierFragmentOptions> = {}) {
    this.#options = { ...modifierFragmentDefaults, ...options };
  }

  add(phrases: Phrase[]): void {
    for (const phrase of phrases) {
      if (phrase.kind !== 'maximal') continue;
      const words = phrase.words;
      let start = 0;
      for (let i = 0; i < words.length; i++) {
        if (i + 1 < words.length) {
          const bigram = `${words[i].key} ${words[i + 1].text.toLowerCase()}`;
          this.#bigrams.set(bigram, (this.#bigrams.get(bigram) ?? 0) + 1);
        }
        if (words[i].unitStart) start = i;
        if (!words[i].unitEnd || start === i) continue;
        const key = unitKey(phrase, start, i);
        const uses = this.#compounds.get(key) ?? this.#compounds.set(key, [0, 0]).get(key)!;
        uses[i === words.length - 1 ? 1 : 0]++;
      }
    }
  }

  /** Whether the tagger ended `phrase` before its head: its last word and the next are a bigram of the corpus's noun phrases. */
  cutShort(phrase: Phrase): boolean {
    if (phrase.kind !== 'maximal' || !phrase.after) return false;
    const last = phrase.words[phrase.words.length - 1];
    return !last.acronym && (this.#bigrams.get(`${last.key} ${phrase.after}`) ?? 0) >= this.#options.minUses;
  }

  /** Whether words `from`…`to` are one hyphenated compound the corpus writes as a modifier, in front of a noun here. */
  #compoundModifier(phrase: Phrase, from: number, to: number): boolean {
    const words = phrase.words;
    if (to === from || to === words.length - 1 || !words[from].unitStart || !words[to].unitEnd) return false;
    for (let k = from; k < to; k++) if (words[k].unitEnd) return false;
    const uses = this.#compounds.get(unitKey(phrase, from, to));
    if (!uses || uses[0] + uses[1] < this.#options.minUses) return false;
    return uses[0] >= this.#options.modifierShare * (uses[0] + uses[1]);
  }

  /** A paper's occurrences without the modifiers' fragment occurrences (the same map when there are none). */
  prune(byKey: Map<string, Occurrence[]>): Map<string, Occurrence[]> {
    let out: Map<string, Occurrence[]> | null = null;
    for (const [key, list] of byKey) {
      const kept = list.filter((o) => !(o.to === o.phrase.words.length - 1 && this.cutShort(o.phrase)) && !this.#compoundModifier(o.phrase, o.from, o.to));
      if (kept.length === list.length) continue;
      out ??= new Map(byKey);
      if (kept.length > 0) out.set(key, kept);
      else out.delete(key);
    }
    return out ?? byKey;
  }
}
