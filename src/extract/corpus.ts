// Corpus-level extraction over per-paper analyses (analyze.ts): the stages in
// stages/, in order. Per-paper work (tagging, chunking, acronym definitions) is done
// before, paper by paper; everything here reads the corpus as a whole. Input order
// fixes every iteration order, so output is deterministic.
import type { Extraction, Mention } from '../graph/model.ts';
import type { PaperAnalysis } from './analyze.ts';
import type { KeyedThesaurus } from './thesaurus.ts';
import type { PaperText } from './types.ts';
import { acronymResolvers, collectAcronyms, longFormVariants, type AcronymTable } from './stages/acronymResolution.ts';
import { collectCandidates, keyFilter } from './stages/candidates.ts';
import { cutAtVerbs } from './stages/clauseVerbs.ts';
import { labelConcepts } from './stages/labels.ts';
import { resolveEllipses } from './stages/modifierEllipsis.ts';
import { assignFragments } from './stages/nesting.ts';
import { findOccurrences } from './stages/occurrences.ts';
import { rankPaper, round, type RankingOptions } from './stages/ranking.ts';
import { termhood } from './stages/termhood.ts';
import { wordEvidence } from './stages/wordEvidence.ts';

export type { AcronymTable } from './stages/acronymResolution.ts';

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
  const minDocumentFrequency = options.minDocumentFrequency ?? (papers.length < 2000 ? 1 : 2);

  collectAcronyms(analyses, acronyms, { maxWords });
  const evidence = wordEvidence(analyses);
  analyses = cutAtVerbs(analyses, evidence);
  // A variant the user's thesaurus names stays as the user has it.
  const variants = new Map([...longFormVariants(acronyms)].filter(([variant]) => !thesaurus.replaced(variant)));
  const resolvers = acronymResolvers(analyses, acronyms, {}, variants);
  const filter = keyFilter(thesaurus, evidence, variants);
  const candidates = collectCandidates(analyses, resolvers, filter, { maxWords });
  const found = assignFragments(findOccurrences(analyses, resolvers, filter, candidates, { maxWords }));
  const terms = termhood(candidates, found, { maxWords, minDocumentFrequency });
  const { occurrences } = resolveEllipses(found, analyses.map((a) => a.phrases), resolvers, terms.kept);

  const corpus = { papers: papers.length, documentFrequency: occurrences.documentFrequency, titleFrequency: occurrences.titleFrequency, kept: terms.kept };
  const mentions: Mention[] = [];
  papers.forEach((paper, p) => mentions.push(...rankPaper(paper, analyses[p], occurrences.byPaper[p], resolvers[p], corpus, options)));
  const concepts = labelConcepts(papers, occurrences.byPaper, terms.kept, terms.score, round);
  return { concepts, mentions };
}
