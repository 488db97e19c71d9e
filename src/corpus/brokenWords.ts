// Words that PDF extraction broke, split or glued, mended with the corpus as its own
// dictionary (a dictionary would not know the field's words):
//
// - broken at a line break with its hyphen: "func- tion", "real- world" (about 2,500 in
//   the NeurIPS/ICML/ICLR abstracts; "tion" alone was a concept in 109 papers). Mended
//   when the joined word, or the hyphenated compound, is written whole somewhere in the
//   same input; "pre- and post-synaptic" stays ("preand" is written nowhere).
// - split without a hyphen, or where a ligature glyph was lost: "pro cessing",
//   "classi cation", "su cient" (ﬃ lost). Joined when the joined word (with the lost
//   ﬁ ﬂ ﬀ ﬃ ﬄ put back) is a corpus word written whole at least `joinedOverSplit`
//   times as often as split, and one of the halves is no word of its own (written a
//   tenth as often as the joined word, or less) and neither is a function word:
//   "can not", "any one", "data set", "for getting" stay.
// - a ligature lost inside a word: "efcient", "signicant" → "efficient", "significant",
//   when the repaired word is written `ligatureRepairRatio` times as often.
// - glued where a space was lost: "ofaxons", "presentsthe", "latentvariable". Split when
//   the glued form is rare, both halves are corpus words, the corpus writes the two
//   words apart (a function word on one side, or a pair written apart ten times as
//   often), and the left half is no prefix ("nonrandom", "bioinspired" stay).
export interface MendOptions {
  /** Least corpus count of a word a split is joined into (default 5). */
  minWordCount: number;
  /** How many times more often the joined word must be written than the split pair (default 3). */
  joinedOverSplit: number;
  /** Most corpus uses of a glued form that is split (default 2). */
  maxGluedCount: number;
  /** How many times more often a word must be written apart than glued, for two content words (default 10). */
  apartOverGlued: number;
  /** How many times more often a word with its ligature restored must be written (default 30). */
  ligatureRepairRatio: number;
}

const defaults: MendOptions = { minWordCount: 5, joinedOverSplit: 3, maxGluedCount: 2, apartOverGlued: 10, ligatureRepairRatio: 30 };

const BROKEN = /\b([A-Za-z]{2,})- ([a-z]+)\b/g;
const COMPOUND = /^[a-z]+(?:-[a-z]+)+$/;
/** A word as mending sees it: letters only; `-` and letters of other scripts end it but never start a new one. */
const WORD = /[\p{L}-]*\p{L}/gu;
const LOWER = /^[a-z]+$/;

/** The glyphs PDF fonts set as one ligature, that extraction sometimes drops. */
const LIGATURES = ['ffi', 'ffl', 'fi', 'fl', 'ff'];
const LIGATURE = /ffi|ffl|fi|fl|ff/g;
/** Function words a space goes missing beside; none is also an English prefix (unlike in-, as-, a-). */
const GLUE_LEFT = new Set('of the and to for with on by from we this that these our which their its between'.split(' '));
const GLUE_RIGHT = new Set('the of and to for with on by from that is are in we which this'.split(' '));
const FUNCTION_WORDS = new Set([...GLUE_LEFT, ...GLUE_RIGHT, ...'a an as at be it or is was were not no can may all any one some so up'.split(' ')]);
/** Prefixes that make words, not glue errors ("nonrandom", "multifactor", "overparametrized"). */
const PREFIXES = new Set('non multi pre post co re sub semi anti inter intra micro macro meta neuro bio hyper hypo mini uni bi tri de un self over under super cross pro poly out up down back'.split(' '));

interface Texts {
  title: string;
  abstract: string;
}

/**
 * The corpus's words, each numbered once, and each text as its words' numbers: a text
 * is split into words once, and the passes after count and look up numbers, not strings
 * (hashing every word of 85,000 abstracts again on each pass was most of reading them).
 */
class Vocabulary {
  readonly #number = new Map<string, number>();
  readonly words: string[] = [];
  /** Uses of each word written whole (letters, or a hyphenated compound), and whether it was ever counted. */
  readonly uses: number[] = [];
  readonly counted: boolean[] = [];
  /** Whether a word is letters a–z only. */
  readonly lower: boolean[] = [];

  numberOf(word: string): number | undefined {
    return this.#number.get(word);
  }

  /** The numbers of `words`, numbering the new ones. */
  numbers(words: string[]): Int32Array {
    const out = new Int32Array(words.length);
    for (let i = 0; i < words.length; i++) {
      let n = this.#number.get(words[i]);
      if (n === undefined) {
        n = this.words.length;
        this.#number.set(words[i], n);
        this.words.push(words[i]);
        this.uses.push(0);
        this.counted.push(false);
        this.lower.push(LOWER.test(words[i]));
      }
      out[i] = n;
    }
    return out;
  }

  tally(text: Int32Array, by: number): void {
    for (const n of text) {
      if (!this.lower[n] && !COMPOUND.test(this.words[n])) continue;
      this.uses[n] += by;
      this.counted[n] = true;
    }
  }

