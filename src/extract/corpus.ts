// Corpus-level extraction over per-paper analyses (analyze.ts): the stages in
// stages/, in order. Per-paper work (tagging, chunking, acronym definitions) is done
// before, paper by paper; everything here reads the corpus as a whole. Input order
// fixes every iteration order, so output is deterministic.
//
// The stages run as passes over the papers, each reading one paper's analysis at a time
// and keeping only corpus counts between papers: acronyms and word evidence; candidates;
// how fragments nest; frequencies; then ranking and labels. The first pass (`FirstPass`)
// takes each analysis as it comes from the tagger, so it runs while later papers are
// still being tagged; the passes after read each paper back from compact copies of their own
// (stages/preparedStore.ts: as read, for the pass that prepares it; then as prepared),
// so no pass holds more than one paper's phrases: memory grows with the vocabulary, the
// phrases' words (some 7 bytes each) and the candidates' occurrences, kept as 12 bytes
// each (stages/occurrenceStore.ts), not with the corpus's text.
import type { Extraction } from '../graph/model.ts';
import { MentionTable } from '../graph/mentionTable.ts';
import type { PaperAnalysis } from './analyze.ts';
import type { KeyedThesaurus } from './thesaurus.ts';
import type { PaperText } from './types.ts';
import { acronymResolver, collectAcronyms, longFormVariants, type AcronymTable } from './stages/acronymResolution.ts';
import { addCandidates, isAdjectiveHead, keyFilter } from './stages/candidates.ts';
import { wordKey } from './normalize.ts';
import { cutAtVerbs } from './stages/clauseVerbs.ts';
import { clippedHeads, unclippedKey } from './stages/clippings.ts';
import { joinSpacedCompounds } from './stages/spacedCompounds.ts';
import { GerundHeads } from './stages/gerundHeads.ts';
import { FrozenFrames } from './stages/frozenFrames.ts';
import { SurfaceTally } from './stages/labels.ts';
import { addEllipsisCounts, EllipsisResolver, withAdded } from './stages/modifierEllipsis.ts';
import { ModifierFragments } from './stages/modifierFragments.ts';
import { FragmentTally, ownOccurrences } from './stages/nesting.ts';
import { OccurrenceStore } from './stages/occurrenceStore.ts';
import { PreparedStore } from './stages/preparedStore.ts';
import { addCounts, emptyCounts, paperOccurrences } from './stages/occurrences.ts';
import { rankPaper, round, type RankingOptions } from './stages/ranking.ts';
import { termhood } from './stages/termhood.ts';
import type { Occurrence, Resolve } from './stages/terms.ts';
import { WordEvidenceTally, type WordEvidence } from './stages/wordEvidence.ts';

export type { AcronymTable } from './stages/acronymResolution.ts';

interface Prepared {
  p: number;
  analysis: PaperAnalysis;
  resolve: Resolve;
}

export interface CorpusOptions extends Partial<RankingOptions> {
  /**
   * Least number of papers a concept must appear in. Default: 1 below 2,000 papers
   * (every term of a small reading list counts), 2 from 2,000 papers on (a term
   * one paper of a large corpus uses is mostly noise, and the graph must stay in the
   * tens of thousands of nodes).
   */
  minDocumentFrequency?: number;
  /** Longest term, in words (default 5; see stages/candidates.ts). */
  maxWords?: number;
}

/**
 * The first pass, fed each paper's analysis in paper order as it comes (while later
 * papers are still being tagged): the acronyms each defines, word evidence, gerund
 * heads and frozen frames; and the analyses as read, for the passes after, held as
 * given when `held`, else in compact form (stages/preparedStore.ts).
 */
export class FirstPass {
  readonly gerunds = new GerundHeads();
  readonly frames = new FrozenFrames();
  readonly #evidence = new WordEvidenceTally();
  readonly #held: PaperAnalysis[] | null;
  readonly #unprepared: PreparedStore | null;
  /** Longest term, in words, for this pass and the ones after. */
  readonly maxWords: number;
  #p = 0;

  /** `acronyms` may carry definitions from earlier blocks of a stream; these papers' definitions are added to it. */
  constructor(
    readonly papers: PaperText[],
    readonly acronyms: AcronymTable,
    options: { held: boolean; maxWords?: number },
  ) {
    this.#held = options.held ? [] : null;
    this.#unprepared = options.held ? null : new PreparedStore();
    this.maxWords = options.maxWords ?? defaultMaxWords;
  }

