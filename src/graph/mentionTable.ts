// A corpus's mentions in typed columns: the write side's largest structure (2.4 million
// mentions at 85,000 papers). As objects, a mention with its spans takes ~330 bytes of
// heap (the object, its spans array, a span object each, its own copy of the concept's
// id); here it is ~25 bytes plus 8 per span, and nothing for the garbage collector to
// trace. Paper and concept ids are interned, numbered in the order they first appear.
// `at(i)` and iteration hand out Mention objects, one at a time, for code that reads
// mentions as the model shapes them; the graph's corpus-wide passes read the columns.
import type { Field, Mention, MentionList, Span } from './model.ts';

const FIELDS: Field[] = ['title', 'abstract'];
const INITIAL = 1024;

export class MentionTable implements MentionList {
  #paperIds: string[] = [];
  #paperIndex = new Map<string, number>();
  #conceptIds: string[] = [];
  #conceptIndex = new Map<string, number>();
  #paper = new Uint32Array(INITIAL);
  #concept = new Uint32Array(INITIAL);
  #count = new Uint32Array(INITIAL);
  #inTitle = new Uint8Array(INITIAL);
  #score = new Float64Array(INITIAL);
  /** Mention i's spans are span pairs spanEnd[i - 1] .. spanEnd[i] (0 for i = 0). */
  #spanEnd = new Uint32Array(INITIAL);
  /** Two integers a span: start × 2 + field (0 title, 1 abstract), end. */
  #spans = new Uint32Array(2 * INITIAL);
  #length = 0;
  #spanLength = 0;

  /** The mentions of `list` as a table: `list` itself when it is one. */
  static of(list: Iterable<Mention>): MentionTable {
    if (list instanceof MentionTable) return list;
    const table = new MentionTable();
    for (const mention of list) table.push(mention);
    return table;
  }

  get length(): number {
    return this.#length;
  }

  push(mention: Mention): void {
    if (this.#length === this.#paper.length) this.#grow();
    const i = this.#length++;
    this.#paper[i] = intern(mention.paperId, this.#paperIds, this.#paperIndex);
    this.#concept[i] = intern(mention.conceptId, this.#conceptIds, this.#conceptIndex);
    this.#count[i] = mention.count;
    this.#inTitle[i] = mention.inTitle ? 1 : 0;
    this.#score[i] = mention.score;
    for (const span of mention.spans) {
      if (2 * this.#spanLength + 2 > this.#spans.length) this.#spans = grown(this.#spans, 2 * this.#spans.length);
      if (span.start >= 2 ** 31 || span.end >= 2 ** 32) throw new RangeError(`a span at ${span.start}–${span.end}: offsets from 2^31 on are not stored`);
      this.#spans[2 * this.#spanLength] = span.start * 2 + (span.field === 'title' ? 0 : 1);
      this.#spans[2 * this.#spanLength + 1] = span.end;
      this.#spanLength++;
    }
    this.#spanEnd[i] = this.#spanLength;
  }

  /** Mention `i` as a Mention object (a new one on every call). */
  at(i: number): Mention | undefined {
    if (i < 0 || i >= this.#length) return undefined;
    return { paperId: this.paperId(i), conceptId: this.conceptId(i), count: this.#count[i], inTitle: this.#inTitle[i] === 1, score: this.#score[i], spans: this.spans(i) };
  }

  *[Symbol.iterator](): Iterator<Mention> {
    for (let i = 0; i < this.#length; i++) yield this.at(i)!;
  }

  /** Mention `i`'s paper as a number: papers are numbered in the order they first appear. */
  paperOf(i: number): number {
    return this.#paper[i];
  }

  paperId(i: number): string {
    return this.#paperIds[this.#paper[i]];
  }

  /** Mention `i`'s concept as a number: concepts are numbered in the order they first appear. */
  conceptOf(i: number): number {
    return this.#concept[i];
  }

  conceptId(i: number): string {
    return this.#conceptIds[this.#concept[i]];
  }

  /** Every concept id, numbered as `conceptOf` numbers them. */
  get conceptIds(): readonly string[] {
    return this.#conceptIds;
  }

  /** Every paper id, numbered as `paperOf` numbers them. */
  get paperIds(): readonly string[] {
    return this.#paperIds;
  }

  /** Papers numbered so far (`paperOf` is below this). */
  get papers(): number {
    return this.#paperIds.length;
  }

  count(i: number): number {
    return this.#count[i];
  }

  inTitle(i: number): boolean {
    return this.#inTitle[i] === 1;
  }

  score(i: number): number {
    return this.#score[i];
  }

  spans(i: number): Span[] {
    const spans: Span[] = [];
    for (let s = i === 0 ? 0 : this.#spanEnd[i - 1]; s < this.#spanEnd[i]; s++) {
      const packed = this.#spans[2 * s];
      spans.push({ field: FIELDS[packed & 1], start: Math.floor(packed / 2), end: this.#spans[2 * s + 1] });
    }
    return spans;
  }

  /** The mentions for which `keep(i)` holds, as a new table; this one when all do. */
  filter(keep: (i: number) => boolean): MentionTable {
    let all = true;
    for (let i = 0; i < this.#length && all; i++) all = keep(i);
    if (all) return this;
    const kept = new MentionTable();
    for (let i = 0; i < this.#length; i++) if (keep(i)) kept.push(this.at(i)!);
    return kept;
  }

  /** As JSON, the mentions as the array of objects they stand for. */
  toJSON(): Mention[] {
    return Array.from(this);
  }

  #grow(): void {
    const size = 2 * this.#paper.length;
    this.#paper = grown(this.#paper, size);
    this.#concept = grown(this.#concept, size);
    this.#count = grown(this.#count, size);
    this.#inTitle = grown(this.#inTitle, size);
    this.#score = grown(this.#score, size);
    this.#spanEnd = grown(this.#spanEnd, size);
  }
}

function intern(id: string, ids: string[], index: Map<string, number>): number {
  let n = index.get(id);
  if (n === undefined) {
    n = ids.length;
    ids.push(id);
    index.set(id, n);
  }
  return n;
}

function grown<T extends Uint32Array | Uint8Array | Float64Array>(array: T, size: number): T {
  const next = new (array.constructor as new (size: number) => T)(size);
  next.set(array);
  return next;
}
