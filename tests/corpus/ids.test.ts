import { describe, expect, it } from 'vitest';
import { normaliseArxivId, normaliseDoi, normaliseTitle, paperId } from '../../src/corpus/index.ts';

describe('normaliseTitle', () => {
  it('folds case, accents, LaTeX and punctuation to one key', () => {
    expect(normaliseTitle('{B}ayesian Inference in {Schr\\"odinger} Equations')).toBe('bayesian inference in schrodinger equations');
    expect(normaliseTitle("Caf\\'e \\textit{Neurons}: A Study")).toBe('cafe neurons a study');
    expect(normaliseTitle('  Café   NEURONS — a   study! ')).toBe('cafe neurons a study');
    expect(normaliseTitle('Spike-Timing-Dependent Plasticity')).toBe(normaliseTitle('spike timing dependent plasticity'));
  });
});

describe('paperId', () => {
  it('prefers DOI, then arXiv, then OpenAlex, then the explicit id, then the title hash', () => {
    const title = 'A Title';
    expect(paperId({ doi: 'https://doi.org/10.1234/ABC.5', arxivId: '2401.01234', title })).toBe('doi:10.1234/abc.5');
    expect(paperId({ arxivId: 'http://arxiv.org/abs/2401.01234v3', openalexId: 'W1', title })).toBe('arxiv:2401.01234');
    expect(paperId({ arxivId: 'hep-th/9901001v2', title })).toBe('arxiv:hep-th/9901001');
    expect(paperId({ openalexId: 'https://openalex.org/W2741809807', explicitId: 'x1', title })).toBe('openalex:W2741809807');
    expect(paperId({ explicitId: 'inspec-42', title })).toBe('inspec-42');
    expect(paperId({ title })).toMatch(/^title:[0-9a-f]{16}$/);
  });

  it('gives the same title id to titles that differ only in case, accents and markup', () => {
    expect(paperId({ title: '{C}atastrophic Forgetting' })).toBe(paperId({ title: 'catastrophic  forgetting.' }));
    expect(paperId({ title: 'Catastrophic Forgetting' })).not.toBe(paperId({ title: 'Catastrophic Remembering' }));
  });

  it('normalises DOI and arXiv spellings and rejects non-identifiers', () => {
    expect(normaliseDoi('doi:10.1038/NRN1722.')).toBe('10.1038/nrn1722');
    expect(normaliseDoi('not a doi')).toBeNull();
    expect(normaliseArxivId('arXiv:2502.04567v3')).toBe('2502.04567');
    expect(normaliseArxivId('https://arxiv.org/pdf/1706.03762v7')).toBe('1706.03762');
    expect(normaliseArxivId('no id here')).toBeNull();
  });
});
