// compromise's lexicon and pre-tagger steps (github.com/spencermountain/compromise:
// src/1-one/lexicon/compute, src/2-two/preTagger/compute/tagger/index.js), driven here
// in compromise's own order with its own pass functions, so that the passes that read
// nothing but the word itself run once per distinct word instead of once per
// occurrence: the lexicon look-up, the second pass (switch, case, suffix, regex and
// prefix rules: two fifths of the pre-tagger's time) and the acronym and tag-filling
// steps that open the third pass. A word's first occurrence runs them and its
// resulting state (tags in order, switch, confidence, chunk, index) is recorded;
// later occurrences get a copy. Everything that reads a neighbour (multi-word lexicon
// entries, the colon rule, clause splitting, the year rule, neighbour and switch
// rules, imperatives) runs on every occurrence as in compromise.
//
// A word's state depends on its own fields and, in the second pass, on whether its
// clause is all upper case: recordings are kept per word and per that flag. A word
// another rule has touched first (tagged as part of a multi-word entry, or the first
// word before a colon), or whose year rule fired, takes compromise's path for the rest.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export interface PreTaggedTerm {
  text: string;
  pre: string;
  post: string;
  normal: string;
  tags: Set<string>;
  machine?: string;
  alias?: string[];
  implicit?: string;
  frozen?: boolean;
  switch?: string;
  confidence?: number;
  dirty?: boolean;
  chunk?: string;
  index?: number[];
}

/**
 * What the steps left on a word: replayed onto its later occurrences. Interned (words
 * share a few hundred distinct states), so a corpus's words cost a slot each.
 */
interface Recorded {
  /** Never changed once recorded: replays may hand this very set to a term (see `replay`). */
  tags: Set<string>;
  switch?: string;
  confidence?: number;
  dirty?: boolean;
  chunk?: string;
  index: boolean;
  /** Whether the acronym step found an acronym (third-pass states). */
  acronym: boolean;
}

/**
 * The recordings of one distinct word: after the lexicon, after the second pass and
 * after the acronym and tag-filling steps, the latter two in a clause in mixed case
 * (index 0) and all upper case (1).
 */
export interface WordMemo {
  lexicon: Recorded | undefined;
  second: Recorded | undefined;
  secondYelling: Recorded | undefined;
  third: Recorded | undefined;
  thirdYelling: Recorded | undefined;
}

export function wordMemo(): WordMemo {
  return { lexicon: undefined, second: undefined, secondYelling: undefined, third: undefined, thirdYelling: undefined };
}

/** What the steps use of compromise's world (`nlp.world()`). */
export interface PreTaggerWorld {
  model: { one: { _multiCache?: Record<string, number>; lexicon: Record<string, unknown> } };
  methods: { two: { quickSplit(document: PreTaggedTerm[][]): PreTaggedTerm[][] } };
}
type Pass = (terms: PreTaggedTerm[], i: number, modelOrWorld: unknown, world?: unknown, isYelling?: boolean) => unknown;

