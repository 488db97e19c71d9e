// A noun the corpus writes nearly only inside one frozen expression: "magnitude" in
// "orders of magnitude" / "an order of magnitude", "freedom" in "degrees of freedom",
// "multipliers" in "method of multipliers". Such a noun names no concept of its own:
// the expression is a quantifier or a fixed name, and the noun alone is its fragment.
// Method: a collocation's frozenness read as the share of a word's uses in its most
// frequent frame (Smadja 1993, "Retrieving collocations from text: Xtract",
// Computational Linguistics 19(1)), for the frame "X of W" that the partitive and
// relational nouns make (stages/wordEvidence.ts, isRelational, judges "X" there), and
// the adverbial frame of a bare preposition and the noun, "in turn", "in practice"
// (Quirk et al. 1985, §8.4: prepositional phrases as adjuncts, fixed with no determiner). One
// word only: a multi-word term ("linear regions", "factor analyzers") is a term
// whatever noun it mostly follows ("number of linear regions", "mixture of factor
// analyzers").
import type { PaperAnalysis } from '../analyze.ts';
import { wordKey } from '../normalize.ts';
import type { PaperText } from '../types.ts';
import { wordBefore } from './spacedCompounds.ts';

export interface FrozenFrameOptions {
  /** Uses of the word as a whole noun phrase before the corpus judges it (default 20). */
  minUses: number;
  /** Least share of those uses in its most frequent frame, "X of W" or "P W" (default 0.5). */
  frameShare: number;
}

export const frozenFrameDefaults: FrozenFrameOptions = { minUses: 20, frameShare: 0.5 };

/** Prepositions of the adverbial frames "P W" ("in turn", "in practice", "at random"). */
const BARE_PREPOSITIONS = new Set(['in', 'on', 'at', 'by', 'for', 'with', 'from', 'into', 'to', 'under', 'without']);

/** Counts, paper by paper (`add`), one-word noun phrases and the frames "X of" they follow; `frozen` then judges a key. */
export class FrozenFrames {
  readonly #options: FrozenFrameOptions;
  readonly #uses = new Map<string, number>();
  /** "magnitude" → "order" → uses after "order of". */
  readonly #frames = new Map<string, Map<string, number>>();
  #frozen: Set<string> | null = null;

  constructor(options: Partial<FrozenFrameOptions> = {}) {
    this.#options = { ...frozenFrameDefaults, ...options };
  }

  add(analysis: PaperAnalysis, paper: PaperText | undefined): void {
    for (const phrase of analysis.phrases) {
      if (phrase.kind !== 'maximal' || phrase.words.length !== 1 || phrase.words[0].acronym) continue;
      const key = phrase.words[0].head;
      this.#uses.set(key, (this.#uses.get(key) ?? 0) + 1);
      if (phrase.before && BARE_PREPOSITIONS.has(phrase.before)) {
        // "in turn", "in practice": the noun right after a preposition, no determiner between.
        this.#countFrame(key, `${phrase.before} _`);
        continue;
      }
      if (phrase.before !== 'of' || !paper) continue;
      const text = (phrase.field === 'title' ? paper.title : paper.abstract) ?? '';
      const of = wordBefore(text, phrase.words[0].start);
      const head = of && wordBefore(text, of.start);
      if (head) this.#countFrame(key, wordKey(head.word, true));
    }
  }

  /** One use of `key` in `frame`: the word X of "X of W", or "P _". */
  #countFrame(key: string, frame: string): void {
    const frames = this.#frames.get(key) ?? this.#frames.set(key, new Map()).get(key)!;
    frames.set(frame, (frames.get(frame) ?? 0) + 1);
  }

  /** Whether a key is a one-word noun written mostly in one frame, "X of W" or "P W". */
  frozen(key: string): boolean {
    if (!this.#frozen) {
      const { minUses, frameShare } = this.#options;
      this.#frozen = new Set();
      for (const [word, frames] of this.#frames) {
        const uses = this.#uses.get(word) ?? 0;
        if (uses >= minUses && Math.max(...frames.values()) >= frameShare * uses) this.#frozen.add(word);
      }
      this.#uses.clear();
      this.#frames.clear();
    }
    return this.#frozen.has(key);
  }
}
