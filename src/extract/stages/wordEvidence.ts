// What the corpus says about how a word is used, where the tagger alone cannot tell:
// the distributional view of word classes (Schütze 1995, "Distributional part-of-speech
// tagging", EACL), read from the words around every noun phrase of every paper.
//
// - A verb the tagger took for a noun ("outperforms", "show", "leverage", "leads") is,
//   across the corpus, followed by an object or a clause ("outperforms the", "show
//   that", "leads to") in a good share of its uses and never comes after a determiner
//   (nouns do: "the network", "an assumption that"). Such a word ends a noun phrase.
// - A partitive or relational noun ("variant", "family", "subset", "fraction",
//   "hundreds", "special case") is in most of its uses "a X of …": it names no concept
//   of its own, the word after "of" does.
// - A word or hyphenated compound that is nearly always a modifier ("Markov", "Bayesian",
//   "low-rank", "end-to-end", "closed-form") is an adjective here, whatever its last word
//   is: alone it is a fragment of the terms it modifies, unless the corpus writes it in
//   the plural ("Gaussians").
// - A word the tagger knows as an adjective is a noun in this corpus when a good share of
//   its uses as a phrase head are plural: an adjective never takes a plural
//   ("derivatives", "variables"), while a stray "complexes" among many "is complex" does
//   not make a noun.
// - A two-word compound the corpus also writes closed ("auto-encoder" and "autoencoder",
//   "data set" and "dataset", "feed-forward" and "feedforward") is one term, keyed by
//   its closed form, when the closed form is written at least as often as the hyphenated
//   one: the orthographic variant of a term (Jacquemin 2001, ch. 5), decided as
//   hyphenation is, by the corpus. A closed form written less often ("timeseries" beside
//   "time series") is more likely a glued artefact, and stays apart.
// - A word written right before a noun phrase ("least squares") that the corpus also
//   writes hyphenated to the phrase's first word ("least-squares"), often and in a good
//   share of the phrases it stands before, opens that compound (stages/spacedCompounds.ts).
// Each rule needs `minUses` uses of the word before it judges; below that the tagger's
// word stands.
import type { PaperAnalysis } from '../analyze.ts';
import type { PhraseWord } from '../phrases.ts';
import type { PaperText } from '../types.ts';
import { lexicon } from '../lexicon.ts';
import { isAcronymLike } from '../normalize.ts';
import { lexicalClass } from '../tagger.ts';
import { wordBefore } from './spacedCompounds.ts';

export interface WordEvidenceOptions {
  /** Least share of plural uses as a head that makes a word the tagger knows as an adjective a noun (default 0.1). */
  pluralShare: number;
  /** Uses of a word (or key) needed before the corpus judges it (default 10). */
  minUses: number;
  /** Least share of a verb's uses as a phrase head followed by an object or clause (default 0.2). */
  objectShare: number;
  /** Most share of a verb's phrase-opening uses after a determiner (default 0.05). */
  determinerShareOfVerb: number;
  /** Least share of its uses in which a word modifies another word, to be an adjective (default 0.8). */
  modifierShare: number;
  /** The same for a compound written mostly with hyphens ("end-to-end", "worst-case"; default 0.6). */
  compoundModifierShare: number;
  /** Least shares of a relational noun's uses followed by "of", and after a determiner (default 0.5, 0.4). */
  ofShare: number;
  determinerShareOfRelational: number;
  /** Least share before "of" that makes a word a quantifier whatever precedes it (default 0.8). */
  quantifierOfShare: number;
  /** The shares for a multi-word key (default 0.7, 0.5). */
  strictOfShare: number;
  strictDeterminerShare: number;
  /** Least share of the noun phrases a word is written before that its hyphenated compound with their first word makes, to open it (default 0.2). */
  spacedCompoundShare: number;
}

