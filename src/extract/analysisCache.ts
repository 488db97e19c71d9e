// The per-paper extraction cache: what tagging learnt from one paper (analyze.ts) kept
// on disk, so an unchanged paper is never tagged twice. Re-ingesting, or adding papers
// to a stored corpus, tags only the papers the cache has not seen; everything that
// depends on the corpus as a whole (document frequencies, acronym resolution, termhood,
// ranking, then the graph's analytics) is recomputed from the cached analyses, so an
// incremental ingest stores exactly the graph a full one does.
//
// An entry is keyed by the SHA-256 of the paper's cleaned title and abstract; the file
// is named by the extractor's version, a hash of the per-paper stage's source and word
// lists, so changing the tagger or a word list starts a new cache instead of reusing
// analyses it would no longer produce. The file is a sequence of gzip members (RFC 1952
// allows several), one appended per ingest, each holding one line per paper:
// `hash<TAB>compact analysis`. A run killed mid-append leaves a cut last member; reading
// keeps every whole line before the cut, and the next run re-tags what was lost.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip, deflateRawSync, gzipSync, inflateRawSync } from 'node:zlib';
import type { Field } from '../graph/model.ts';
import type { LocalDefinition, PaperAnalysis } from './analyze.ts';
import type { Phrase, PhraseWord } from './phrases.ts';
import type { PaperText } from './types.ts';

/** Files whose content decides what `analyzePaper` returns: a change to any of them is a new extractor version. */
const PER_PAPER_SOURCES = ['analyze.ts', 'tagger.ts', 'preTagger.ts', 'phrases.ts', 'acronyms.ts', 'normalize.ts', 'lexicon.ts', 'analysisCache.ts'];
const WORD_LISTS = new URL('../../data/extract/', import.meta.url);

let version: string | undefined;

/** The extractor's version: a hash of the per-paper stage's code, its word lists and the tagger library's version. */
export function extractorVersion(): string {
  if (version) return version;
  const hash = createHash('sha256');
  for (const file of PER_PAPER_SOURCES) hash.update(file).update(readFileSync(new URL(file, import.meta.url)));
  const lists = readdirSync(WORD_LISTS).filter((name) => name.endsWith('.txt')).sort();
  for (const name of lists) hash.update(name).update(readFileSync(new URL(name, WORD_LISTS)));
  const compromise = new URL('../../node_modules/compromise/package.json', import.meta.url);
  if (existsSync(compromise)) hash.update(JSON.parse(readFileSync(compromise, 'utf8')).version as string);
  version = hash.digest('hex').slice(0, 16);
  return version;
}

/** The cache key of a paper: what tagging reads of it, and nothing else (not its id). */
export function paperTextHash(paper: PaperText): string {
  return createHash('sha256').update(paper.title ?? '').update('\u0000').update(paper.abstract ?? '').digest('base64url');
}

// Compact form: a word is [text, start, end, key, head, flags, adjectiveNoun?] with key 0
// when it equals the text and head 0 when it equals the key; a phrase is
// [field, sentence, position, kind, words, before, after].
type CompactWord = [string, number, number, string | 0, string | 0, number, string?];
type CompactPhrase = [0 | 1, number, number, 0 | 1 | 2, CompactWord[], string | null, string | null];
type CompactAnalysis = [CompactPhrase[], [string, number][], Record<string, number>];

const FIELDS: Field[] = ['title', 'abstract'];
const KINDS: Phrase['kind'][] = ['maximal', 'definition', 'loose'];
const HEAD_CLASSES: PhraseWord['headClass'][] = ['noun', 'gerund', 'none'];

function compactWord(w: PhraseWord): CompactWord {
  const flags = (w.acronym ? 1 : 0) | (w.unitStart ? 2 : 0) | (w.unitEnd ? 4 : 0) | (HEAD_CLASSES.indexOf(w.headClass) << 3);
  const out: CompactWord = [w.text, w.start, w.end, w.key === w.text ? 0 : w.key, w.head === w.key ? 0 : w.head, flags];
  if (w.adjectiveNoun !== undefined) out.push(w.adjectiveNoun);
  return out;
}

function expandWord([text, start, end, key, head, flags, adjectiveNoun]: CompactWord): PhraseWord {
  const wordKey = key === 0 ? text : key;
  return {
    text,
    start,
    end,
    key: wordKey,
    head: head === 0 ? wordKey : head,
    acronym: (flags & 1) !== 0,
    headClass: HEAD_CLASSES[flags >> 3],
    unitStart: (flags & 2) !== 0,
    unitEnd: (flags & 4) !== 0,
    adjectiveNoun,
  };
}

export function encodeAnalysis(analysis: PaperAnalysis): string {
  const compact: CompactAnalysis = [
    analysis.phrases.map((p) => [FIELDS.indexOf(p.field) as 0 | 1, p.sentence, p.position, KINDS.indexOf(p.kind) as 0 | 1 | 2, p.words.map(compactWord), p.before ?? null, p.after ?? null]),
    analysis.definitions.map((d) => [d.short, d.phrase]),
    analysis.verbs,
  ];
  return JSON.stringify(compact);
}

