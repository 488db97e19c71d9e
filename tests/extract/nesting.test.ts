import { describe, expect, it } from 'vitest';
import { analyzePaper } from '../../src/extract/analyze.ts';
import { FragmentTally, ownOccurrences } from '../../src/extract/stages/nesting.ts';
import { OccurrenceStore } from '../../src/extract/stages/occurrenceStore.ts';
import { identity, subTerms, type Occurrence } from '../../src/extract/stages/terms.ts';

// Real titles of the NeurIPS/ICML/ICLR corpus: "descent" lives mostly in "gradient descent".
const titles = [
  'Gradient Descent for General Reinforcement Learning',
  'Boosting Algorithms as Gradient Descent',
  'Adaptive Online Gradient Descent',
  'Parallelized Stochastic Gradient Descent',
  'Text-Based Information Retrieval Using Exponentiated Gradient Descent',
  'Block Coordinate Descent for Sparse NMF',
  'Online Learning Rate Adaptation with Hypergradient Descent',
];

function occurrencesOf(title: string, phrases = phrasesOf(title)): Map<string, Occurrence[]> {
  const byKey = new Map<string, Occurrence[]>();
  for (const phrase of phrases) {
    for (const occurrence of subTerms(phrase, identity, 5, false)) byKey.set(occurrence.key, [...(byKey.get(occurrence.key) ?? []), occurrence]);
  }
  return byKey;
}

function phrasesOf(title: string) {
  return analyzePaper({ id: title, title, abstract: '' }).phrases;
}

describe('fragments of longer terms', () => {
  it('gives a fragment\'s occurrences inside any longer term to that term, not only inside its dominant one ("descent" in "block coordinate descent")', () => {
    const papers = titles.map((title) => occurrencesOf(title));
    const tally = new FragmentTally();
    for (const paper of papers) tally.add(paper);
    const dominant = tally.dominant();
    expect(dominant.get('descent')).toBe('gradient descent');
    for (const paper of papers) expect([...ownOccurrences(paper, dominant).keys()]).not.toContain('descent');
    expect([...ownOccurrences(papers[5], dominant).keys()]).toContain('block coordinate descent');
  });

  it('leaves the same own occurrences in the compact store the later passes read as it finds paper by paper', () => {
    const phrases = titles.map(phrasesOf);
    const papers = titles.map((title, p) => occurrencesOf(title, phrases[p]));
    const tally = new FragmentTally();
    const store = new OccurrenceStore();
    papers.forEach((paper, p) => {
      tally.add(paper);
      store.add(paper, phrases[p]);
    });
    const dominant = tally.dominant();
    store.keepOwn(dominant);
    papers.forEach((paper, p) => expect(store.get(p, phrases[p])).toEqual(ownOccurrences(paper, dominant)));
    expect([...store.get(5, phrases[5]).keys()]).not.toContain('descent');
  });
});
