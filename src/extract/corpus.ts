// Corpus-level extraction over per-paper analyses: acronym resolution across papers,
// candidate terms, nested-term matching, C-value termhood, pruning and per-paper
// ranking. Input order fixes every iteration order, so output is deterministic.
import type { ExtractedConcept, Extraction, Field, Mention, Span } from '../graph/model.ts';
import type { PaperAnalysis } from './analyze.ts';
import { cValue } from './cvalue.ts';
import { lexicon } from './lexicon.ts';
import type { PhraseWord, Phrase } from './phrases.ts';
import { positionRank } from './rank.ts';
import { lexicalClass } from './tagger.ts';
import { isAcronymLike } from './normalize.ts';
import type { KeyedThesaurus } from './thesaurus.ts';
import type { PaperText } from './types.ts';

export interface CorpusOptions {
  /**
   * Least number of papers a concept must appear in. Default: 1 below 2,000 papers
   * (every term of a small reading list counts), 2 from 2,000 papers on (a term
   * one paper of a large corpus uses is mostly noise, and the graph must stay in the
   * tens of thousands of nodes).
   */
  minDocumentFrequency?: number;
  /**
   * Longest term, in words (default 5). Six-word phrases are mostly a term run on into
   * its context ("evolutionary multi-agent system combines feature"); F1@10 on the
   * Inspec dev set rose from 30.9 to 31.0 going from 6 to 5, and fell going to 4.
   */
  maxWords?: number;
  /** Boost of a concept's per-paper score when it is in the title (default 0.3). */
  titleBoost?: number;
  /**
   * Factor on the per-paper score of a concept the paper only writes inside longer
   * terms ("network" in a paper about "spiking networks"; default 0.2).
   */
  nestedOnlyFactor?: number;
  /**
   * Factor on a paper's concept that repeats the words of a better-ranked concept of the
   * same paper, as a sub- or super-phrase (default 0.5).
   */
  redundancyFactor?: number;
}

/** Least share of plural uses that makes a word the tagger knows as an adjective a noun. */
const pluralShare = 0.1;

/** Short form → long-form key → papers defining it; shared across blocks of a stream. */
export type AcronymTable = Map<string, Map<string, number>>;

interface Occurrence {
  key: string;
  phrase: Phrase;
  from: number;
  to: number;
}

function modifierKey(word: PhraseWord, resolve: (short: string) => string): string {
  return word.acronym ? resolve(word.key) : word.key;
}

/** Every sub-term of a phrase that can name a concept, with its key. */
function subTerms(phrase: Phrase, resolve: (short: string) => string, maxWords: number, onlyFull: boolean): Occurrence[] {
  const words = phrase.words;
  const out: Occurrence[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!words[i].unitStart) continue;
    if (onlyFull && i > 0) break;
    const modifiers: string[] = [];
    for (let j = i; j < words.length && j - i < maxWords; j++) {
      const word = words[j];
      const full = i === 0 && j === words.length - 1;
      if (word.unitEnd && (!onlyFull || full)) {
        let key: string | undefined;
        if (i === j) {
          // A one-word term is the phrase's head, an acronym or a relational adjective's
          // noun; a noun used as a modifier ("machine" in "machine learning") is not one.
          // An activity noun ("learning", "processing") heads too many different terms to
          // stand for them all ("machine learning", "signal processing"): it matches alone only.
          const isHead = j === words.length - 1;
          if (word.acronym) key = resolve(word.head);
          else if (word.headClass === 'noun' && isHead && (i === 0 || lexicalClass(word.head) !== 'gerund')) key = word.head;
          else if (word.adjectiveNoun) key = word.adjectiveNoun;
        } else if (word.headClass !== 'none') {
          key = modifiers.join(' ') + ' ' + (word.acronym ? resolve(word.head) : word.head);
        }
        if (key) out.push({ key, phrase, from: i, to: j });
      }
      modifiers.push(modifierKey(word, resolve));
    }
  }
  return out;
}

/** Markup or code left in an abstract ("<img src=x …>", "a=b"): never a concept. */
const MARKUP = /[<>=]/;

/** Several words, each capitalised and not an acronym: the casing of a title. */
function isTitleCased(surface: string): boolean {
  const words = surface.split(/[\s-]+/);
  return words.length > 1 && words.every((word) => /^\p{Lu}\p{Ll}/u.test(word));
}

