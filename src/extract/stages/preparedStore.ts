// Each paper's analysis as the corpus passes read it (phrases cut at the corpus's verbs,
// spaced compounds joined: clauseVerbs.ts, spacedCompounds.ts), kept between the passes
// in compact form, so that the passes after the first read it back instead of decoding
// the cached analysis and preparing it again: five passes read it. Every string (a
// word's text, key and head, a phrase's neighbours, a short form) is interned once, so
// the passes share one copy of each and the Map lookups keyed by them hash it once.
// Numbers are variable-length (LEB128: seven bits a byte), a word's offsets relative to
// the word before it, so a word takes some seven bytes and a phrase's header six;
// papers are packed into chunks of a few megabytes, never one array copied as it grows.
// The verbs an analysis counts are left out: word evidence, the only stage that reads
// them, has read them before.
import type { Field } from '../../graph/model.ts';
import type { LocalDefinition, PaperAnalysis } from '../analyze.ts';
import type { Phrase, PhraseWord } from '../phrases.ts';

const FIELDS: Field[] = ['title', 'abstract'];
const KINDS: Phrase['kind'][] = ['maximal', 'definition', 'loose'];
const HEAD_CLASSES: PhraseWord['headClass'][] = ['noun', 'gerund', 'none'];

// A word's flags; a word is flags, text, start − previous end, end − start, then key,
// head and adjectiveNoun when it has its own.
const ACRONYM = 1;
const UNIT_START = 2;
const UNIT_END = 4;
const OWN_KEY = 8;
const OWN_HEAD = 16;
const ADJECTIVE_NOUN = 32;
const HEAD_CLASS_SHIFT = 6;

const chunkSize = 1 << 22;

interface Strings {
  ids: Map<string, number> | null;
  list: string[];
}

export class PreparedStore {
  readonly #strings: Strings;
  #chunks: Uint8Array[] = [];
  /** Each paper's chunk, its first byte there and its length. */
  #chunkOf: number[] = [];
  #startOf: number[] = [];
  #lengthOf: number[] = [];
  /** The paper being added, before it goes to a chunk. */
  #scratch = new Uint8Array(1 << 16);
  #length = 0;
  #used = chunkSize;

  /** `sharing`'s strings are this store's too: then `copy` can take a paper from it as it is. */
  constructor(sharing?: PreparedStore) {
    this.#strings = sharing ? sharing.#strings : { ids: new Map(), list: [] };
  }

