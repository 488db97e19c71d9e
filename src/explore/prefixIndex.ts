// Prefix lookup over many short texts: which texts start with the query, and which have
// a word starting with it, as contiguous ranges of two sorted arrays found by binary
// search, so a search for "netw" reads only the texts it matches.
//
// Method: a sorted array of the texts, and a word-level suffix array (the suffixes
// starting at each word after the first, sorted; Manber & Myers 1993, "Suffix arrays:
// a new method for on-line string searches", SIAM Journal on Computing 22(5), restricted
// to word boundaries). Every suffix starting with the query sorts into one block, whose
// ends two binary searches find. Texts are compared as JavaScript compares strings (by
// UTF-16 code unit), the order the blocks rely on.

export interface PrefixIndex {
  /** Text indices sorted by their text. */
  sorted: Int32Array;
  /** The word suffixes, sorted: the suffix of text wordText[n] from offset wordOffset[n]. */
  wordText: Int32Array;
  wordOffset: Int32Array;
  /** [from, to) in `sorted` of the texts starting with `query`. */
  prefixed(query: string): [number, number];
  /** [from, to) in wordText/wordOffset of the suffixes, after a space, starting with `query`. */
  wordPrefixed(query: string): [number, number];
}

/** Sign of comparing the suffix of `text` from `offset`, cut to the query's length, with `query`. */
function comparePrefix(text: string, offset: number, query: string): number {
  const n = Math.min(text.length - offset, query.length);
  for (let k = 0; k < n; k++) {
    const d = text.charCodeAt(offset + k) - query.charCodeAt(k);
    if (d !== 0) return d;
  }
  return text.length - offset >= query.length ? 0 : -1;
}

/** [from, to) of the entries 0 … size-1 whose comparison with the query is 0, given that comparisons ascend. */
function block(size: number, compare: (n: number) => number): [number, number] {
  let lo = 0;
  let hi = size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(mid) < 0) lo = mid + 1;
    else hi = mid;
  }
  const from = lo;
  hi = size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(mid) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return [from, lo];
}

const byText = (x: { text: string; i: number }, y: { text: string; i: number }) => (x.text < y.text ? -1 : x.text > y.text ? 1 : x.i - y.i);

export function prefixIndex(texts: readonly string[]): PrefixIndex {
  const sorted = Int32Array.from(
    texts.map((text, i) => ({ text, i })).sort(byText),
    (e) => e.i,
  );
  const suffixes: { text: string; i: number; offset: number }[] = [];
  texts.forEach((text, i) => {
    for (let at = text.indexOf(' '); at >= 0; at = text.indexOf(' ', at + 1)) suffixes.push({ text: text.slice(at + 1), i, offset: at + 1 });
  });
  suffixes.sort((x, y) => byText(x, y) || x.offset - y.offset);
  const wordText = Int32Array.from(suffixes, (s) => s.i);
  const wordOffset = Int32Array.from(suffixes, (s) => s.offset);
  return {
    sorted,
    wordText,
    wordOffset,
    prefixed: (query) => block(sorted.length, (n) => comparePrefix(texts[sorted[n]], 0, query)),
    wordPrefixed: (query) => block(wordText.length, (n) => comparePrefix(texts[wordText[n]], wordOffset[n], query)),
  };
}
