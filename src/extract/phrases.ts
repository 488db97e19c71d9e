// Candidate terms: noun phrases chunked from part-of-speech tags, the linguistic
// filter of Justeson & Katz (1995) and of C-value (Frantzi et al. 2000):
// (Adjective | Noun)* Noun, extended with hyphenated compounds ("spike-timing-
// dependent"), acronyms and mixed-case names ("SpiNNaker"), participle modifiers
// ("supervised learning") and gerund heads ("catastrophic forgetting").
import type { Field } from '../graph/model.ts';
import { lexicon } from './lexicon.ts';
import { adjectiveNoun, isAcronymLike, isBoundPrefix, wordKey } from './normalize.ts';
import type { Token, WordClass } from './tagger.ts';

/** One word of a phrase, with both keys it can take and its UTF-16 span. */
export interface PhraseWord {
  text: string;
  start: number;
  end: number;
  /** Key as a modifier (lower case, American spelling; acronyms keep case). */
  key: string;
  /** Key as the head of a phrase (singular). */
  head: string;
  acronym: boolean;
  /** May end a term: nouns and acronyms, gerunds after another word. */
  headClass: 'noun' | 'gerund' | 'none';
  /** First / last word of a hyphenated compound: sub-terms never cut a compound. */
  unitStart: boolean;
  unitEnd: boolean;
  /** The noun of a relational adjective (dendritic → dendrite). */
  adjectiveNoun?: string;
}

export interface Phrase {
  field: Field;
  sentence: number;
  /** Index of the first word among the paper's phrase words (title first): for position weights. */
  position: number;
  words: PhraseWord[];
  /**
   * maximal: a noun phrase as chunked, a candidate term; definition: the long form of
   * an acronym definition; loose: a relational adjective outside any noun phrase,
   * only matched against terms found elsewhere.
   */
  kind: 'maximal' | 'definition' | 'loose';
  /**
   * The words right before and after the noun-phrase run in its sentence, lower case
   * ('' at a punctuation mark or sentence edge): what corpus evidence reads ("the
   * variant of", "we show that", "outperforms the").
   */
  before?: string;
  after?: string;
}

interface Unit {
  tokens: Token[];
  wordClass: WordClass;
  lower: string;
  breakAfter: boolean;
  plural: boolean;
}

const contentClasses = new Set<WordClass>(['noun', 'acronym', 'adjective', 'gerund', 'participle']);

/** Hyphen-joined tokens form one unit whose class is its last part's ("state-of-the-art" is a noun). */
function unitsOf(tokens: Token[]): Unit[] {
  const units: Unit[] = [];
  let current: Token[] = [];
  for (const token of tokens) {
    current.push(token);
    if (token.hyphenNext && !token.breakAfter) continue;
    const last = current[current.length - 1];
    let wordClass = last.wordClass;
    if (current.length > 1 && (wordClass === 'number' || wordClass === 'other')) {
      wordClass = current.some((t) => /\p{L}/u.test(t.text)) ? 'noun' : wordClass;
    }
    units.push({
      tokens: current,
      wordClass,
      lower: current.map((t) => t.text.toLowerCase()).join(' '),
      breakAfter: last.breakAfter,
      plural: last.plural,
    });
    current = [];
  }
  return units;
}

function wordsOfUnits(units: Unit[]): PhraseWord[] {
  const words: PhraseWord[] = [];
  let pendingPrefix: Token | undefined;
  units.forEach((unit, u) => {
    unit.tokens.forEach((token, t) => {
      const lower = token.text.toLowerCase();
      const isLastOfAll = u === units.length - 1 && t === unit.tokens.length - 1;
      if (!isLastOfAll && isBoundPrefix(lower) && !isAcronymLike(token.text) && !pendingPrefix) {
        pendingPrefix = token;
        return;
      }
      const text = pendingPrefix ? pendingPrefix.text.toLowerCase() + token.text : token.text;
      const start = pendingPrefix ? pendingPrefix.start : token.start;
      const joinedPrefix = pendingPrefix !== undefined;
      pendingPrefix = undefined;
      const acronym = isAcronymLike(token.text) && !joinedPrefix;
      const lastOfUnit = t === unit.tokens.length - 1;
      const wordClass = lastOfUnit ? unit.wordClass : 'adjective';
      words.push({
        text,
        start,
        end: token.end,
        key: wordKey(text, false),
        head: wordKey(text, true),
        acronym,
        headClass:
          !lastOfUnit ? 'none' : wordClass === 'noun' || wordClass === 'acronym' || acronym ? 'noun' : wordClass === 'gerund' ? 'gerund' : 'none',
        unitStart: t === 0 || (joinedPrefix && t === 1),
        unitEnd: lastOfUnit,
        adjectiveNoun: unit.tokens.length === 1 && wordClass === 'adjective' ? adjectiveNoun(lower) : undefined,
      });
    });
  });
  return words;
}

