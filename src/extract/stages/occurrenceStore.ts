// Each paper's occurrences of the candidate terms (occurrences.ts), kept between the
// corpus passes in compact form, so that the passes after the first read them back
// instead of finding them again: chunked sub-terms keyed, filtered and de-duplicated
// once per paper instead of once per pass (four passes read them). An occurrence is
// three 32-bit integers in one growing array (the interned key, the phrase's index in
// the paper's analysis, its first word and length), a paper a range of it; about 12
// bytes an occurrence against some 150 for the objects, and nothing for the garbage
// collector to trace. The phrases are the paper's as the passes prepare them (cut at
// the corpus's verbs, the same cut on every pass), so an index names the same phrase
// on every pass.
import type { Phrase } from '../phrases.ts';
import type { Occurrence } from './terms.ts';

/** Integers per occurrence: key id, phrase index, first word × 256 + words after it. */
const width = 3;

export class OccurrenceStore {
  #ids = new Map<string, number>();
  #keys: string[] = [];
  #data = new Int32Array(width * 4096);
  #length = 0;
  /** Where each paper's occurrences start in `#data`; one more entry than papers. */
  #starts: number[] = [0];

  /** Appends the next paper's occurrences; `phrases` are the ones they point into. */
  add(byKey: Map<string, Occurrence[]>, phrases: Phrase[]): void {
    const index = new Map<Phrase, number>();
    phrases.forEach((phrase, i) => index.set(phrase, i));
    for (const [key, list] of byKey) {
      let id = this.#ids.get(key);
      if (id === undefined) {
        id = this.#keys.length;
        this.#ids.set(key, id);
        this.#keys.push(key);
      }
      for (const { phrase, from, to } of list) {
        if (to - from > 255) throw new RangeError(`a term of ${to - from + 1} words: at most 256 are stored`);
        if (this.#length + width > this.#data.length) {
          const grown = new Int32Array(this.#data.length * 2);
          grown.set(this.#data);
          this.#data = grown;
        }
        this.#data[this.#length++] = id;
        this.#data[this.#length++] = index.get(phrase)!;
        this.#data[this.#length++] = from * 256 + (to - from);
      }
    }
    this.#starts.push(this.#length);
  }

  /**
   * Drops, from every paper, each fragment's occurrences inside a longer term of the
   * same phrase (nesting.ts `ownOccurrences`, on the stored integers): once, so the
   * passes after read each paper's own occurrences without judging nesting again.
   */
  keepOwn(dominant: Map<string, string>): void {
    if (dominant.size === 0) return;
    const fragment = Uint8Array.from(this.#keys, (key) => (dominant.has(key) ? 1 : 0));
    const data = this.#data;
    let write = 0;
    let paper = new Int32Array(0);
    for (let p = 0; p + 1 < this.#starts.length; p++) {
      const start = this.#starts[p];
      const end = this.#starts[p + 1];
      // This paper's occurrences as they were: the outer terms are judged on all of them.
      if (paper.length < end - start) paper = new Int32Array(2 * (end - start));
      paper.set(data.subarray(start, end));
      const n = end - start;
      this.#starts[p] = write;
      for (let i = 0; i < n; i += width) {
        if (fragment[paper[i]] && coveredIn(paper, n, i)) continue;
        data[write++] = paper[i];
        data[write++] = paper[i + 1];
        data[write++] = paper[i + 2];
      }
    }
    this.#starts[this.#starts.length - 1] = write;
    this.#length = write;
  }

  /** Paper `p`'s occurrences as `add` was given them, pointing into `phrases` (the paper's, prepared as then). */
  get(p: number, phrases: Phrase[]): Map<string, Occurrence[]> {
    const byKey = new Map<string, Occurrence[]>();
    const data = this.#data;
    let list: Occurrence[] = [];
    let last = -1;
    for (let at = this.#starts[p]; at < this.#starts[p + 1]; at += width) {
      const id = data[at];
      const key = this.#keys[id];
      if (id !== last) {
        list = [];
        byKey.set(key, list);
        last = id;
      }
      const from = data[at + 2] >> 8;
      list.push({ key, phrase: phrases[data[at + 1]], from, to: from + (data[at + 2] & 255) });
    }
    return byKey;
  }
}

/** Whether occurrence `i` of a paper's `n` integers lies inside a longer occurrence of the same phrase. */
function coveredIn(paper: Int32Array, n: number, i: number): boolean {
  const phrase = paper[i + 1];
  const from = paper[i + 2] >> 8;
  const length = paper[i + 2] & 255;
  for (let j = 0; j < n; j += width) {
    if (paper[j + 1] !== phrase) continue;
    const outerFrom = paper[j + 2] >> 8;
    const outerLength = paper[j + 2] & 255;
    if (outerLength > length && outerFrom <= from && outerFrom + outerLength >= from + length) return true;
  }
  return false;
}