  /** Appends the next paper's prepared analysis. */
  add(analysis: PaperAnalysis): void {
    this.#length = 0;
    this.#push(this.#id(analysis.id));
    this.#push(analysis.phrases.length);
    this.#push(analysis.definitions.length);
    for (const { short, phrase } of analysis.definitions) {
      this.#push(this.#id(short));
      this.#push(phrase);
    }
    for (const phrase of analysis.phrases) {
      this.#push(FIELDS.indexOf(phrase.field) | (KINDS.indexOf(phrase.kind) << 1));
      this.#push(phrase.sentence);
      this.#push(phrase.position);
      this.#push(phrase.words.length);
      this.#push(phrase.before === undefined ? 0 : this.#id(phrase.before) + 1);
      this.#push(phrase.after === undefined ? 0 : this.#id(phrase.after) + 1);
      let end = 0;
      for (const word of phrase.words) {
        const ownKey = word.key !== word.text;
        const ownHead = word.head !== word.key;
        const hasNoun = word.adjectiveNoun !== undefined;
        this.#push(
          (word.acronym ? ACRONYM : 0) |
            (word.unitStart ? UNIT_START : 0) |
            (word.unitEnd ? UNIT_END : 0) |
            (ownKey ? OWN_KEY : 0) |
            (ownHead ? OWN_HEAD : 0) |
            (hasNoun ? ADJECTIVE_NOUN : 0) |
            (HEAD_CLASSES.indexOf(word.headClass) << HEAD_CLASS_SHIFT),
        );
        this.#push(this.#id(word.text));
        this.#pushSigned(word.start - end);
        this.#pushSigned(word.end - word.start);
        end = word.end;
        if (ownKey) this.#push(this.#id(word.key));
        if (ownHead) this.#push(this.#id(word.head));
        if (hasNoun) this.#push(this.#id(word.adjectiveNoun!));
      }
    }
    this.#append(this.#scratch.subarray(0, this.#length));
  }

  /** Appends paper `p` of `from`, a store sharing this one's strings, unchanged. */
  copy(from: PreparedStore, p: number): void {
    if (from.#strings !== this.#strings) throw new Error('copy needs a store sharing its strings');
    const start = from.#startOf[p];
    this.#append(from.#chunks[from.#chunkOf[p]].subarray(start, start + from.#lengthOf[p]));
  }

  /** Every paper is added: the interning table is let go, only the strings are needed to read. */
  seal(): void {
    this.#strings.ids = null;
  }

  #append(bytes: Uint8Array): void {
    if (this.#used + bytes.length > chunkSize || this.#chunks.length === 0) {
      this.#chunks.push(new Uint8Array(Math.max(chunkSize, bytes.length)));
      this.#used = 0;
    }
    this.#chunks[this.#chunks.length - 1].set(bytes, this.#used);
    this.#chunkOf.push(this.#chunks.length - 1);
    this.#startOf.push(this.#used);
    this.#lengthOf.push(bytes.length);
    this.#used += bytes.length;
  }

  /** Paper `p`'s analysis as `add` was given it, its verbs left out. */
  get(p: number): PaperAnalysis {
    const data = this.#chunks[this.#chunkOf[p]];
    const strings = this.#strings.list;
    let at = this.#startOf[p];
    const next = (): number => {
      const first = data[at++];
      if (first < 128) return first;
      let value = first & 127;
      let scale = 128;
      let byte: number;
      do {
        byte = data[at++];
        value += (byte & 127) * scale;
        scale *= 128;
      } while (byte & 128);
      return value;
    };
    const nextSigned = (): number => {
      const zigzag = next();
      return zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2;
    };
    const id = strings[next()];
    const phraseCount = next();
    const definitionCount = next();
    const definitions: LocalDefinition[] = [];
    for (let d = 0; d < definitionCount; d++) {
      const short = strings[next()];
      definitions.push({ short, phrase: next() });
    }
    const phrases: Phrase[] = [];
    for (let i = 0; i < phraseCount; i++) {
      const header = next();
      const sentence = next();
      const position = next();
      const wordCount = next();
      const before = next();
      const after = next();
      const words: PhraseWord[] = [];
      let end = 0;
      for (let w = 0; w < wordCount; w++) {
        const flags = next();
        const text = strings[next()];
        const start = end + nextSigned();
        end = start + nextSigned();
        const key = flags & OWN_KEY ? strings[next()] : text;
        const head = flags & OWN_HEAD ? strings[next()] : key;
        const adjectiveNoun = flags & ADJECTIVE_NOUN ? strings[next()] : undefined;
        words.push({
          text,
          start,
          end,
          key,
          head,
          acronym: (flags & ACRONYM) !== 0,
          headClass: HEAD_CLASSES[flags >> HEAD_CLASS_SHIFT],
          unitStart: (flags & UNIT_START) !== 0,
          unitEnd: (flags & UNIT_END) !== 0,
          adjectiveNoun,
        });
      }
      phrases.push({
        field: FIELDS[header & 1],
        sentence,
        position,
        words,
        kind: KINDS[header >> 1],
        before: before === 0 ? undefined : strings[before - 1],
        after: after === 0 ? undefined : strings[after - 1],
      });
    }
    return { id, phrases, definitions, verbs: {} };
  }

  #id(text: string): number {
    const { ids, list } = this.#strings;
    let id = ids!.get(text);
    if (id === undefined) {
      id = list.length;
      ids!.set(text, id);
      list.push(text);
    }
    return id;
  }

  #push(value: number): void {
    if (this.#length + 8 > this.#scratch.length) {
      const grown = new Uint8Array(this.#scratch.length * 2);
      grown.set(this.#scratch);
      this.#scratch = grown;
    }
    while (value >= 128) {
      this.#scratch[this.#length++] = (value % 128) | 128;
      value = Math.floor(value / 128);
    }
    this.#scratch[this.#length++] = value;
  }

  #pushSigned(value: number): void {
    this.#push(value < 0 ? -2 * value - 1 : 2 * value);
  }
}
