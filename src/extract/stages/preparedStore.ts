// Each paper's analysis as the corpus passes read it (phrases cut at the corpus's verbs,
// spaced compounds joined: clauseVerbs.ts, spacedCompounds.ts), kept between the passes
// in compact form, so that the passes after the first read it back instead of decoding
// the cached analysis and preparing it again: five passes read it. Every string (a
// word's text, key and head, a phrase's neighbours, a short form) is interned once, so
// the passes share one copy of each and the Map lookups keyed by them hash it once; a
// word is four to seven 32-bit integers in one growing array, a paper a range of it.
// The verbs an analysis counts are left out: word evidence, the only stage that reads
// them, has read them before.
import type { Field } from '../../graph/model.ts';
import type { LocalDefinition, PaperAnalysis } from '../analyze.ts';
import type { Phrase, PhraseWord } from '../phrases.ts';

const FIELDS: Field[] = ['title', 'abstract'];
const KINDS: Phrase['kind'][] = ['maximal', 'definition', 'loose'];
const HEAD_CLASSES: PhraseWord['headClass'][] = ['noun', 'gerund', 'none'];

// A word's flags; a word is [flags, text, start, end, key?, head?, adjectiveNoun?].
const ACRONYM = 1;
const UNIT_START = 2;
const UNIT_END = 4;
const OWN_KEY = 8;
const OWN_HEAD = 16;
const ADJECTIVE_NOUN = 32;
const HEAD_CLASS_SHIFT = 6;

export class PreparedStore {
  #ids: Map<string, number> | null = new Map();
  #strings: string[] = [];
  #data = new Int32Array(1 << 16);
  #length = 0;
  /** Where each paper starts in `#data`; one more entry than papers. */
  #starts: number[] = [0];

  /** Appends the next paper's prepared analysis. */
  add(analysis: PaperAnalysis): void {
    this.#push(this.#id(analysis.id), analysis.phrases.length, analysis.definitions.length);
    for (const { short, phrase } of analysis.definitions) this.#push(this.#id(short), phrase);
    for (const phrase of analysis.phrases) {
      const header = FIELDS.indexOf(phrase.field) | (KINDS.indexOf(phrase.kind) << 1);
      this.#push(header, phrase.sentence, phrase.position, phrase.words.length, this.#optional(phrase.before), this.#optional(phrase.after));
      for (const word of phrase.words) {
        const ownKey = word.key !== word.text;
        const ownHead = word.head !== word.key;
        const hasNoun = word.adjectiveNoun !== undefined;
        const flags =
          (word.acronym ? ACRONYM : 0) |
          (word.unitStart ? UNIT_START : 0) |
          (word.unitEnd ? UNIT_END : 0) |
          (ownKey ? OWN_KEY : 0) |
          (ownHead ? OWN_HEAD : 0) |
          (hasNoun ? ADJECTIVE_NOUN : 0) |
          (HEAD_CLASSES.indexOf(word.headClass) << HEAD_CLASS_SHIFT);
        this.#push(flags, this.#id(word.text), word.start, word.end);
        if (ownKey) this.#push(this.#id(word.key));
        if (ownHead) this.#push(this.#id(word.head));
        if (hasNoun) this.#push(this.#id(word.adjectiveNoun!));
      }
    }
    this.#starts.push(this.#length);
  }

  /** Every paper is added: the interning table is let go, only the strings are needed to read. */
  seal(): void {
    this.#ids = null;
  }

  /** Paper `p`'s analysis as `add` was given it, its verbs left out. */
  get(p: number): PaperAnalysis {
    const data = this.#data;
    const strings = this.#strings;
    let at = this.#starts[p];
    const id = strings[data[at++]];
    const phraseCount = data[at++];
    const definitionCount = data[at++];
    const definitions: LocalDefinition[] = [];
    for (let d = 0; d < definitionCount; d++, at += 2) definitions.push({ short: strings[data[at]], phrase: data[at + 1] });
    const phrases: Phrase[] = [];
    for (let i = 0; i < phraseCount; i++) {
      const header = data[at];
      const sentence = data[at + 1];
      const position = data[at + 2];
      const wordCount = data[at + 3];
      const before = data[at + 4];
      const after = data[at + 5];
      at += 6;
      const words: PhraseWord[] = [];
      for (let w = 0; w < wordCount; w++) {
        const flags = data[at];
        const text = strings[data[at + 1]];
        const start = data[at + 2];
        const end = data[at + 3];
        at += 4;
        const key = flags & OWN_KEY ? strings[data[at++]] : text;
        const head = flags & OWN_HEAD ? strings[data[at++]] : key;
        const adjectiveNoun = flags & ADJECTIVE_NOUN ? strings[data[at++]] : undefined;
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
        before: before < 0 ? undefined : strings[before],
        after: after < 0 ? undefined : strings[after],
      });
    }
    return { id, phrases, definitions, verbs: {} };
  }

  #id(text: string): number {
    let id = this.#ids!.get(text);
    if (id === undefined) {
      id = this.#strings.length;
      this.#ids!.set(text, id);
      this.#strings.push(text);
    }
    return id;
  }

  #optional(text: string | undefined): number {
    return text === undefined ? -1 : this.#id(text);
  }

  #push(...values: number[]): void {
    if (this.#length + values.length > this.#data.length) {
      const grown = new Int32Array(this.#data.length * 2);
      grown.set(this.#data);
      this.#data = grown;
    }
    for (const value of values) this.#data[this.#length++] = value;
  }
}