// The pass functions are compromise's modules: `compromise/two` resolves to its
// builds/two/ folder for require, and the ES sources sit beside it in src/.
const compromiseRoot = new URL('../../', pathToFileURL(createRequire(import.meta.url).resolve('compromise/two')));
const pass = async (path: string): Promise<Pass> => ((await import(new URL(`src/${path}.js`, compromiseRoot).href)) as { default: Pass }).default;
const tagger = '2-two/preTagger/compute/tagger/';
const [multiWord, singleWord, colons, hyphens, tagSwitch, checkCase, checkSuffix, checkRegex, checkPrefix, checkYear] = await Promise.all(
  [
    '1-one/lexicon/compute/multi-word',
    '1-one/lexicon/compute/single-word',
    `${tagger}1st-pass/01-colons`,
    `${tagger}1st-pass/02-hyphens`,
    `${tagger}2nd-pass/00-tagSwitch`,
    `${tagger}2nd-pass/01-case`,
    `${tagger}2nd-pass/02-suffix`,
    `${tagger}2nd-pass/03-regex`,
    `${tagger}2nd-pass/04-prefix`,
    `${tagger}2nd-pass/05-year`,
  ].map(pass),
);
const [verbType, fillTags, checkAcronym, neighbours, orgWords, placeWords, nounFallback, switches] = await Promise.all(
  [
    '3rd-pass/07-verb-type',
    '3rd-pass/_fillTags',
    '3rd-pass/01-acronym',
    '3rd-pass/02-neighbours',
    '3rd-pass/03-orgWords',
    '3rd-pass/04-placeWords',
    '3rd-pass/05-fallback',
    '3rd-pass/06-switches',
  ].map((path) => pass(tagger + path)),
);
const imperative = (await pass(`${tagger}3rd-pass/08-imperative`)) as unknown as (terms: PreTaggedTerm[], world: unknown) => void;

const states = new Map<string, Recorded>();

function record(term: PreTaggedTerm, acronym = false): Recorded {
  const key = [[...term.tags].join(), term.switch, term.confidence, term.dirty, term.chunk, term.index !== undefined, acronym].join('|');
  let state = states.get(key);
  if (state) return state;
  state = { tags: new Set(term.tags), index: term.index !== undefined, acronym };
  if (term.switch !== undefined) state.switch = term.switch;
  if (term.confidence !== undefined) state.confidence = term.confidence;
  if (term.dirty !== undefined) state.dirty = term.dirty;
  if (term.chunk !== undefined) state.chunk = term.chunk;
  states.set(key, state);
  return state;
}

/**
 * Puts a recorded state on a term. `shared`: the term gets the recorded tag set itself,
 * not a copy. Safe between the lexicon and the third pass, where no step changes the
 * tags of a word whose state is its own except its own second-pass and year steps
 * (and the colon rule on a sentence's first word): `own` makes the term a copy first.
 */
function replay(term: PreTaggedTerm, state: Recorded, shared: boolean): void {
  term.tags = shared ? state.tags : new Set(state.tags);
  if (state.switch !== undefined) term.switch = state.switch;
  if (state.confidence !== undefined) term.confidence = state.confidence;
  if (state.dirty !== undefined) term.dirty = state.dirty;
  if (state.chunk !== undefined) term.chunk = state.chunk;
  if (state.index) term.index = [0, 0];
}

let openings: Set<string> | undefined;

/**
 * Whether a multi-word lexicon entry could start at term i: some entry opens with its
 * word and the next one. The multi-word step looks up every length from the longest
 * entry down, each a new string; most words that open an entry ("in", "state") are
 * followed by a word no entry continues with.
 */
function opensEntry(terms: PreTaggedTerm[], i: number, world: PreTaggerWorld): boolean {
  const next = terms[i + 1];
  if (!next) return false;
  const word = terms[i].machine || terms[i].normal;
  const following = next.machine || next.normal;
  if (word.includes(' ') || following.includes(' ')) return true;
  openings ??= new Set(
    Object.keys(world.model.one.lexicon).flatMap((entry) => {
      const words = entry.split(' ');
      return words.length > 1 ? [`${words[0]} ${words[1]}`] : [];
    }),
  );
  return openings.has(`${word} ${following}`);
}

/** Gives a term that may hold a recorded tag set its own copy, before a step changes it. */
function unshare(term: PreTaggedTerm): void {
  term.tags = new Set(term.tags);
}

// compromise's test for a clause in capitals.
function ignoreCase(terms: PreTaggedTerm[]): boolean {
  if (terms.filter((t) => !t.tags.has('ProperNoun')).length <= 3) return false;
  const lowerCase = /^[a-z]/;
  return terms.every((t) => !lowerCase.test(t.text));
}