/** Definitions of one long form that make it what the short form means on its own. */
const dominantShare = 0.75;

/** The long form a short form means when used alone, or null when the corpus is split. */
export function dominantLongForm(longForms: Map<string, number>): string | null {
  let total = 0;
  let best: [string, number] | null = null;
  for (const entry of longForms) {
    total += entry[1];
    if (!best || entry[1] > best[1] || (entry[1] === best[1] && entry[0] < best[0])) best = entry;
  }
  if (!best) return null;
  return longForms.size === 1 || best[1] / total >= dominantShare ? best[0] : null;
}

/** Acronyms a set of analyses defines, added to `table`. */
export function collectAcronyms(analyses: PaperAnalysis[], table: AcronymTable, maxWords = 5): void {
  const identity = (short: string) => short;
  for (const analysis of analyses) {
    for (const definition of analysis.definitions) {
      const phrase = analysis.phrases[definition.phrase];
      const longKey = subTerms(phrase, identity, Infinity, true)[0]?.key;
      if (!longKey || longKey === definition.short || longKey.split(' ').length > maxWords) continue;
      const longForms = table.get(definition.short) ?? new Map<string, number>();
      longForms.set(longKey, (longForms.get(longKey) ?? 0) + 1);
      table.set(definition.short, longForms);
    }
  }
}

/**
 * General academic language: a listed key, or a listed head noun with only generic
 * modifiers ("novel method", "several results"). "information system" is not generic
 * although both its words are: a generic noun as a modifier makes a term.
 */
function isGeneric(key: string): boolean {
  const { genericTerms, genericModifiers } = lexicon();
  if (genericTerms.has(key)) return true;
  const words = key.split(' ');
  if (words.length === 1 && key.length < 2) return true;
  if (words.some((word) => !/\p{L}/u.test(word) || word.length > 40)) return true;
  return genericTerms.has(words[words.length - 1]) && words.slice(0, -1).every((word) => genericModifiers.has(word));
}

/** The surface a user would write mid-sentence: title case and sentence-initial capitals lowered. */
function surfaceOf(text: string, phrase: Phrase, occurrence: Occurrence): string {
  const start = phrase.words[occurrence.from].start;
  const end = phrase.words[occurrence.to].end;
  const surface = text.slice(start, end);
  const lowerAll = phrase.field === 'title';
  const sentenceStart = /(^|[.!?:]\s*)$/.test(text.slice(Math.max(0, start - 3), start));
  if (!lowerAll && !sentenceStart) return surface;
  let first = true;
  return surface.replace(/[\p{L}\p{N}]+/gu, (word) => {
    const lower = (lowerAll || first) && /^\p{Lu}\p{Ll}+$/u.test(word);
    first = false;
    return lower ? word.toLowerCase() : word;
  });
}

interface PaperMatches {
  paperIndex: number;
  /** concept key → its occurrences in this paper. */
  byKey: Map<string, Occurrence[]>;
}

/**
 * Corpus-level extraction. `acronyms` may carry definitions from earlier blocks of a
 * stream; this block's definitions are added to it.
 */