  /** The next paper's analysis. */
  add(analysis: PaperAnalysis): void {
    const paper = this.papers[this.#p++];
    collectAcronyms([analysis], this.acronyms, { maxWords: this.maxWords });
    if (this.#held) this.#held.push(analysis);
    else this.#unprepared!.add(analysis);
    this.gerunds.add(analysis);
    this.frames.add(analysis, paper);
    this.#evidence.add(analysis, paper);
  }

  /** Every paper read: the word evidence, and each analysis as read (held as given, or compact), for the second pass. */
  finish(): { evidence: WordEvidence; held: PaperAnalysis[] | null; unprepared: PreparedStore | null } {
    if (this.#p !== this.papers.length) throw new Error(`first pass read ${this.#p} of ${this.papers.length} papers`);
    return { evidence: this.#evidence.evidence(), held: this.#held, unprepared: this.#unprepared };
  }
}

/** Longest term, in words, by default (see stages/candidates.ts). */
const defaultMaxWords = 5;

/**
 * Corpus-level extraction over analyses in memory (a block of a stream: the passes keep
 * what they derive from each paper instead of deriving it again on every pass).
 * `acronyms` may carry definitions from earlier blocks; this block's are added to it.
 */
export function buildExtraction(
  papers: PaperText[],
  analyses: PaperAnalysis[],
  thesaurus: KeyedThesaurus,
  acronyms: AcronymTable,
  options: CorpusOptions = {},
): Extraction {
  const first = new FirstPass(papers, acronyms, { held: true, maxWords: options.maxWords });
  for (const analysis of analyses) first.add(analysis);
  return extractionAfter(first, thesaurus, options);
}

/** The passes after the first, over the papers `first` has read. */
export function extractionAfter(first: FirstPass, thesaurus: KeyedThesaurus, options: Omit<CorpusOptions, 'maxWords'> = {}): Extraction {
  const { papers, acronyms, gerunds, frames, maxWords } = first;
  const minDocumentFrequency = options.minDocumentFrequency ?? (papers.length < 2000 ? 1 : 2);
  const read = first.finish();
  const evidence = read.evidence;
  /** The analyses as read on the first pass, for the second: held as given, or in compact form. */
  const heldRead = read.held;
  let unprepared = read.unprepared;
  // A variant the user's thesaurus names stays as the user has it.
  const variants = new Map([...longFormVariants(acronyms)].filter(([variant]) => !thesaurus.replaced(variant)));
  const resolverOf = acronymResolver(acronyms, {}, variants);
  const judged = keyFilter(thesaurus, evidence, variants);
  // A noun written nearly only in one frozen expression ("orders of magnitude") is none, unless the user's thesaurus names it.
  const filter = (key: string): string | null => {
    const kept = judged(key);
    return kept !== null && frames.frozen(kept) && !thesaurus.replaced(key) ? null : kept;
  };
  const held: Prepared[] | null = heldRead ? [] : null;
  const store = unprepared ? new PreparedStore(unprepared) : null;
  let preparedAll = false;
  /**
   * Each paper as the later stages read it: phrases cut at the corpus's verbs, spaced
   * compounds joined, gerund heads given back, acronyms resolved; prepared on the first
   * pass, read back after.
   */
  function* prepared(): Generator<Prepared> {
    for (let p = 0; p < papers.length; p++) {
      if (preparedAll) {
        if (held) yield held[p];
        else {
          const analysis = store!.get(p);
          yield { p, analysis, resolve: resolverOf(analysis) };
        }
        continue;
      }
      const read = unprepared ? unprepared.get(p) : heldRead![p];
      const analysis = gerunds.extend(joinSpacedCompounds(cutAtVerbs([read], evidence)[0], papers[p], evidence), papers[p]);
      const paper = { p, analysis, resolve: resolverOf(analysis) };
      if (held) held[p] = paper;
      else if (analysis === read) store!.copy(unprepared!, p);
      else store!.add(analysis);
      yield paper;
    }
    preparedAll = true;
    unprepared = null;
    store?.seal();
  }

  const candidates = new Set<string>();
  const modifiers = new ModifierFragments();
  for (const { analysis, resolve } of prepared()) {
    addCandidates(analysis, resolve, filter, candidates, { maxWords });
    modifiers.add(analysis.phrases);
  }
  // A term headed by a clipping ("neural net") counts under its full-headed form when the corpus writes that too.
  const clipped = clippedHeads(candidates);
  const termKey = clipped.size === 0 ? filter : (key: string): string | null => {
    const kept = filter(key);
    if (kept === null || thesaurus.replaced(key)) return kept;
    const merged = unclippedKey(kept, clipped, (full) => candidates.has(full));
    return merged === kept ? kept : filter(merged);
  };
  const fragments = new FragmentTally();
  const stored = held ? null : new OccurrenceStore();
  const heldOccurrences: Map<string, Occurrence[]>[] = [];
  for (const { p, analysis, resolve } of prepared()) {
    const occurrences = modifiers.prune(paperOccurrences(analysis, resolve, termKey, candidates, { maxWords }));
    fragments.add(occurrences);
    if (stored) stored.add(occurrences, analysis.phrases);
    else heldOccurrences[p] = occurrences;
  }
  const dominant = fragments.dominant();
  stored?.keepOwn(dominant);
  const heldOwn: Map<string, Occurrence[]>[] = [];
  const occurrencesOf = (p: number, analysis: PaperAnalysis) =>
    stored ? stored.get(p, analysis.phrases) : (heldOwn[p] ??= ownOccurrences(heldOccurrences[p], dominant));
  const counts = emptyCounts();
  for (const { p, analysis } of prepared()) addCounts(counts, occurrencesOf(p, analysis));
  const terms = termhood(candidates, counts, { maxWords, minDocumentFrequency });

  // Modifiers standing for the term they begin ("Hebbian"): mentions of it, counted for ranking.
  const ellipses = new EllipsisResolver(terms.kept);
  for (const { analysis, resolve } of prepared()) ellipses.noteWritten(analysis.phrases, resolve);
  for (const { p, analysis, resolve } of prepared()) ellipses.count(p, analysis.phrases, resolve, () => occurrencesOf(p, analysis));
  const anyEllipsis = ellipses.resolve(papers.length).size > 0;
  const ranked = anyEllipsis ? { frequency: new Map(counts.frequency), documentFrequency: new Map(counts.documentFrequency), titleFrequency: new Map(counts.titleFrequency) } : counts;
  /** Each paper's elliptical mentions, found once: concept → phrase index, first and last word of each (few papers have any). */
  const elliptical = new Map<number, [string, number[]][]>();
  if (anyEllipsis) {
    for (const { p, analysis, resolve } of prepared()) {
      let own: Map<string, Occurrence[]> | undefined;
      const ownOf = () => (own ??= occurrencesOf(p, analysis));
      const added = ellipses.ellipses(analysis.phrases, resolve, ownOf);
      if (!added) continue;
      addEllipsisCounts(ranked, ownOf(), added);
      elliptical.set(p, [...added].map(([concept, list]) => [concept, list.flatMap((o) => [analysis.phrases.indexOf(o.phrase), o.from, o.to])]));
    }
  }
  const ellipticalOf = (p: number, phrases: PaperAnalysis['phrases']): Map<string, Occurrence[]> | null => {
    const kept = elliptical.get(p);
    if (!kept) return null;
    return new Map(
      kept.map(([key, spans]) => {
        const list: Occurrence[] = [];
        for (let i = 0; i < spans.length; i += 3) list.push({ key, phrase: phrases[spans[i]], from: spans[i + 1], to: spans[i + 2], elliptical: true });
        return [key, list];
      }),
    );
  };

  const corpus = { papers: papers.length, documentFrequency: ranked.documentFrequency, titleFrequency: ranked.titleFrequency, kept: terms.kept };
  const mentions = new MentionTable();
  const surfaces = new SurfaceTally(terms.kept);
  for (const { p, analysis, resolve } of prepared()) {
    const occurrences = withAdded(occurrencesOf(p, analysis), ellipticalOf(p, analysis.phrases));
    for (const mention of rankPaper(papers[p], analysis, occurrences, resolve, corpus, options)) mentions.push(mention);
    surfaces.add(papers[p], occurrences);
  }
  const adjectiveLast = (alias: string) => isAdjectiveHead(wordKey(alias.slice(alias.search(/[^\s-]+$/)), true), evidence);
  return { concepts: surfaces.concepts(terms.score, round, adjectiveLast), mentions };
}