/**
 * Tags `docs` (one array of terms per sentence) as compromise's `lexicon` and
 * `preTagger` steps do. `memos[s][t]` is the recording slot of term t of sentence s:
 * terms that share a slot must be the same word fresh from the tokenizer (same text,
 * punctuation, normal, machine form and aliases, no tags); null runs every step on
 * every term.
 */
export function preTag(docs: PreTaggedTerm[][], memos: (WordMemo | undefined)[][] | null, world: PreTaggerWorld): void {
  const { model } = world;
  const multi = model.one._multiCache ?? {};
  /** The slots of terms whose state so far is their word's alone, parallel to `docs`. */
  const own: (WordMemo | undefined)[][] = docs.map((terms) => new Array<WordMemo | undefined>(terms.length));
  docs.forEach((terms, s) => {
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i];
      if (term.tags.size !== 0) continue;
      const memo = memos?.[s][i];
      if (memo === undefined) {
        if (!multiWord(terms, i, world)) singleWord(terms, i, world);
        continue;
      }
      // A multi-word entry ("in order to") tags its words together; failing that, the word is looked up alone.
      if (multi[term.machine || term.normal] !== undefined && opensEntry(terms, i, world) && multiWord(terms, i, world)) continue;
      const recorded = memo.lexicon;
      if (recorded) replay(term, recorded, true);
      else {
        singleWord(terms, i, world);
        memo.lexicon = record(term);
      }
      own[s][i] = memo;
    }
  });
  for (let s = 0; s < docs.length; s++) {
    const terms = docs[s];
    if (terms.length >= 3 && /:/.test(terms[0].post) && own[s][0]) {
      unshare(terms[0]);
      own[s][0] = undefined;
    }
    colons(terms, 0, model, world);
  }
  // Clauses are consecutive runs of a sentence's terms: `s` and `at` say where each one starts.
  let s = 0;
  let at = 0;
  for (const terms of world.methods.two.quickSplit(docs)) {
    while (docs[s][at] !== terms[0]) if (++at >= docs[s].length) [s, at] = [s + 1, 0];
    const slots = own[s];
    const from = at;
    at += terms.length;
    const isYelling = ignoreCase(terms);
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i];
      if (term.frozen === true) continue;
      const memo = slots[from + i];
      const recorded = (isYelling ? memo?.secondYelling : memo?.second);
      if (recorded) replay(term, recorded, true);
      else {
        if (memo) unshare(term);
        tagSwitch(terms, i, model);
        if (!isYelling) checkCase(terms, i, model);
        checkSuffix(terms, i, model);
        checkRegex(terms, i, model, world);
        checkPrefix(terms, i, model);
        if (memo && isYelling) memo.secondYelling = record(term);
        else if (memo) memo.second = record(term);
      }
      // The year rule reads the neighbours: a four-digit number leaves the recorded path.
      if (memo && term.normal.length === 4 && term.tags.has('NumericValue')) {
        unshare(term);
        slots[from + i] = undefined;
      }
      checkYear(terms, i, model);
    }
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i];
      const memo = slots[from + i];
      const recorded = (isYelling ? memo?.thirdYelling : memo?.third);
      let found: unknown;
      if (recorded) {
        replay(term, recorded, false);
        found = recorded.acronym || null;
      } else {
        if (memo) unshare(term);
        found = checkAcronym(terms, i, model);
        fillTags(terms, i, model);
        if (memo && isYelling) memo.thirdYelling = record(term, Boolean(found));
        else if (memo) memo.third = record(term, Boolean(found));
      }
      found = found || neighbours(terms, i, model);
      found = found || nounFallback(terms, i, model);
    }
    for (let i = 0; i < terms.length; i++) {
      if (terms[i].frozen === true) continue;
      orgWords(terms, i, world, isYelling);
      placeWords(terms, i, world, isYelling);
      switches(terms, i, world);
      verbType(terms, i, model, world);
      hyphens(terms, i, model, world);
    }
    imperative(terms, world);
  }
}
