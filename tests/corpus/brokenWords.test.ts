import { describe, expect, it } from 'vitest';
import { mendBrokenWords } from '../../src/corpus/brokenWords.ts';
import type { Paper } from '../../src/graph/model.ts';

const paper = (id: string, abstract: string): Paper => ({
  id, title: `Paper ${id}`, abstract, year: null, date: null, url: null, authors: [], source: 't', doi: null, arxivId: null, openalexId: null, pmid: null, wosId: null, keywords: [], sources: [id],
});

describe('mending words broken across PDF lines', () => {
  const papers = mendBrokenWords([
    paper('a', 'We propose an algo- rithm whose loss func- tion handles real- world data in pre- and post-synaptic terms.'),
    paper('b', 'A new algorithm for the function class of real-world problems.'),
  ]);

  it('joins a break when the corpus writes the whole word', () => {
    expect(papers[0].abstract).toContain('an algorithm whose loss function handles');
  });

  it('keeps the hyphen of a compound the corpus writes hyphenated', () => {
    expect(papers[0].abstract).toContain('real-world data');
  });

  it('leaves a suspended hyphen alone', () => {
    expect(papers[0].abstract).toContain('pre- and post-synaptic');
  });

  it('leaves a break alone when the joined word is written nowhere', () => {
    const [p] = mendBrokenWords([paper('c', 'A spi- ky thing.')]);
    expect(p.abstract).toBe('A spi- ky thing.');
  });
});

describe('mending words split or glued by PDF extraction, with the corpus as dictionary', () => {
  // The corpus writes the words whole elsewhere: a handful of papers is enough.
  const dictionary = (sentence: string, copies: number) => Array.from({ length: copies }, (_, i) => paper(`d${sentence.length}-${i}`, sentence));
  const mend = (abstract: string, ...others: Paper[]) => mendBrokenWords([paper('x', abstract), ...others])[0].abstract;

  it('joins a word split in two', () => {
    // NeurIPS 1990s abstracts: "any multi-layer percept ron with the first hidden layer".
    const corpus = dictionary('A multi-layer perceptron learns; each perceptron has weights.', 10);
    expect(mend('such that any multi-layer percept ron with the first hidden layer', ...corpus)).toBe('such that any multi-layer perceptron with the first hidden layer');
  });

  it('puts back a ligature lost between two halves or inside a word', () => {
    const corpus = dictionary('Sufficient statistics are sufficient here.', 3);
    expect(mend('the conditions are su cient for recovery', ...corpus)).toBe('the conditions are sufficient for recovery');
    // "A special case that has received signicant attention is the Plackett-Luce model".
    const words = dictionary('We show significant gains.', 30);
    expect(mend('A special case that has received signicant attention', ...words)).toBe('A special case that has received significant attention');
  });

  it('splits words glued where a space was lost', () => {
    // "which minimize the total volume ofaxons and dendrites"
    const corpus = dictionary('The length of axons and the number of axons grow.', 3);
    expect(mend('which minimize the total volume ofaxons and dendrites', ...corpus)).toBe('which minimize the total volume of axons and dendrites');
    // "learning deep directed latentvariable models"
    const models = dictionary('A latent variable model and a latent variable model with a latent variable.', 7);
    expect(mend('has focused on learning deep directed latentvariable models', ...models)).toBe('has focused on learning deep directed latent variable models');
  });

  it('leaves real words and real word pairs alone', () => {
    const corpus = dictionary('Catastrophic forgetting: networks suffer forgetting, and random exploration is random.', 6);
    // "our trust-region method is crucial for getting good performance"
    expect(mend('our trust-region method is crucial for getting good performance', ...corpus)).toBe('our trust-region method is crucial for getting good performance');
    // "the use of nonrandom exploration data", a prefix and a word.
    expect(mend('the use of nonrandom exploration data', ...corpus)).toBe('the use of nonrandom exploration data');
    // Capitals inside a glued word: "points ofRn" is left as written.
    expect(mend('a set of points ofRn with probability', ...dictionary('Of the Rn of the Rn.', 6))).toBe('a set of points ofRn with probability');
  });
});
