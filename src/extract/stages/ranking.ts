// Per-paper ranking of a paper's concepts: PositionRank word centrality (Florescu &
// Caragea 2017, rank.ts) summed over a term's words as in SingleRank, times a title
// boost, inverse document frequency and C-value's length weight; a concept the paper
// only writes inside longer terms counts less, and so does one that repeats the words
// of a better-ranked concept of the same paper (the redundancy removal of keyphrase
// extractors, e.g. KP-Miner, El-Beltagy & Rafea 2009, and YAKE, Campos et al. 2020).
import type { Mention, Span } from '../../graph/model.ts';
import type { PaperAnalysis } from '../analyze.ts';
import { positionRank } from '../rank.ts';
import type { PaperText } from '../types.ts';
import { wordKeyOf, type Occurrence, type Resolve } from './terms.ts';

export interface RankingOptions {
  /** Boost of a concept's per-paper score when it is in the title (default 0.3). */
  titleBoost: number;
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

export const rankingDefaults: RankingOptions = { titleBoost: 0.3, nestedOnlyFactor: 0.2, redundancyFactor: 0.5 };

/** What ranking reads of the corpus. */
export interface RankingCorpus {
  papers: number;
  documentFrequency: Map<string, number>;
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
  const { titleBoost, nestedOnlyFactor, redundancyFactor } = { ...rankingDefaults, ...options };
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
    // Inverse document frequency scaled to (0, 1]: a concept every paper has is no paper's topic.
    const specificity = n > 1 ? Math.log((n + 1) / df) / Math.log(n + 1) : 1;
    // log2(words + 1): C-value's length weight, so a specific multi-word term outranks its lone head.
    const lengthWeight = Math.log2(key.split(' ').length + 1);
    const score = lengthWeight * graphScore * (inTitle ? 1 + titleBoost : 1) * specificity * (standalone ? 1 : nestedOnlyFactor);
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