export function decodeAnalysis(id: string, text: string): PaperAnalysis {
  const [phrases, definitions, verbs] = JSON.parse(text) as CompactAnalysis;
  return {
    id,
    phrases: phrases.map(([field, sentence, position, kind, words, before, after]) => {
      const phrase: Phrase = { field: FIELDS[field], sentence, position, words: words.map(expandWord), kind: KINDS[kind] };
      if (before !== null) phrase.before = before;
      if (after !== null) phrase.after = after;
      return phrase;
    }),
    definitions: definitions.map(([short, phrase]): LocalDefinition => ({ short, phrase })),
    verbs,
  };
}

export interface CacheLookup {
  /** Encoded analyses found, by text hash. */
  found: Map<string, string>;
  /** Entries in the file, found or not (for deciding when to compact it). */
  entries: number;
}

/** One extractor version's cache file in `dir`. */
export class AnalysisCache {
  readonly file: string;

  constructor(readonly dir: string) {
    this.file = path.join(dir, `analyses-${extractorVersion()}.gz`);
  }

  /** The encoded analyses of the `wanted` hashes the file holds; a cut or corrupt tail ends the reading, not the run. */
  async lookup(wanted: Set<string>): Promise<CacheLookup> {
    const found = new Map<string, string>();
    let entries = 0;
    if (!existsSync(this.file)) return { found, entries };
    const gunzip = createReadStream(this.file).pipe(createGunzip());
    const lines = createInterface({ input: gunzip, crlfDelay: Infinity });
    let cutOff = false;
    let lastFound: string | null = null;
    const cut = new Promise<void>((resolve) => gunzip.once('error', () => { cutOff = true; lines.close(); resolve(); }));
    const read = (async () => {
      for await (const line of lines) {
        const tab = line.indexOf('\t');
        if (tab < 0) continue;
        entries++;
        const hash = line.slice(0, tab);
        lastFound = null;
        if (wanted.has(hash) && !found.has(hash)) found.set((lastFound = hash), line.slice(tab + 1));
      }
    })().catch(() => undefined);
    await Promise.race([read, cut]);
    // Only the line the fault fell in can be cut (gzip checks every whole member): keep it if it parses.
    if (cutOff && lastFound !== null) {
      try {
        JSON.parse(found.get(lastFound)!);
      } catch {
        found.delete(lastFound);
      }
    }
    return { found, entries };
  }

  /** Appends new entries, a gzip member per 5,000 of them. */
  append(entries: [string, string][]): void {
    if (entries.length === 0) return;
    mkdirSync(this.dir, { recursive: true });
    writeMembers(this.file, entries);
  }

  /** Rewrites the file with only `entries` (atomic rename), when it holds many more than the corpus uses. */
  replace(entries: Iterable<[string, string]>): void {
    mkdirSync(this.dir, { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    rmSync(temporary, { force: true });
    writeFileSync(temporary, gzipSync(''));
    writeMembers(temporary, entries);
    renameSync(temporary, this.file);
  }

  /** Removes the files of other extractor versions: their analyses are never read again. */
  pruneOtherVersions(): void {
    if (!existsSync(this.dir)) return;
    for (const name of readdirSync(this.dir)) {
      const file = path.join(this.dir, name);
      if (file !== this.file && /^analyses-[0-9a-f]+\.gz(\.\d+\.tmp)?$/.test(name)) rmSync(file, { force: true });
    }
  }

  bytes(): number {
    return existsSync(this.file) ? statSync(this.file).size : 0;
  }
}

/**
 * Encoded analyses in corpus order, held compressed: blocks of `blockSize` analyses,
 * each deflated once full, and the block last read kept inflated. The corpus passes read
 * papers in order, so each pass inflates each block once (zlib inflates some hundreds
 * of MB a second), while the whole corpus's analyses take a third of their text's
 * memory (85,000 papers: ~100 MB instead of 280 MB of strings).
 */
export class PackedAnalyses {
  #blocks: Buffer[] = [];
  #open: string[] = [];
  #read: { block: number; texts: string[] } | null = null;
  #length = 0;

  constructor(readonly blockSize = 256) {}

  get length(): number {
    return this.#length;
  }

  push(text: string): void {
    this.#open.push(text);
    this.#length++;
    if (this.#open.length === this.blockSize) {
      // A JSON text never holds a raw newline, so one joins a block's analyses.
      this.#blocks.push(deflateRawSync(this.#open.join('\n'), { level: 1 }));
      this.#open = [];
    }
  }

  /** The encoded analysis of paper `p`. */
  text(p: number): string {
    const block = Math.floor(p / this.blockSize);
    if (block === this.#blocks.length) return this.#open[p - block * this.blockSize];
    if (this.#read?.block !== block) this.#read = { block, texts: inflateRawSync(this.#blocks[block]).toString('utf8').split('\n') };
    return this.#read.texts[p - block * this.blockSize];
  }
}

/**
 * Member by member: one gzipSync over a corpus' worth of analyses (280 MB of text for
 * 85k papers) would hold it twice at once, the peak of the whole ingest.
 */
function writeMembers(file: string, entries: Iterable<[string, string]>): void {
  let chunk: string[] = [];
  const flush = () => {
    if (chunk.length > 0) writeFileSync(file, gzipSync(chunk.join(''), { level: 1 }), { flag: 'a' });
    chunk = [];
  };
  for (const [hash, text] of entries) {
    chunk.push(`${hash}\t${text}\n`);
    if (chunk.length === 5000) flush();
  }
  flush();
}