export const wordEvidenceDefaults: WordEvidenceOptions = {
  pluralShare: 0.1,
  minUses: 10,
  objectShare: 0.2,
  determinerShareOfVerb: 0.05,
  modifierShare: 0.8,
  compoundModifierShare: 0.6,
  ofShare: 0.5,
  determinerShareOfRelational: 0.4,
  quantifierOfShare: 0.8,
  strictOfShare: 0.7,
  strictDeterminerShare: 0.5,
  spacedCompoundShare: 0.2,
};

const DETERMINERS = new Set('the a an these those its their our his her each every'.split(' '));
/** What opens a verb's object or clause. */
export const OBJECT_OPENERS = new Set([...DETERMINERS, ...'this that how whether what both all such to'.split(' ')]);
// analyze.ts counts the tagger's own verbs with the same openers.

export interface WordEvidence {
  /** A one-word key that is an adjective in this corpus, so never a concept on its own. */
  isAdjective(key: string): boolean;
  /** A surface word (lower case) the corpus uses as a verb. */
  isVerb(word: string): boolean;
  /** Whether two words ("leverage score") open a noun phrase after a determiner somewhere: then the first is no verb there. */
  opensNounPhrase(first: string, second: string): boolean;
  /** A key with its two-word compounds the corpus writes closed joined ("variational auto encoder" → "variational autoencoder"). */
  closedCompounds(key: string): string;
  /** A key that is a partitive or relational noun ("variant", "special case"). */
  isRelational(key: string): boolean;
  /** Whether a word written before a phrase's first word (lower case) opens the compound the corpus hyphenates ("least" before "squares"). */
  opensSpacedCompound(word: string, first: PhraseWord): boolean;
}

interface Uses {
  heads: number;
  headsBeforeObject: number;
  opens: number;
  opensAfterDeterminer: number;
}

interface KeyUses {
  whole: number;
  beforeOf: number;
  afterDeterminer: number;
}

function phraseKeyOf(words: { key: string; head: string }[]): string {
  return words.map((word, i) => (i === words.length - 1 ? word.head : word.key)).join(' ');
}

/**
 * The corpus's word uses, gathered a paper at a time as the analyses come (`add`, in
 * paper order) and judged once every paper is in (`evidence`). A paper's text gives
 * the word written before each phrase; without it no spaced compound is read.
 */
export class WordEvidenceTally {
  readonly #o: WordEvidenceOptions;
  /** Noun phrases each word is written right before, in the text. */
  readonly #wordsBefore = new Map<string, number>();
  readonly #headUses = new Map<string, { all: number; plural: number }>();
  readonly #words = new Map<string, Uses>();
  readonly #keys = new Map<string, KeyUses>();
  readonly #nounOpenings = new Set<string>();
  /** Uses of each one-unit key (a word or hyphenated compound) as a modifier and as a head. */
  readonly #unitUses = new Map<string, { modifier: number; head: number; plural: number; hyphenated: number }>();

  constructor(options: Partial<WordEvidenceOptions> = {}) {
    this.#o = { ...wordEvidenceDefaults, ...options };
  }

