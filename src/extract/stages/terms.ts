// The sub-terms of a chunked phrase that can name a concept, keyed canonically: the
// candidate-term filter of Justeson & Katz (1995), "Technical terminology: some
// linguistic properties and an algorithm for identification in text" (Natural Language
// Engineering 1(1)), and of C-value (Frantzi, Ananiadou & Mima 2000): (Adjective |
// Noun)* Noun runs, never cutting a hyphenated compound.
//
// A one-word term is the phrase's head, an acronym, or a relational adjective's noun;
// a noun used as a modifier ("machine" in "machine learning") is not one. An activity
// noun ("learning", "processing") heads too many different terms to stand for them all
// ("machine learning", "signal processing"): it is a term only where it stands alone.
import type { Phrase, PhraseWord } from '../phrases.ts';
import { lexicalClass } from '../tagger.ts';

/** A sub-term of a phrase: words `from`…`to` (inclusive) of `phrase`, and its concept key. */
export interface Occurrence {
  key: string;
  phrase: Phrase;
  from: number;
  to: number;
  /** A modifier standing for the term it begins ("Hebbian" for Hebbian learning, stages/modifierEllipsis.ts). */
  elliptical?: boolean;
}

/** A short form's long-form key, or the short form itself when it cannot be resolved. */
export type Resolve = (short: string) => string;

export const identity: Resolve = (short) => short;

function modifierKey(word: PhraseWord, resolve: Resolve): string {
  return word.acronym ? resolve(word.key) : word.key;
}

/** The key a phrase word counts under in per-paper word graphs (an acronym as its long form). */
export function wordKeyOf(word: PhraseWord, resolve: Resolve): string {
  return word.acronym ? resolve(word.head) : word.head;
}

/**
 * Every sub-term of a phrase of at most `maxWords` words that can name a concept, with
 * its key; only the whole phrase when `onlyFull`.
 */
export function subTerms(phrase: Phrase, resolve: Resolve, maxWords: number, onlyFull: boolean): Occurrence[] {
  const words = phrase.words;
  const out: Occurrence[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!words[i].unitStart) continue;
    if (onlyFull && i > 0) break;
    const modifiers: string[] = [];
    for (let j = i; j < words.length && j - i < maxWords; j++) {
      const word = words[j];
      const full = i === 0 && j === words.length - 1;
      if (word.unitEnd && (!onlyFull || full)) {
        let key: string | undefined;
        if (i === j) {
          const isHead = j === words.length - 1;
          if (word.acronym) key = resolve(word.head);
          else if (word.headClass === 'noun' && isHead && (i === 0 || lexicalClass(word.head) !== 'gerund')) key = word.head;
          else if (word.adjectiveNoun) key = word.adjectiveNoun;
        } else if (word.headClass !== 'none') {
          key = modifiers.join(' ') + ' ' + (word.acronym ? resolve(word.head) : word.head);
        }
        if (key) out.push({ key, phrase, from: i, to: j });
      }
      modifiers.push(modifierKey(word, resolve));
    }
  }
  return out;
}

/** The key of a whole phrase (a definition's long form), or undefined when it names no term. */
export function fullKey(phrase: Phrase, resolve: Resolve = identity): string | undefined {
  return subTerms(phrase, resolve, Infinity, true)[0]?.key;
}
