// Part-of-speech tagging with compromise (github.com/spencermountain/compromise).
// Only its lexicon and pre-tagger run (lexicon look-up, suffix rules, neighbour
// rules): the post-tagger's hundreds of match patterns triple the cost and barely
// change the noun/adjective decisions noun-phrase chunking depends on (measured with
// scripts/eval-extract.ts). Offsets are UTF-16 indices into the text as given.
//
// `parse` drives compromise's own steps itself, each once: `nlp.tokenize` followed by
// `compute([...])` normalises every word three times and looks aliases up twice, and
// its contractions step scans every word against the whole contraction list. Here a
// word's punctuation, normal, alias and machine forms are computed once per distinct
// word, and the contractions step runs only on a text that has a word it could split.
// The lexicon and pre-tagger run through preTagger.ts, which does a word's own steps
// once per distinct word. The terms and tags are the ones `nlp.tokenize(text).compute(['alias', 'normal',
// 'lexicon', 'preTagger'])` gives (tests/extract/tagger-parse.test.ts compares the two
// on real abstracts).
import nlp from 'compromise/two';
import { preTag, wordMemo, type PreTaggerWorld, type WordMemo } from './preTagger.ts';

export type WordClass =
  | 'noun'
  | 'acronym'
  | 'adjective'
  | 'gerund' // "learning", "spiking": head or modifier in noun phrases
  | 'participle' // "supervised", "modulated": modifier only
  | 'number'
  | 'other';

export interface Token {
  text: string;
  start: number;
  end: number;
  wordClass: WordClass;
  sentence: number;
  /** Joined to the next token by a hyphen ("spike-timing"). */
  hyphenNext: boolean;
  /** Punctuation (comma, parenthesis, colon…) separates it from the next token. */
  breakAfter: boolean;
  /** A plural noun: rarely a modifier, so a gerund or participle after it starts a clause. */
  plural: boolean;
}

interface CompromiseTerm {
  text: string;
  pre: string;
  post: string;
  normal: string;
  tags: Set<string>;
  alias?: string[];
  machine?: string;
}

type Step = (view: { docs: CompromiseTerm[][]; world: unknown }) => void;

interface CompromiseWorld extends PreTaggerWorld {
  compute: Record<'alias' | 'normal' | 'machine' | 'contractions', Step>;
  methods: PreTaggerWorld['methods'] & {
    one: {
      tokenize: {
        splitSentences(text: string, world: CompromiseWorld): string[];
        splitTerms(sentence: string, model: unknown): string[];
        splitWhitespace(word: string, model: unknown): CompromiseTerm;
      };
    };
  };
  model: { one: PreTaggerWorld['model']['one'] & { contractions: { word?: string }[] } };
}

const world = nlp.world() as unknown as CompromiseWorld;
const { splitSentences, splitTerms, splitWhitespace } = world.methods.one.tokenize;
const View = nlp.tokenize('').constructor as new (document: CompromiseTerm[][]) => { docs: CompromiseTerm[][]; world: unknown };

/** Words the contractions step splits without an apostrophe ("cannot", "gonna"). */
const contractionWords = new Set(world.model.one.contractions.flatMap((c) => (c.word ? [c.word] : [])));
// The contractions step's own tests for a number range ("44-2") and a number with a unit ("4km").
const numberRange = /^[0-9][^-–—]*[-–—].*?[0-9]/;
const numberUnit = /^([+-]?[0-9][.,0-9]*)([a-z°²³µ/]+)$/;

/** Whether compromise's contractions step could change a term: an apostrophe, a listed word, a number range or a number with a unit. */
function mayContract(term: CompromiseTerm): boolean {
  return term.normal.includes("'") || contractionWords.has(term.normal) || numberRange.test(term.normal) || numberUnit.test(term.text);
}

/**
 * What compromise makes of a whitespace-delimited word on its own, by the word: its
 * text without surrounding punctuation, the punctuation, its normal form, aliases and
 * machine form, whether the contractions step could split it, and the pre-tagger's
 * recordings of it. These read only the word, and a corpus writes the same words over
 * and over. Cleared when full, so memory stays bounded on any corpus.
 */
interface KnownWord {
  parsed: CompromiseTerm;
  contracts: boolean;
  /** Where the pre-tagger records what the word alone decides. */
  memo: WordMemo;
}
const parsedWords = new Map<string, KnownWord>();
const maxParsedWords = 200_000;

function wordOf(word: string): KnownWord {
  let known = parsedWords.get(word);
  if (known === undefined) {
    const parsed = splitWhitespace(word, world.model);
    const view = { docs: [[parsed]], world };
    world.compute.normal(view);
    world.compute.alias(view);
    world.compute.machine(view);
    if (parsedWords.size >= maxParsedWords) parsedWords.clear();
    known = { parsed, contracts: mayContract(parsed), memo: wordMemo() };
    parsedWords.set(word, known);
  }
  return known;
}