  add(analysis: PaperAnalysis, paper?: PaperText): void {
    const wordsBefore = this.#wordsBefore;
    const headUses = this.#headUses;
    const words = this.#words;
    const keys = this.#keys;
    const nounOpenings = this.#nounOpenings;
    const unitUses = this.#unitUses;
    const usesOf = (word: string) => {
      let uses = words.get(word);
      if (!uses) words.set(word, (uses = { heads: 0, headsBeforeObject: 0, opens: 0, opensAfterDeterminer: 0 }));
      return uses;
    };
    // Where the tagger saw the word as a verb before its object, that is a use as a verb.
    for (const [word, n] of Object.entries(analysis.verbs ?? {})) {
      const uses = usesOf(word);
      uses.heads += n;
      uses.headsBeforeObject += n;
    }
    for (const phrase of analysis.phrases) {
      const last = phrase.words[phrase.words.length - 1];
      if (!last) continue;
      if (!last.acronym) {
        let uses = headUses.get(last.head);
        if (!uses) headUses.set(last.head, (uses = { all: 0, plural: 0 }));
        uses.all++;
        if (last.head !== last.key) uses.plural++;
      }
      if (phrase.kind !== 'maximal') continue;
      if (paper) {
        const before = wordBefore((phrase.field === 'title' ? paper.title : paper.abstract) ?? '', phrase.words[0].start);
        if (before) {
          const word = before.word.toLowerCase();
          wordsBefore.set(word, (wordsBefore.get(word) ?? 0) + 1);
        }
      }
      let start = 0;
      phrase.words.forEach((word, i) => {
        if (word.unitStart) start = i;
        if (!word.unitEnd || word.acronym) return;
        const isHead = i === phrase.words.length - 1;
        // Most units are one word: its key, without building a list.
        const unit = start === i ? (isHead ? word.head : word.key) : phrase.words.slice(start, i + 1).map((w, j, all) => (isHead && j === all.length - 1 ? w.head : w.key)).join(' ');
        let uses = unitUses.get(unit);
        if (!uses) unitUses.set(unit, (uses = { modifier: 0, head: 0, plural: 0, hyphenated: 0 }));
        if (i > start) uses.hyphenated++;
        if (!isHead) uses.modifier++;
        else {
          uses.head++;
          if (word.head !== word.key) uses.plural++;
        }
      });
      // A multi-word phrase written whole is its key's use as a head ("reinforcement learning"
      // also names the compound "reinforcement-learning").
      const key = phraseKeyOf(phrase.words);
      if (start > 0) {
        let whole = unitUses.get(key);
        if (!whole) unitUses.set(key, (whole = { modifier: 0, head: 0, plural: 0, hyphenated: 0 }));
        whole.head++;
      }
      const afterDeterminer = DETERMINERS.has(phrase.before ?? '');
      const opening = usesOf(phrase.words[0].text.toLowerCase());
      opening.opens++;
      if (afterDeterminer) {
        opening.opensAfterDeterminer++;
        if (phrase.words.length > 1) nounOpenings.add(`${phrase.words[0].text.toLowerCase()} ${phrase.words[1].text.toLowerCase()}`);
      }
      const ending = usesOf(last.text.toLowerCase());
      ending.heads++;
      if (OBJECT_OPENERS.has(phrase.after ?? '')) ending.headsBeforeObject++;
      let keyUses = keys.get(key);
      if (!keyUses) keys.set(key, (keyUses = { whole: 0, beforeOf: 0, afterDeterminer: 0 }));
      keyUses.whole++;
      if (phrase.after === 'of') keyUses.beforeOf++;
      if (afterDeterminer) keyUses.afterDeterminer++;
    }
  }