export function buildExtraction(
  papers: PaperText[],
  analyses: PaperAnalysis[],
  thesaurus: KeyedThesaurus,
  acronyms: AcronymTable,
  options: CorpusOptions = {},
): Extraction {
  const maxWords = options.maxWords ?? 5;
  const minDf = options.minDocumentFrequency ?? (papers.length < 2000 ? 1 : 2);
  const titleBoost = options.titleBoost ?? 0.3;
  const nestedOnlyFactor = options.nestedOnlyFactor ?? 0.2;
  const redundancyFactor = options.redundancyFactor ?? 0.5;
  collectAcronyms(analyses, acronyms, maxWords);

  // A short form used without a definition resolves when the corpus gives it one long
  // form, or one long form for the clear majority of its definitions: in NeurIPS
  // abstracts two papers define STDP as "spike-time dependent plasticity" against
  // twenty-odd "spike-timing-dependent plasticity", and STDP alone means the latter.
  const unambiguous = new Map<string, string>();
  for (const [short, longForms] of acronyms) {
    const dominant = dominantLongForm(longForms);
    if (dominant) unambiguous.set(short, dominant);
  }

  const resolvers = analyses.map((analysis) => {
    const local = new Map<string, string>();
    for (const definition of analysis.definitions) {
      const longKey = subTerms(analysis.phrases[definition.phrase], (s) => s, Infinity, true)[0]?.key;
      if (longKey && !local.has(definition.short)) local.set(definition.short, longKey);
    }
    return (short: string) => local.get(short) ?? unambiguous.get(short) ?? short;
  });

  // Heads the corpus writes in the plural: an adjective never takes one, so a word the
  // tagger knows as an adjective is a noun here when a good share (pluralShare) of its
  // uses as a head are plural ("derivatives", "variables"), and not when a stray
  // "complexes" sits among many "is complex".
  const headUses = new Map<string, { all: number; plural: number }>();
  for (const analysis of analyses) {
    for (const phrase of analysis.phrases) {
      const last = phrase.words[phrase.words.length - 1];
      if (!last || last.acronym) continue;
      const uses = headUses.get(last.head) ?? { all: 0, plural: 0 };
      uses.all++;
      if (last.head !== last.key) uses.plural++;
      headUses.set(last.head, uses);
    }
  }
  const { adjectives } = lexicon();
  const usedAsNoun = (key: string): boolean => {
    const uses = headUses.get(key);
    return uses !== undefined && uses.plural > 0 && uses.plural >= pluralShare * uses.all;
  };
  const isAdjective = (key: string): boolean =>
    !key.includes(' ') && !isAcronymLike(key) && (adjectives.has(key) || (lexicalClass(key) === 'adjective' && !usedAsNoun(key)));

  const mapKey = (key: string): string | null => {
    const mapped = thesaurus.map(key);
    if (mapped === null) return null;
    if (thesaurus.replaced(key)) return mapped;
    return isGeneric(mapped) || isAdjective(mapped) ? null : mapped;
  };

  // Candidates: whole noun phrases and defined long forms. Nested terms count only when
  // some paper writes them on their own (adding every nested multi-word term as a
  // candidate lowered F1@10 on the Inspec dev set and multiplies the vocabulary).
  const candidates = new Set<string>();
  analyses.forEach((analysis, p) => {
    for (const phrase of analysis.phrases) {
      if (phrase.kind === 'loose') continue;
      for (const occurrence of subTerms(phrase, resolvers[p], maxWords, true)) {
        const key = mapKey(occurrence.key);
        if (key) candidates.add(key);
      }
    }
  });

  // Every occurrence of a candidate, nested ones included.
  const frequency = new Map<string, number>();
  const documentFrequency = new Map<string, number>();
  const matches: PaperMatches[] = analyses.map((analysis, p) => {
    const byKey = new Map<string, Occurrence[]>();
    for (const phrase of analysis.phrases) {
      for (const occurrence of subTerms(phrase, resolvers[p], maxWords, false)) {
        const key = mapKey(occurrence.key);
        if (!key || !candidates.has(key)) continue;
        const list = byKey.get(key) ?? [];
        // A definition's long form repeats a noun phrase's words: one occurrence per span.
        const span = phrase.words[occurrence.from].start;
        const end = phrase.words[occurrence.to].end;
        if (list.some((o) => o.phrase.field === phrase.field && o.phrase.words[o.from].start === span && o.phrase.words[o.to].end === end)) continue;
        list.push({ ...occurrence, key });
        byKey.set(key, list);
      }
    }
    for (const [key, list] of byKey) {
      frequency.set(key, (frequency.get(key) ?? 0) + list.length);
      documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1);
    }
    return { paperIndex: p, byKey };
  });

  const termhood = cValue(frequency, { maxWords });
  const kept = new Set<string>();
  for (const key of candidates) {
    if (MARKUP.test(key)) continue;
    if ((documentFrequency.get(key) ?? 0) >= minDf && (termhood.get(key) ?? 0) > 0) kept.add(key);
  }

  const n = papers.length;
  const surfaces = new Map<string, Map<string, number>>();
  // "dendritic" written for dendrite: an alias, never the label (a node reads as a noun).
  const adjectivalSurfaces = new Set<string>();
  const mentions: Mention[] = [];
  for (const { paperIndex, byKey } of matches) {
    const paper = papers[paperIndex];
    const analysis = analyses[paperIndex];
    const resolve = resolvers[paperIndex];
    const sequence: string[] = [];
    const ordered = analysis.phrases.filter((phrase) => phrase.kind === 'maximal').sort((a, b) => a.position - b.position);
    for (const phrase of ordered) for (const word of phrase.words) sequence.push(word.acronym ? resolve(word.head) : word.head);
    const wordScores = positionRank(sequence);

    const paperMentions: Mention[] = [];
    for (const [key, occurrences] of byKey) {
      if (!kept.has(key)) continue;
      const spans: Span[] = [];
      let graphScore = 0;
      let inTitle = false;
      let standalone = false;
      for (const occurrence of occurrences) {
        const { phrase, from, to } = occurrence;
        standalone ||= phrase.kind !== 'loose' && from === 0 && to === phrase.words.length - 1;
        const field: Field = phrase.field;
        inTitle ||= field === 'title';
        spans.push({ field, start: phrase.words[from].start, end: phrase.words[to].end });
        let sum = 0;
        for (let i = from; i <= to; i++) {
          const word = phrase.words[i];
          sum += wordScores.get(word.acronym ? resolve(word.head) : word.head) ?? wordScores.get(word.head) ?? 0;
        }
        graphScore = Math.max(graphScore, sum);
        const text = field === 'title' ? paper.title : paper.abstract;
        const surface = surfaceOf(text, phrase, occurrence);
        const counts = surfaces.get(key) ?? new Map<string, number>();
        counts.set(surface, (counts.get(surface) ?? 0) + 1);
        surfaces.set(key, counts);
        if (from === to && phrase.words[from].adjectiveNoun === key) adjectivalSurfaces.add(`${key}\t${surface}`);
      }
      spans.sort((a, b) => (a.field === b.field ? a.start - b.start || a.end - b.end : a.field === 'title' ? -1 : 1));
      const df = documentFrequency.get(key) ?? 1;
      // Inverse document frequency scaled to (0, 1]: a concept every paper has is no paper's topic.
      const specificity = n > 1 ? Math.log((n + 1) / df) / Math.log(n + 1) : 1;
      // log2(words + 1): C-value's length weight, so a specific multi-word term outranks its lone head.
      const lengthWeight = Math.log2(key.split(' ').length + 1);
      const score = lengthWeight * graphScore * (inTitle ? 1 + titleBoost : 1) * specificity * (standalone ? 1 : nestedOnlyFactor);
      paperMentions.push({ paperId: paper.id, conceptId: key, count: occurrences.length, inTitle, score: round(score * 100), spans });
    }
    paperMentions.sort(byScore);
    discountNested(paperMentions, redundancyFactor);
    paperMentions.sort(byScore);
    mentions.push(...paperMentions);
  }

  const concepts: ExtractedConcept[] = [];
  for (const key of kept) {
    const counts = surfaces.get(key);
    if (!counts) continue;
    const aliases = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([surface]) => surface);
    // An acronym's concept reads as its long form; the short form stays an alias.
    const spelledOut = isAcronymLike(key) ? aliases : aliases.filter((alias) => !alias.split(/[\s-]+/).every(isAcronymLike));
    const nouns = (spelledOut.length > 0 ? spelledOut : aliases).filter((alias) => !adjectivalSurfaces.has(`${key}\t${alias}`));
    // Titles capitalise every word: "Spike Timing Dependent Plasticity" is how a title
    // writes it, not what the concept is called, whenever running text names it too.
    const label = nouns.find((alias) => !isTitleCased(alias)) ?? nouns[0] ?? key;
    concepts.push({ id: key, label, aliases, score: round(termhood.get(key) ?? 0) });
  }
  concepts.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { concepts, mentions };
}

const byScore = (a: Mention, b: Mention): number => b.score - a.score || (a.conceptId < b.conceptId ? -1 : a.conceptId > b.conceptId ? 1 : 0);

/**
 * A paper's concept that repeats a better-ranked one's words ("regulatory compliance
 * unit" after "regulatory compliance", or the reverse) adds little to its list: its
 * score is multiplied by `factor`, so distinct concepts come first (the redundancy
 * removal of keyphrase extractors, e.g. KP-Miner and YAKE).
 */
function discountNested(ranked: Mention[], factor: number): void {
  const kept: string[] = [];
  for (const mention of ranked) {
    const padded = ` ${mention.conceptId} `;
    const redundant = kept.some((better) => better.includes(padded) || padded.includes(better));
    if (redundant) mention.score = round(mention.score * factor);
    else kept.push(padded);
  }
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}