/** A fresh term of a known word, untagged. */
function termOf({ parsed }: KnownWord): CompromiseTerm {
  const term: CompromiseTerm = { text: parsed.text, pre: parsed.pre, post: parsed.post, tags: new Set(), normal: parsed.normal };
  if (parsed.alias) term.alias = [...parsed.alias];
  if (parsed.machine !== undefined) term.machine = parsed.machine;
  return term;
}

/** compromise's terms of `text`, tagged by its lexicon and pre-tagger, one array per sentence. */
export function parse(text: string): CompromiseTerm[][] {
  const document: CompromiseTerm[][] = [];
  const memos: WordMemo[][] = [];
  let contracts = false;
  for (const sentence of splitSentences(text, world)) {
    const terms: CompromiseTerm[] = [];
    const slots: WordMemo[] = [];
    for (const word of splitTerms(sentence, world.model)) {
      const known = wordOf(word);
      contracts ||= known.contracts;
      terms.push(termOf(known));
      slots.push(known.memo);
    }
    document.push(terms);
    memos.push(slots);
  }
  const view = new View(document);
  if (contracts) {
    // The step replaces a contracted term with new ones and leaves the others as they were.
    const slotOf = new Map(document.flatMap((terms, s) => terms.map((term, t) => [term, memos[s][t]] as const)));
    world.compute.contractions(view);
    preTag(view.docs, view.docs.map((terms) => terms.map((term) => slotOf.get(term))), world);
  } else {
    preTag(view.docs, memos, world);
  }
  return view.docs;
}

const functionTags = [
  'Pronoun',
  'Determiner',
  'Preposition',
  'Conjunction',
  'Adverb',
  'Modal',
  'Copula',
  'Auxiliary',
  'QuestionWord',
  'Negative',
  'Possessive',
];

/** Closed-class words the pre-tagger sometimes leaves as nouns, adjectives or participles ("our", "here", "had been", "under", the pronouns "ones" and "others"). */
export const closedClass = new Set(
  'i me my mine we us our ours you your yours he him his she her hers it its they them their theirs this that these those here there where when which who whom whose what why how whether both each either neither every all any some none such own etc thus hence therefore however yet also even only very via per versus vs be been being is are was were am have has had having do does did can could may might must shall should will would under within without between among upon across against throughout despite towards toward over et al one ones another other others something anything everything nothing someone anyone everyone itself themselves'.split(' '),
);

function classify(tags: Set<string>, text: string): WordClass {
  if (!/[\p{L}]/u.test(text)) return /\p{N}/u.test(text) ? 'number' : 'other';
  if (closedClass.has(text.toLowerCase()) || functionTags.some((tag) => tags.has(tag))) return 'other';
  if (tags.has('Acronym')) return 'acronym';
  if (tags.has('Gerund')) return 'gerund';
  if (tags.has('Noun')) return 'noun';
  if (tags.has('Adjective')) return 'adjective';
  if (tags.has('PastTense') || tags.has('Participle')) return 'participle';
  if (tags.has('Verb') || tags.has('Value')) return 'other';
  // Words compromise has no tag for are, in titles and abstracts, mostly names of things.
  return tags.size === 0 ? 'noun' : 'other';
}

