// Substring lookup over many short texts: which texts contain the query, without
// scanning them all on every keystroke.
//
// Method: a trigram index (Ukkonen 1992, "Approximate string-matching with q-grams and
// maximal matches", Theoretical Computer Science 92(1); as in Cox 2012, "Regular
// expression matching with a trigram index", the design of Google Code Search). Every
// text containing the query contains each of its trigrams, so the texts listed under
// the query's rarest trigram are a superset of the answer; the caller checks each one
// with the exact test it always used, so results are those of a full scan. Queries
// shorter than a trigram get every text.

/** Three UTF-16 code units as one number (under 2^48, exact in a double). */
function trigramAt(text: string, at: number): number {
  return text.charCodeAt(at) * 0x100000000 + text.charCodeAt(at + 1) * 0x10000 + text.charCodeAt(at + 2);
}

export interface TrigramIndex {
  /** Texts indexed. */
  size: number;
  /** Indices (ascending) of the texts that may contain `query`: all of them for a query under three characters. */
  candidates(query: string): Int32Array;
}

export function trigramIndex(texts: readonly string[]): TrigramIndex {
  const lists = new Map<number, number[]>();
  texts.forEach((text, i) => {
    for (let at = 0; at + 3 <= text.length; at++) {
      const key = trigramAt(text, at);
      const list = lists.get(key);
      if (!list) lists.set(key, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
  });
  const postings = new Map<number, Int32Array>();
  for (const [key, list] of lists) postings.set(key, Int32Array.from(list));
  const everything = Int32Array.from(texts.keys());
  const none = new Int32Array(0);
  return {
    size: texts.length,
    candidates(query) {
      if (query.length < 3) return everything;
      let best: Int32Array | undefined;
      for (let at = 0; at + 3 <= query.length; at++) {
        const list = postings.get(trigramAt(query, at));
        if (!list) return none;
        if (!best || list.length < best.length) best = list;
      }
      return best!;
    },
  };
}
