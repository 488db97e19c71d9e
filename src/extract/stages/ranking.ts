// Per-paper ranking of a paper's concepts, so that its first five and ten are the terms
// its authors would list. Authors index their work with the recurring terms of their
// field ("reinforcement learning", "generative adversarial networks"), not with the
// longest phrase of their abstract, so a concept's score multiplies:
// - its centrality in the paper: PositionRank (Florescu & Caragea 2017, rank.ts),
//   summed over the term's words as in SingleRank, times C-value's length weight
//   log2(words + 1) and a boost when the title has it;
// - how much it recurs and how specific it is across the corpus: ln(1 + df) times the
//   inverse document frequency scaled to (0, 1]; the product is highest for a term many
//   papers share but not all, and lowest for a one-paper phrase or a word every paper has;
// - its keyphraseness (Frank et al. 1999, "Domain-specific keyphrase extraction", IJCAI:
//   how often a phrase is a keyphrase of other documents), estimated without any gold
//   keys from the corpus's titles, where authors name their own work: the share of the
//   papers mentioning the concept that have it in their title, smoothed toward
//   alpha / beta for rare concepts.
// A concept the paper only writes inside longer terms counts less, and so does one that
// repeats the words of a better-ranked concept of the same paper (the redundancy
// removal of keyphrase extractors, e.g. KP-Miner, El-Beltagy & Rafea 2009, and YAKE,
// Campos et al. 2020).
//
// On the Inspec dev set and ICLR 2018 authors' keywords (scripts/eval-extract.ts),
// recurrence and keyphraseness together took ICLR F1@5 / F1@10 from 6.3 / 9.2 to
// 17.4 / 15.3 with Inspec F1@10 at 31.3 (31.7 without them).
import type { Mention, Span } from '../../graph/model.ts';
import type { PaperAnalysis } from '../analyze.ts';
import { positionRank } from '../rank.ts';
import type { PaperText } from '../types.ts';
import { wordKeyOf, type Occurrence, type Resolve } from './terms.ts';

export interface RankingOptions {
  /** Boost of a concept's per-paper score when it is in the title (default 0.3). */
  titleBoost: number;
  /** Smoothing of keyphraseness, (papers with it in the title + alpha) / (papers with it + beta) (default 1, 5). */
  keyphrasenessAlpha: number;
  keyphrasenessBeta: number;
  /**
   * Factor on the per-paper score of a concept the paper only writes inside longer
   * terms ("network" in a paper about "spiking networks"; default 0.2).
   */
  nestedOnlyFactor: number;
  /**
   * Factor on a paper's concept that repeats the words of a better-ranked concept of the
   * same paper, as a sub- or super-phrase (default 0.5).
   */
  redundancyFactor: number;
}

export const rankingDefaults: RankingOptions = { titleBoost: 0.3, keyphrasenessAlpha: 1, keyphrasenessBeta: 5, nestedOnlyFactor: 0.2, redundancyFactor: 0.5 };

/** What ranking reads of the corpus. */
export interface RankingCorpus {
  papers: number;
  documentFrequency: Map<string, number>;
  /** Papers that have each concept in their title. */
  titleFrequency: Map<string, number>;
  kept: Set<string>;
}

/** The mentions of one paper, best first. */
export function rankPaper(
  paper: PaperText,
  analysis: PaperAnalysis,
  occurrences: Map<string, Occurrence[]>,
  resolve: Resolve,
  corpus: RankingCorpus,
  options: Partial<RankingOptions> = {},
): Mention[] {
  const { titleBoost, keyphrasenessAlpha, keyphrasenessBeta, nestedOnlyFactor, redundancyFactor } = { ...rankingDefaults, ...options };
  const sequence: string[] = [];
  const ordered = analysis.phrases.filter((phrase) => phrase.kind === 'maximal').sort((a, b) => a.position - b.position);
  for (const phrase of ordered) for (const word of phrase.words) sequence.push(wordKeyOf(word, resolve));
  const wordScores = positionRank(sequence);
  const n = corpus.papers;

  const mentions: Mention[] = [];
  for (const [key, list] of occurrences) {
    if (!corpus.kept.has(key)) continue;
    const spans: Span[] = [];
    let graphScore = 0;
    let inTitle = false;
    let standalone = false;
    for (const { phrase, from, to } of list) {
      standalone ||= phrase.kind !== 'loose' && from === 0 && to === phrase.words.length - 1;
      inTitle ||= phrase.field === 'title';
      spans.push({ field: phrase.field, start: phrase.words[from].start, end: phrase.words[to].end });
      let sum = 0;
      for (let i = from; i <= to; i++) {
        const word = phrase.words[i];
        sum += wordScores.get(wordKeyOf(word, resolve)) ?? wordScores.get(word.head) ?? 0;
      }
      graphScore = Math.max(graphScore, sum);
    }
    spans.sort((a, b) => (a.field === b.field ? a.start - b.start || a.end - b.end : a.field === 'title' ? -1 : 1));
    const df = corpus.documentFrequency.get(key) ?? 1;
    const lengthWeight = Math.log2(key.split(' ').length + 1);
    const centrality = lengthWeight * graphScore * (inTitle ? 1 + titleBoost : 1) * (standalone ? 1 : nestedOnlyFactor);
    const specificity = n > 1 ? Math.log((n + 1) / df) / Math.log(n + 1) : 1;
    const recurrence = Math.log(1 + df);
    const keyphraseness = ((corpus.titleFrequency.get(key) ?? 0) + keyphrasenessAlpha) / (df + keyphrasenessBeta);
    const score = centrality * recurrence * specificity * keyphraseness;
    mentions.push({ paperId: paper.id, conceptId: key, count: list.length, inTitle, score: round(score * 100), spans });
  }
  mentions.sort(byScore);
  discountRedundant(mentions, redundancyFactor);
  mentions.sort(byScore);
  return mentions;
}

const byScore = (a: Mention, b: Mention): number => b.score - a.score || (a.conceptId < b.conceptId ? -1 : a.conceptId > b.conceptId ? 1 : 0);

/** A mention repeating a better-ranked one's words ("regulatory compliance unit" after "regulatory compliance", or the reverse) is scaled by `factor`. */
function discountRedundant(ranked: Mention[], factor: number): void {
  const kept: string[] = [];
  for (const mention of ranked) {
    const padded = ` ${mention.conceptId} `;
    const redundant = kept.some((better) => better.includes(padded) || padded.includes(better));
    if (redundant) mention.score = round(mention.score * factor);
    else kept.push(padded);
  }
}

export function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}