/** Words of an arbitrary token range (an acronym's long form), keyed like phrase words. */
export function wordsOfTokens(tokens: Token[]): PhraseWord[] {
  const words = wordsOfUnits(unitsOf(tokens));
  const last = words[words.length - 1];
  if (last) last.headClass = 'noun';
  return words;
}

function isModifierPhrase(units: Unit[], from: number, generic: Set<string>): number {
  // Longest generic modifier starting at `from`, counted in units ("state of the art" is one unit).
  for (let length = Math.min(3, units.length - from); length >= 1; length--) {
    const text = units
      .slice(from, from + length)
      .map((unit) => unit.lower)
      .join(' ');
    if (generic.has(text)) return length;
  }
  return 0;
}

function isVariable(unit: Unit): boolean {
  return unit.tokens.length === 1 && /^\p{Ll}$/u.test(unit.tokens[0].text);
}

/** Trim a run of content units to a noun phrase: no leading generic modifier, ends in a head. */
function trimRun(run: Unit[]): Unit[] {
  const { genericModifiers } = lexicon();
  let from = 0;
  for (let skip = isModifierPhrase(run, from, genericModifiers); skip > 0; skip = isModifierPhrase(run, from, genericModifiers)) {
    from += skip;
  }
  let to = run.length;
  while (to > from) {
    const last = run[to - 1];
    // A lone lower-case letter after a noun is a variable ("time n", "dimension d"), not the head.
    if (to - 1 > from && isVariable(last)) {
      to--;
      continue;
    }
    if (last.wordClass === 'noun' || last.wordClass === 'acronym') break;
    if (last.wordClass === 'gerund' && to - 1 > from) break;
    to--;
  }
  return run.slice(from, to);
}

/** Words that open a new noun phrase: a noun phrase does not run on into one. */
const determiners = new Set('a an the its their our his her this these those each every both no some any such'.split(' '));

/**
 * A present-tense verb the tagger took for a plural noun: after a noun, right before a
 * determiner ("the paper describes a method", "replay reduces the forgetting").
 */
function isVerbBeforeDeterminer(run: Unit[], unit: Unit, next: Unit | undefined): boolean {
  if (run.length === 0 || !unit.plural || unit.tokens.length !== 1 || unit.breakAfter || !next) return false;
  const previous = run[run.length - 1];
  return (previous.wordClass === 'noun' || previous.wordClass === 'acronym') && determiners.has(next.lower);
}

/**
 * Words after which a gerund is a verb ("by extracting features", "when selecting tests").
 * Not "of", "in", "for", "from": NeurIPS abstracts write "of training data", "of spiking
 * neurons", "for reading comprehension" far more than verbs there.
 */
const gerundVerbContext = new Set('by without after before when while upon thereby we they it i you he she also then'.split(' '));
/** Words after which a participle is a verb ("we investigated X", "has improved X"). */
const participleVerbContext = new Set('we they it i you he she has have had was were is are be been being also who then'.split(' '));

/**
 * A gerund or participle opening a phrase that is the verb of its clause, told by the
 * word before it: "by selecting regression tests", "we investigated search engines",
 * against "the learning rate" or "supervised learning". Only a modifier is judged (the
 * next word continues the phrase): a gerund head ("by learning") is left to the head rules.
 */