  evidence(): WordEvidence {
    const o = this.#o;
    const wordsBefore = this.#wordsBefore;
    const headUses = this.#headUses;
    const words = this.#words;
    const keys = this.#keys;
    const nounOpenings = this.#nounOpenings;
    const unitUses = this.#unitUses;
    const { adjectives } = lexicon();
    const usedAsNoun = (key: string): boolean => {
      const uses = headUses.get(key);
      return uses !== undefined && uses.plural > 0 && uses.plural >= o.pluralShare * uses.all;
    };
    /** A determiner before a good share of a plural's singular ("a transformation") makes the plural a noun. */
    const singularIsNoun = (word: string): boolean => {
      for (const singular of [word.replace(/s$/, ''), word.replace(/es$/, '')]) {
        const uses = singular !== word ? words.get(singular) : undefined;
        if (uses && uses.opens >= 5 && uses.opensAfterDeterminer >= 0.2 * uses.opens) return true;
      }
      return false;
    };
    // Two-word compounds → their closed form, by first word.
    const closed = new Map<string, Map<string, string>>();
    /** Closed form → the hyphenated compound it is written as ("feedforward" → "feed forward"). */
    const hyphenatedOf = new Map<string, string>();
    for (const [unit, uses] of unitUses) {
      const space = unit.indexOf(' ');
      if (space < 0 || unit.indexOf(' ', space + 1) >= 0 || uses.hyphenated === 0) continue;
      const first = unit.slice(0, space);
      const second = unit.slice(space + 1);
      const joined = unitUses.get(first + second);
      if (!joined || joined.modifier + joined.head < Math.max(o.minUses, uses.modifier + uses.head)) continue;
      (closed.get(first) ?? closed.set(first, new Map()).get(first)!).set(second, first + second);
      hyphenatedOf.set(first + second, unit);
    }
    // Hyphenated units by first word and the rest, for reading a spaced compound's first word
    // before every noun phrase without building each "word second" key.
    const hyphenatedAfter = new Map<string, Map<string, number>>();
    for (const [unit, uses] of unitUses) {
      const space = unit.indexOf(' ');
      if (space < 0 || uses.hyphenated === 0) continue;
      const first = unit.slice(0, space);
      (hyphenatedAfter.get(first) ?? hyphenatedAfter.set(first, new Map()).get(first)!).set(unit.slice(space + 1), uses.hyphenated);
    }
    const verbs = new Set<string>();
    for (const [word, uses] of words) {
      if (uses.heads < o.minUses || uses.headsBeforeObject < o.objectShare * uses.heads) continue;
      if (uses.opensAfterDeterminer > o.determinerShareOfVerb * uses.opens) continue;
      if (/s$/.test(word) && singularIsNoun(word)) continue;
      verbs.add(word);
    }
    return {
      isAdjective(key) {
        // A closed form is the term its hyphenated compound is: where the hyphenated spelling
        // is a compound modifier ("a feed-forward network"), so is "feedforward".
        const hyphenated = hyphenatedOf.get(key);
        if (hyphenated && this.isAdjective(hyphenated)) return true;
        const unit = unitUses.get(key);
        if (unit && (unit.head === 0 || unit.plural < o.pluralShare * unit.head)) {
          const all = unit.modifier + unit.head;
          // English hyphenates a compound modifier ("end-to-end training", "trained end to end").
          const share = unit.hyphenated >= 0.5 * all ? o.compoundModifierShare : o.modifierShare;
          if (all >= o.minUses && unit.modifier >= share * all) return true;
        }
        return !key.includes(' ') && !isAcronymLike(key) && (adjectives.has(key) || (lexicalClass(key) === 'adjective' && !usedAsNoun(key)));
      },
      isVerb: (word) => verbs.has(word),
      closedCompounds(key) {
        if (closed.size === 0 || !key.includes(' ')) return key;
        const parts = key.split(' ');
        const out: string[] = [];
        for (let i = 0; i < parts.length; i++) {
          const joined = i + 1 < parts.length ? closed.get(parts[i])?.get(parts[i + 1]) : undefined;
          out.push(joined ?? parts[i]);
          if (joined) i++;
        }
        return out.length === parts.length ? key : out.join(' ');
      },
      opensNounPhrase: (first, second) => nounOpenings.has(`${first} ${second}`),
      opensSpacedCompound(word, first) {
        const before = wordsBefore.get(word);
        if (!before) return false;
        const after = hyphenatedAfter.get(word);
        const hyphenated = after ? (after.get(first.key) ?? 0) + (first.head !== first.key ? (after.get(first.head) ?? 0) : 0) : 0;
        return hyphenated >= o.minUses && hyphenated >= o.spacedCompoundShare * before;
      },
      isRelational(key) {
        const uses = keys.get(key);
        if (!uses || uses.whole < o.minUses) return false;
        const of = uses.beforeOf / uses.whole;
        const determiner = uses.afterDeterminer / uses.whole;
        // One word: "a variant of", or a quantifier nearly always before "of" ("hundreds of").
        // Several: only the clear cases ("a special case of", "a linear combination of"), since
        // mathematics names objects by what they are of ("the convex hull of").
        return key.includes(' ') ? of >= o.strictOfShare && determiner >= o.strictDeterminerShare : (of >= o.ofShare && determiner >= o.determinerShareOfRelational) || of >= o.quantifierOfShare;
      },
    };
  }
}
