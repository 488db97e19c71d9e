import { describe, expect, it } from 'vitest';
import { analyzePaper } from '../../src/extract/analyze.ts';
import { positionRank } from '../../src/extract/rank.ts';
import { identity, wordKeyOf } from '../../src/extract/stages/terms.ts';

// A real paper (NeurIPS 2017, "Attention Is All You Need"): its candidate words in reading order, as ranking.ts gives them.
const paper = {
  id: 'transformer',
  title: 'Attention Is All You Need',
  abstract:
    'The dominant sequence transduction models are based on complex recurrent or convolutional neural networks in an encoder-decoder configuration. ' +
    'The best performing models also connect the encoder and decoder through an attention mechanism. ' +
    'We propose a new simple network architecture, the Transformer, based solely on attention mechanisms, dispensing with recurrence and convolutions entirely. ' +
    'Experiments on two machine translation tasks show these models to be superior in quality while being more parallelizable and requiring significantly less time to train.',
};
const sequence = analyzePaper(paper)
  .phrases.filter((phrase) => phrase.kind === 'maximal')
  .sort((a, b) => a.position - b.position)
  .flatMap((phrase) => phrase.words.map((word) => wordKeyOf(word, identity)));

describe('PositionRank', () => {
  it('scores every distinct candidate word, as a distribution', () => {
    const scores = positionRank(sequence);
    expect(scores.size).toBe(new Set(sequence).size);
    const total = [...scores.values()].reduce((sum, score) => sum + score, 0);
    expect(total).toBeCloseTo(1, 9);
    for (const score of scores.values()) expect(score).toBeGreaterThan(0);
  });

  it('ranks the words the paper opens with and repeats above one it writes once near the end', () => {
    const scores = positionRank(sequence);
    expect(sequence.filter((word) => word === 'attention').length).toBeGreaterThan(1);
    expect(scores.get('attention')!).toBeGreaterThan(scores.get('time')!);
    expect(scores.get('model')!).toBeGreaterThan(scores.get('time')!);
  });

  it('gives a word written alone, with nothing in its window, only its position bias', () => {
    const scores = positionRank(['spike', 'spike']);
    expect(scores.get('spike')).toBeCloseTo(1, 12);
    expect(positionRank([]).size).toBe(0);
  });

  it('links only words within the window: with a window of 2, words two apart share no edge', () => {
    const chain = ['a', 'b', 'c'];
    const narrow = positionRank(chain, { window: 2 });
    const wide = positionRank(chain, { window: 3 });
    // In the chain a–b–c, "b" is the hub; once "a" and "c" are linked it is not.
    expect(narrow.get('b')!).toBeGreaterThan(narrow.get('a')!);
    expect(wide.get('b')! - wide.get('a')!).toBeLessThan(narrow.get('b')! - narrow.get('a')!);
  });
});