function isVerbInContext(unit: Unit, previous: Unit | undefined, next: Unit | undefined): boolean {
  if (!previous || previous.breakAfter || !next || unit.breakAfter || unit.tokens.length !== 1) return false;
  if (!contentClasses.has(next.wordClass)) return false;
  if (unit.wordClass === 'gerund') return gerundVerbContext.has(previous.lower);
  if (unit.wordClass === 'participle') return participleVerbContext.has(previous.lower);
  return false;
}

interface Run {
  units: Unit[];
  /** Index in the field's units of the run's first and last unit. */
  first: number;
  last: number;
}

/** Noun-phrase runs over a field's tokens. */
function runsOf(units: Unit[]): Run[] {
  const { verbForms } = lexicon();
  const runs: Run[] = [];
  let run: Unit[] = [];
  let first = 0;
  const close = (last: number) => {
    if (run.length > 0) runs.push({ units: run, first, last });
    run = [];
  };
  for (let u = 0; u < units.length; u++) {
    const unit = units[u];
    const verbal = (unit.tokens.length === 1 && verbForms.has(unit.lower)) || isVerbBeforeDeterminer(run, unit, units[u + 1]);
    if (!contentClasses.has(unit.wordClass) || verbal) {
      close(u - 1);
      continue;
    }
    if (run.length === 0 && isVerbInContext(unit, units[u - 1], units[u + 1])) continue;
    const previous = run[run.length - 1];
    // A participle after a noun is the verb of a clause ("the model outperformed baselines"),
    // and so is a gerund after a plural ("insiders buying", "NuVox shows staying power").
    const nounBefore = previous && (previous.wordClass === 'noun' || previous.wordClass === 'acronym');
    if (nounBefore && unit.wordClass === 'participle') close(u - 1);
    else if (nounBefore && previous.plural && unit.wordClass === 'gerund') close(u - 1);
    if (run.length === 0) first = u;
    run.push(unit);
    if (unit.breakAfter) close(u);
  }
  close(units.length - 1);
  return runs;
}

/** The word next to a run in its sentence, lower case, or '' across punctuation or a sentence edge. */
function neighbour(units: Unit[], from: Unit, at: number, side: 'before' | 'after'): string {
  const unit = units[at];
  if (!unit || unit.tokens[0].sentence !== from.tokens[0].sentence) return '';
  return (side === 'before' ? unit : from).breakAfter ? '' : unit.lower;
}

/** Candidate phrases of one field of a paper. `position` continues from earlier fields. */
export function phrasesOf(tokens: Token[], field: Field, firstPosition: number): Phrase[] {
  const phrases: Phrase[] = [];
  let position = firstPosition;
  const units = unitsOf(tokens);
  const inRun = new Set<Unit>();
  for (const { units: run, first, last } of runsOf(units)) {
    for (const unit of run) inRun.add(unit);
    const trimmed = trimRun(run);
    if (trimmed.length === 0) continue;
    const words = wordsOfUnits(trimmed);
    if (words.length === 0) continue;
    // After: the word after the trimmed phrase, inside the run ("conventional" after a
    // trimmed-off head) or after it.
    const end = first + run.indexOf(trimmed[trimmed.length - 1]);
    const before = neighbour(units, units[first], first - 1, 'before');
    const after = end < last ? units[end + 1].lower : neighbour(units, units[last], last + 1, 'after');
    phrases.push({ field, sentence: trimmed[0].tokens[0].sentence, position, words, kind: 'maximal', before, after });
    position += words.length;
  }
  for (const unit of units) {
    if (unit.wordClass !== 'adjective' || unit.tokens.length !== 1) continue;
    const noun = adjectiveNoun(unit.lower);
    if (!noun) continue;
    // Already inside a phrase: the phrase's one-word sub-terms cover it.
    const covered = phrases.some((p) => p.words.some((w) => w.start === unit.tokens[0].start));
    if (covered && inRun.has(unit)) continue;
    phrases.push({ field, sentence: unit.tokens[0].sentence, position, words: wordsOfUnits([unit]), kind: 'loose' });
  }
  return phrases;
}
