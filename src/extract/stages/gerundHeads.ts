// A gerund the tagger read as a verb right after a noun phrase it heads elsewhere: compromise
// tags "sampling" in "Gibbs sampling is" as a verb after "Gibbs" every time, so the phrase
// stops at "[Gibbs]" and "Gibbs sampling" is never a candidate. The corpus tells the noun:
// a gerund it writes as the head of noun phrases after many different modifiers
// ("importance sampling", "negative sampling", "Thompson sampling"), at least
// `headShare` times as often as it follows a phrase the tagger ended before it, is a
// noun there too, unless what follows it opens an object ("sampling the posterior",
// "consisting of"): then it is the verb. The distributional test of word classes
// (Schütze 1995, "Distributional part-of-speech tagging", EACL), applied at the phrase
// boundary as Justeson & Katz (1995) repair chunks: the phrase takes the gerund as its
// head, and a noun phrase written right after it ("Gibbs sampling algorithm") as the rest
// of one compound. The gerund is read from the paper's text, with its span.
import type { LocalDefinition, PaperAnalysis } from '../analyze.ts';
import type { Phrase, PhraseWord } from '../phrases.ts';
import { wordKey } from '../normalize.ts';
import type { PaperText } from '../types.ts';
import { OBJECT_OPENERS } from './wordEvidence.ts';

export interface GerundHeadOptions {
  /** Distinct modifiers a gerund heads noun phrases after, before the corpus calls it a noun (default 10). */
  minModifiers: number;
  /** Least ratio of its uses as a head after a modifier to the phrases the tagger ended right before it (default 2). */
  headShare: number;
}

export const gerundHeadDefaults: GerundHeadOptions = { minModifiers: 10, headShare: 2 };

/** The word starting at `at` in `text` after spaces only (letters, inner hyphens), with its span. */
function wordAt(text: string, at: number): { word: string; start: number; end: number } | undefined {
  let start = at;
  while (start < text.length && (text[start] === ' ' || text[start] === '\n' || text[start] === '\t')) start++;
  let end = start;
  while (end < text.length && (/\p{L}/u.test(text[end]) || (text[end] === '-' && /\p{L}/u.test(text[end + 1] ?? '')))) end++;
  return end > start ? { word: text.slice(start, end), start, end } : undefined;
}

/**
 * Counts, paper by paper (`add`, over the analyses as the tagger left them), each gerund's
 * uses as a phrase head and the phrases ended right before it; `extend` then gives a
 * paper's cut phrases their gerund heads.
 */
export class GerundHeads {
  readonly #options: GerundHeadOptions;
  readonly #modifiers = new Map<string, Set<string>>();
  readonly #heads = new Map<string, number>();
  readonly #cuts = new Map<string, number>();
  #nouns: Set<string> | null = null;

  constructor(options: Partial<GerundHeadOptions> = {}) {
    this.#options = { ...gerundHeadDefaults, ...options };
  }

  add(analysis: PaperAnalysis): void {
    for (const phrase of analysis.phrases) {
      if (phrase.kind !== 'maximal') continue;
      const words = phrase.words;
      const last = words[words.length - 1];
      if (words.length > 1 && last.headClass === 'gerund') {
        (this.#modifiers.get(last.key) ?? this.#modifiers.set(last.key, new Set()).get(last.key)!).add(words[words.length - 2].key);
        this.#heads.set(last.key, (this.#heads.get(last.key) ?? 0) + 1);
      }
      if (phrase.after?.endsWith('ing')) this.#cuts.set(phrase.after, (this.#cuts.get(phrase.after) ?? 0) + 1);
    }
  }

  /** Gerunds the corpus uses as nouns after a modifier, among those that follow a cut phrase. */
  #nounGerunds(): Set<string> {
    if (this.#nouns) return this.#nouns;
    const { minModifiers, headShare } = this.#options;
    this.#nouns = new Set([...this.#cuts].filter(([w, cuts]) => (this.#modifiers.get(w)?.size ?? 0) >= minModifiers && (this.#heads.get(w) ?? 0) >= headShare * cuts).map(([w]) => w));
    this.#modifiers.clear();
    return this.#nouns;
  }

  /** The analysis with each phrase cut before a noun gerund extended by it (and by a phrase right after it); unchanged, it is returned as it was. */
  extend(analysis: PaperAnalysis, paper: PaperText): PaperAnalysis {
    const nouns = this.#nounGerunds();
    if (nouns.size === 0) return analysis;
    let phrases: Phrase[] | undefined;
    // Phrases taken into the one before them: the definitions' phrase indices move past them.
    const absorbed: number[] = [];
    const source = analysis.phrases;
    for (let i = 0; i < source.length; i++) {
      const phrase = source[i];
      if (phrase.kind !== 'maximal' || !phrase.after || !nouns.has(phrase.after)) {
        phrases?.push(phrase);
        continue;
      }
      const text = (phrase.field === 'title' ? paper.title : paper.abstract) ?? '';
      const last = phrase.words[phrase.words.length - 1];
      const gerund = wordAt(text, last.end);
      const next = gerund && wordAt(text, gerund.end);
      if (!gerund || gerund.word.toLowerCase() !== phrase.after || (next && (OBJECT_OPENERS.has(next.word.toLowerCase()) || next.word.toLowerCase() === 'of'))) {
        phrases?.push(phrase);
        continue;
      }
      phrases ??= source.slice(0, i);
      const lower = gerund.word.toLowerCase();
      const following = source[i + 1];
      const joins = next && following?.kind === 'maximal' && following.field === phrase.field && following.sentence === phrase.sentence && following.words[0].start === next.start;
      const head: PhraseWord = { text: gerund.word, start: gerund.start, end: gerund.end, key: wordKey(lower, false), head: wordKey(lower, true), acronym: false, headClass: 'gerund', unitStart: true, unitEnd: true };
      if (joins) {
        phrases.push({ ...phrase, words: [...phrase.words, head, ...following.words], after: following.after });
        absorbed.push(++i);
      } else phrases.push({ ...phrase, words: [...phrase.words, head], after: next && text.slice(gerund.end, next.start).trim() === '' ? next.word.toLowerCase() : '' });
    }
    if (!phrases) return analysis;
    if (absorbed.length === 0) return { ...analysis, phrases };
    return { ...analysis, phrases, definitions: movedDefinitions(analysis.definitions, absorbed) };
  }
}

/** `definitions` with their phrase indices moved past the `absorbed` ones (ascending); one naming an absorbed phrase goes. */
function movedDefinitions(definitions: LocalDefinition[], absorbed: number[]): LocalDefinition[] {
  const moved: LocalDefinition[] = [];
  for (const definition of definitions) {
    let before = 0;
    while (before < absorbed.length && absorbed[before] < definition.phrase) before++;
    if (absorbed[before] !== definition.phrase) moved.push(before === 0 ? definition : { ...definition, phrase: definition.phrase - before });
  }
  return moved;
}