  /** Uses of a string written whole (0 for one the corpus never writes). */
  usesOf(word: string): number {
    const n = this.#number.get(word);
    return n === undefined ? 0 : this.uses[n];
  }

  /** Whether the corpus writes `word` whole (counted once, even if its uses were taken back). */
  has(word: string): boolean {
    const n = this.#number.get(word);
    return n !== undefined && this.counted[n];
  }
}

/** Mend broken, split and glued words in titles and abstracts; papers come back in order, unchanged ones as they were. */
export function mendBrokenWords<P extends Texts>(papers: P[], options: Partial<MendOptions> = {}): P[] {
  const { minWordCount, joinedOverSplit, maxGluedCount, apartOverGlued, ligatureRepairRatio } = { ...defaults, ...options };
  const texts = papers.flatMap((p) => [p.title, p.abstract]);
  // Lower case keeps UTF-16 offsets for all but a few letters (İ); those texts are read as they are.
  const lowerOf = (text: string) => {
    const lower = text.toLowerCase();
    return lower.length === text.length ? lower : text;
  };
  const wordsOf = (text: string): string[] => lowerOf(text).match(WORD) ?? [];
  // Words and hyphenated compounds, as the corpus writes them whole.
  const vocabulary = new Vocabulary();
  const numbered = texts.map((text) => vocabulary.numbers(wordsOf(text)));
  for (const text of numbered) vocabulary.tally(text, 1);

  // Hyphen breaks first, so that their halves ("func", "tion") do not count as words below.
  texts.forEach((text, i) => {
    if (!text.includes('- ')) return;
    const mended = text.replace(BROKEN, (whole, left: string, right: string) => {
      const joined = `${left}${right}`;
      if (vocabulary.has(joined.toLowerCase())) return joined;
      if (vocabulary.has(`${left}-${right}`.toLowerCase())) return `${left}-${right}`;
      return whole;
    });
    if (mended === text) return;
    vocabulary.tally(numbered[i], -1);
    texts[i] = mended;
    numbered[i] = vocabulary.numbers(wordsOf(mended));
    vocabulary.tally(numbered[i], 1);
  });
  const uses = (word: string) => vocabulary.usesOf(word);
  /** The words written whole, in the order the corpus first writes them (ties below go to the first). */
  const written = function* (): Generator<[string, number]> {
    for (let n = 0; n < vocabulary.words.length; n++) if (vocabulary.counted[n]) yield [vocabulary.words[n], vocabulary.uses[n]];
  };

  // Every split a corpus word can suffer, from the word's side: "pro cessing", "classi cation" (ﬁ lost).
  const joinable = new Map<string, string>();
  const withoutLigature = new Map<string, string>();
  const offer = (map: Map<string, string>, key: string, word: string) => {
    const before = map.get(key);
    if (!before || uses(word) > uses(before)) map.set(key, word);
  };
  for (const [word, n] of written()) {
    if (n < minWordCount || word.length < 4) continue;
    for (let i = 2; i <= word.length - 2; i++) {
      const left = word.slice(0, i);
      const right = word.slice(i);
      // One half is no word of its own ("classi", "cessing"), and neither is a function
      // word ("for getting" is no split of "forgetting", nor "can not" of "cannot").
      const piece = uses(left) * 10 <= n || uses(right) * 10 <= n;
      if (piece && !FUNCTION_WORDS.has(left) && !FUNCTION_WORDS.has(right)) offer(joinable, `${left} ${right}`, word);
    }
    for (const match of word.matchAll(LIGATURE)) {
      const left = word.slice(0, match.index);
      const right = word.slice(match.index + match[0].length);
      if (left.length >= 2 && right.length >= 2) offer(joinable, `${left} ${right}`, word);
      if (left.length + right.length >= 4) offer(withoutLigature, left + right, word);
    }
  }
  // Rare words that two corpus words glued together make: "ofaxons", "latentvariable".
  const gluedSplit = new Map<string, [string, string]>();
  for (const [glued, n] of written()) {
    if (n > maxGluedCount || glued.length < 6) continue;
    let best: [string, string] | null = null;
    for (let i = 2; i <= glued.length - 2; i++) {
      const left = glued.slice(0, i);
      const right = glued.slice(i);
      if (PREFIXES.has(left)) continue;
      const functionWord = (GLUE_LEFT.has(left) && right.length >= 3 && uses(right) >= minWordCount) || (GLUE_RIGHT.has(right) && left.length >= 3 && uses(left) >= minWordCount);
      const contentWords = left.length >= 3 && right.length >= 3 && uses(left) >= 4 * minWordCount && uses(right) >= 4 * minWordCount;
      if ((functionWord || contentWords) && (!best || uses(left) * uses(right) > uses(best[0]) * uses(best[1]))) best = [left, right];
    }
    if (best) gluedSplit.set(glued, best);
  }

  // How often the corpus writes each pair a mend would join apart: the pairs by their
  // words' numbers (a pair with a word the corpus never writes cannot occur).
  const pairNumber = (left: number, right: number) => left * vocabulary.words.length + right;
  /** The numbers of a pair's two words ("left right"), or null when the corpus never writes one of them. */
  const wordsOfPair = (key: string): [number, number] | null => {
    const space = key.indexOf(' ');
    const left = vocabulary.numberOf(key.slice(0, space));
    const right = vocabulary.numberOf(key.slice(space + 1));
    return left === undefined || right === undefined ? null : [left, right];
  };
  const pairOf = (key: string): number | null => {
    const words = wordsOfPair(key);
    return words && pairNumber(...words);
  };
  const startsPair = new Uint8Array(vocabulary.words.length);
  const apartCount = new Map<number, number>();
  for (const key of [...joinable.keys(), ...[...gluedSplit.values()].map(([left, right]) => `${left} ${right}`)]) {
    const words = wordsOfPair(key);
    if (words === null) continue;
    startsPair[words[0]] = 1;
    apartCount.set(pairNumber(...words), 0);
  }
  for (const text of numbered) {
    for (let i = 0; i + 1 < text.length; i++) {
      if (!startsPair[text[i]]) continue;
      const pair = pairNumber(text[i], text[i + 1]);
      const n = apartCount.get(pair);
      if (n !== undefined) apartCount.set(pair, n + 1);
    }
  }
  const apart = (key: string) => {
    const pair = pairOf(key);
    return pair === null ? 0 : (apartCount.get(pair) ?? 0);
  };

  // Each pair that joins, by its number: judged once, so the text pass below asks one map per pair.
  const joins = new Map<number, string>();
  for (const [key, joined] of joinable) {
    const words = wordsOfPair(key);
    if (words === null || !vocabulary.lower[words[0]] || !vocabulary.lower[words[1]]) continue;
    if (uses(joined) >= joinedOverSplit * apart(key)) joins.set(pairNumber(...words), joined);
  }
  const repair = (token: string): string | null => {
    if (!LOWER.test(token) || uses(token) > maxGluedCount) return null;
    const split = gluedSplit.get(token);
    if (split) {
      const writtenApart = apart(`${split[0]} ${split[1]}`);
      const functionWord = GLUE_LEFT.has(split[0]) || GLUE_RIGHT.has(split[1]);
      if (writtenApart >= 2 && (functionWord || (writtenApart >= 3 && writtenApart >= apartOverGlued * uses(token)))) return `${split[0]} ${split[1]}`;
    }
    const restored = withoutLigature.get(token);
    if (restored && uses(restored) >= ligatureRepairRatio * uses(token)) return restored;
    return null;
  };
  // Only a glued form or a word without its ligature can be repaired: each is judged
  // once here, so the text pass below asks one map per word.
  const repairs = new Map<number, string>();
  for (const token of [...gluedSplit.keys(), ...withoutLigature.keys()]) {
    const n = vocabulary.numberOf(token);
    if (n === undefined) continue;
    const repaired = repair(token);
    if (repaired) repairs.set(n, repaired);
  }

  /** Text `t` with its fixes. */
  const mendText = (t: number): string => {
    const text = texts[t];
    const list = numbered[t];
    const fixes: string[] = [];
    for (let i = 0; i < list.length; i++) {
      const joined = i + 1 < list.length && startsPair[list[i]] ? joins.get(pairNumber(list[i], list[i + 1])) : undefined;
      if (joined) {
        fixes.push(`${vocabulary.words[list[i]]} ${vocabulary.words[list[i + 1]]}`, joined);
        i++;
        continue;
      }
      const repaired = repairs.get(list[i]);
      if (repaired) fixes.push(vocabulary.words[list[i]], repaired);
    }
    if (fixes.length === 0) return text;
    const lower = lowerOf(text);
    let out = '';
    let from = 0;
    for (let f = 0; f < fixes.length; f += 2) {
      const at = findWord(lower, fixes[f], from);
      if (at < 0) continue;
      const original = text.slice(at, at + fixes[f].length);
      // A capital the broken word started with stays ("Net works" → "Networks"); a glued
      // word with capitals inside ("ofVLSI") is left as it is.
      if (original.slice(1) !== fixes[f].slice(1)) continue;
      const first = original[0] !== fixes[f][0] ? fixes[f + 1][0].toUpperCase() : fixes[f + 1][0];
      out += text.slice(from, at) + first + fixes[f + 1].slice(1);
      from = at + fixes[f].length;
    }
    return out + text.slice(from);
  };
  return papers.map((p, i) => {
    const title = mendText(2 * i);
    const abstract = mendText(2 * i + 1);
    return title === p.title && abstract === p.abstract ? p : { ...p, title, abstract };
  });
}

/** Where `phrase` (words one space apart) occurs from `from` on as whole words, or -1. */
function findWord(text: string, phrase: string, from: number): number {
  for (let at = text.indexOf(phrase, from); at >= 0; at = text.indexOf(phrase, at + 1)) {
    const before = text[at - 1];
    const after = text[at + phrase.length];
    if ((before === undefined || !/[\p{L}-]/u.test(before)) && (after === undefined || !/[\p{L}-]/u.test(after))) return at;
  }
  return -1;
}