const hyphen = /^[-\u2010\u2011]$/;
const possessiveEnd = /(?<=\p{L})['\u2019]s$/u;

const determiners = new Set('a an the its their our his her this these those each every no'.split(' '));
/** Prepositions after which a base-form verb running into a noun phrase is a noun ("for support vector machines"); not "to". */
const nounPrepositions = new Set('of in for with on from by as'.split(' '));
const modifierClasses = new Set<WordClass>(['noun', 'acronym', 'adjective', 'gerund']);

/**
 * A base-form verb that starts a sentence or clause, or follows a determiner or a
 * preposition, and runs on into a noun phrase is a noun: titles and abstracts have no
 * imperatives ("Model predictive control helps…", "the design space", "for support
 * vector machines"). The pre-tagger alone tags it a verb.
 */
function nounInContext(tokens: Token[], i: number): void {
  const token = tokens[i];
  const next = tokens[i + 1];
  if (token.wordClass !== 'other' || token.breakAfter || !next || next.sentence !== token.sentence) return;
  if (closedClass.has(token.text.toLowerCase()) || !/^\p{L}+$/u.test(token.text) || !modifierClasses.has(next.wordClass)) return;
  const previous = tokens[i - 1];
  const opensPhrase =
    !previous || previous.sentence !== token.sentence || previous.breakAfter || determiners.has(previous.text.toLowerCase()) || nounPrepositions.has(previous.text.toLowerCase());
  if (opensPhrase) token.wordClass = 'noun';
}

/**
 * A present-tense verb in "-s" right after a noun or adjective is the plural head of a
 * name when nothing follows it, or punctuation does ("Markov decision processes (MDPs)",
 * "Gaussian processes, …"), and in a title also when no determiner follows ("Hidden
 * Markov Models for Speech"): the pre-tagger reads "processes" and "models" as verbs,
 * but a finite verb takes an object ("Deep Learning Improves the…").
 */
function pluralHead(tokens: Token[], i: number, title: boolean): void {
  const token = tokens[i];
  const previous = tokens[i - 1];
  const next = tokens[i + 1];
  if (token.wordClass !== 'other' || !/^\p{L}\p{Ll}+s$/u.test(token.text) || !previous || previous.breakAfter || previous.sentence !== token.sentence) return;
  if (!modifierClasses.has(previous.wordClass)) return;
  const ends = token.breakAfter || !next || next.sentence !== token.sentence;
  if (!ends && !(title && /^\p{Lu}/u.test(token.text) && !determiners.has(next.text.toLowerCase()))) return;
  token.wordClass = 'noun';
  token.plural = true;
}

/** Tokens of `text` with word classes, sentence numbers and phrase boundaries; `title` for a paper's title. */
export function tagText(text: string, title = false): Token[] {
  const tokens: Token[] = [];
  if (text.trim().length === 0) return tokens;
  let cursor = 0;
  const baseVerbs = new Set<number>();
  const presentVerbs = new Set<number>();
  const sentences = parse(text);
  for (let s = 0; s < sentences.length; s++) {
    for (const term of sentences[s]) {
      if (term.text.length === 0) continue;
      const start = text.indexOf(term.text, cursor);
      if (start < 0) continue; // compromise rewrote the word (rare unicode); skip rather than misplace a span
      cursor = start + term.text.length;
      // A common noun's possessive ends its noun phrase ("the industry's expectations"); the
      // word is the owner without "'s". A name's stays: "Chua's circuit", "Parkinson's disease".
      const possessive = /^\p{Ll}/u.test(term.text) ? possessiveEnd.exec(term.text) : null;
      const word = possessive ? term.text.slice(0, possessive.index) : term.text;
      const previous = tokens[tokens.length - 1];
      if (previous && /[^\s\-\u2010\u2011]/.test(term.pre)) previous.breakAfter = true;
      tokens.push({
        text: word,
        start,
        end: start + word.length,
        wordClass: possessiveEnd.test(term.text) && !closedClass.has(word.toLowerCase()) ? 'noun' : classify(term.tags, term.text),
        sentence: s,
        hyphenNext: !possessive && hyphen.test(term.post),
        breakAfter: possessive !== null || (!hyphen.test(term.post) && /[^\s]/.test(term.post)),
        plural: !possessive && term.tags.has('Plural'),
      });
      if (term.tags.has('Infinitive') || term.tags.has('Imperative')) baseVerbs.add(tokens.length - 1);
      if (term.tags.has('PresentTense')) presentVerbs.add(tokens.length - 1);
    }
    const last = tokens[tokens.length - 1];
    if (last) last.breakAfter = true;
  }
  for (const i of baseVerbs) nounInContext(tokens, i);
  for (const i of presentVerbs) pluralHead(tokens, i, title);
  return tokens;
}

export type LexicalClass = 'adjective' | 'gerund' | 'noun' | 'other';

const lexicalClasses = new Map<string, LexicalClass>();

/**
 * The class compromise gives a lower-case word on its own, out of context: what the
 * word is before a sentence coerces it. Tells a one-word concept that is really an
 * adjective ("complex", "robust") or an activity ("learning") from a plain noun.
 */
export function lexicalClass(word: string): LexicalClass {
  let known = lexicalClasses.get(word);
  if (known) return known;
  const tags = tagsAlone(word);
  known = tags.has('Gerund') ? 'gerund' : tags.has('Noun') ? 'noun' : tags.has('Adjective') ? 'adjective' : 'other';
  lexicalClasses.set(word, known);
  return known;
}

/**
 * The tags `parse(word)` gives a word that is one term. A word of letters alone is one
 * sentence of one term (nothing splits it but the contractions step), so it is tagged
 * as that term directly: the corpus passes ask this of every distinct phrase head.
 */
function tagsAlone(word: string): Set<string> {
  const known = /^\p{L}+$/u.test(word) ? wordOf(word) : undefined;
  if (known === undefined || known.contracts) {
    const terms = parse(word).flat();
    return terms.length === 1 ? terms[0].tags : new Set<string>();
  }
  const term = termOf(known);
  preTag([[term]], [[known.memo]], world);
  return term.tags;
}
