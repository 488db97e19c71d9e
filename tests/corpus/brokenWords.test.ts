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
