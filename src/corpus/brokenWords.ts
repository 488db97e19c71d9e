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

function count<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
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
  // Each pass splits a text into words again rather than keeping every text's words:
  // held for a whole corpus they were ten times its text (a gigabyte at 85,000 papers).
  const wordsOf = (text: string): string[] => lowerOf(text).match(WORD) ?? [];
  // Words and hyphenated compounds, as the corpus writes them whole.
  const words = new Map<string, number>();
  const tally = (list: string[], by: number) => {
    for (const token of list) if (LOWER.test(token) || COMPOUND.test(token)) count(words, token, by);
  };
  for (const text of texts) tally(wordsOf(text), 1);

  // Hyphen breaks first, so that their halves ("func", "tion") do not count as words below.
  texts.forEach((text, i) => {
    if (!text.includes('- ')) return;
    const mended = text.replace(BROKEN, (whole, left: string, right: string) => {
      const joined = `${left}${right}`;
      if (words.has(joined.toLowerCase())) return joined;
      if (words.has(`${left}-${right}`.toLowerCase())) return `${left}-${right}`;
      return whole;
    });
    if (mended === text) return;
    tally(wordsOf(text), -1);
    texts[i] = mended;
    tally(wordsOf(mended), 1);
  });
  const uses = (word: string) => words.get(word) ?? 0;

  // Every split a corpus word can suffer, from the word's side: "pro cessing", "classi cation" (ﬁ lost).
  const joinable = new Map<string, string>();
  const withoutLigature = new Map<string, string>();
  const offer = (map: Map<string, string>, key: string, word: string) => {
    const before = map.get(key);
    if (!before || uses(word) > uses(before)) map.set(key, word);
  };
  for (const [word, n] of words) {
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
  for (const [glued, n] of words) {
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
  const wanted = new Set<string>([...gluedSplit.values()].map(([left, right]) => `${left} ${right}`));

  // How often the corpus writes each of those pairs apart.
  // Each pair's right words by its left one: most words start no pair, and no key string is built for them.
  const rightsOf = new Map<string, Set<string>>();
  for (const key of [...joinable.keys(), ...wanted]) {
    const space = key.indexOf(' ');
    const left = key.slice(0, space);
    (rightsOf.get(left) ?? rightsOf.set(left, new Set()).get(left)!).add(key.slice(space + 1));
  }
  const pairs = new Map<string, number>();
  for (const text of texts) {
    const list = wordsOf(text);
    for (let i = 0; i + 1 < list.length; i++) {
      if (rightsOf.get(list[i])?.has(list[i + 1])) count(pairs, `${list[i]} ${list[i + 1]}`);
    }
  }
  const apart = (key: string) => pairs.get(key) ?? 0;

  const join = (left: string, right: string): string | null => {
    // Most words start no split pair: answered before a key string is built.
    if (!rightsOf.get(left)?.has(right) || !LOWER.test(left) || !LOWER.test(right)) return null;
    const key = `${left} ${right}`;
    const joined = joinable.get(key);
    if (!joined || uses(joined) < joinedOverSplit * apart(key)) return null;
    return joined;
  };
  const repair = (token: string): string | null => {
    if (!LOWER.test(token) || uses(token) > maxGluedCount) return null;
    const split = gluedSplit.get(token);
    if (split) {
      const written = apart(`${split[0]} ${split[1]}`);
      const functionWord = GLUE_LEFT.has(split[0]) || GLUE_RIGHT.has(split[1]);
      if (written >= 2 && (functionWord || (written >= 3 && written >= apartOverGlued * uses(token)))) return `${split[0]} ${split[1]}`;
    }
    const restored = withoutLigature.get(token);
    if (restored && uses(restored) >= ligatureRepairRatio * uses(token)) return restored;
    return null;
  };
  // Only a glued form or a word without its ligature can be repaired: each is judged
  // once here, so the text pass below asks one map per word.
  const repairs = new Map<string, string>();
  for (const token of [...gluedSplit.keys(), ...withoutLigature.keys()]) {
    const repaired = repair(token);
    if (repaired) repairs.set(token, repaired);
  }

  /** `text` with its fixes. */
  const mendText = (text: string): string => {
    const lower = lowerOf(text);
    const list = lower.match(WORD) ?? [];
    const fixes: string[] = [];
    for (let i = 0; i < list.length; i++) {
      const joined = i + 1 < list.length ? join(list[i], list[i + 1]) : null;
      if (joined) {
        fixes.push(`${list[i]} ${list[i + 1]}`, joined);
        i++;
        continue;
      }
      const repaired = repairs.get(list[i]);
      if (repaired) fixes.push(list[i], repaired);
    }
    if (fixes.length === 0) return text;
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
    const title = mendText(texts[2 * i]);
    const abstract = mendText(texts[2 * i + 1]);
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
