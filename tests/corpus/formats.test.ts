import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/corpus/index.ts';

const fixture = (name: string) => join('tests/corpus/fixtures', name);
const readOne = async (name: string) => readCorpus([fixture(name)]);

describe('BibTeX (Zotero / Better BibTeX export)', async () => {
  const { records, problems } = await readOne('zotero.bib');
  const [plasticity, survey, after] = records;

  it('turns LaTeX in titles, authors and abstracts into Unicode text', () => {
    expect(plasticity.title).toBe("Bayesian Models of Spike-Timing-Dependent Plasticity in Schrödinger's Dendrites");
    expect(plasticity.authors).toEqual(['Jörg Müller', 'Ana García', 'Google Research']);
    expect(plasticity.abstract).toBe('We study spike-timing-dependent plasticity (STDP) & catastrophic forgetting with α-synapses — a dendritic mechanism. Results hold for 95% of runs.');
  });

  it('reads DOI, eprint, BibLaTeX date, month macros and quoted values', () => {
    expect(plasticity).toMatchObject({ id: 'doi:10.1234/jml.2024.5678', arxivId: '2401.01234', year: 2024, date: '2024-03-01', url: 'https://example.org/paper_1' });
    expect(survey).toMatchObject({ title: 'Catastrophic Forgetting in Neural Networks: A Survey', authors: ['John Smith', 'Jane Doe'], year: 2019, date: '2019-03' });
  });

  it('reports an unclosed entry with its line and still reads the entry after it', () => {
    expect(after.title).toBe('Dendritic Computation After a Broken Entry');
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', line: 29, message: expect.stringContaining('never closed') })]);
  });
});

describe('RIS', () => {
  it('reads tags, wrapped abstracts and RIS dates', async () => {
    const { records } = await readOne('refs.ris');
    expect(records).toEqual([
      expect.objectContaining({
        title: 'Synaptic scaling and homeostatic plasticity',
        abstract: 'Homeostatic plasticity keeps firing rates within a working range.',
        authors: ['Gina G. Turrigiano', 'Sacha B. Nelson'],
        date: '2004-02-01',
        id: 'doi:10.1038/nrn1327',
      }),
    ]);
  });
});

describe('arXiv API Atom', () => {
  it('reads the classic export.arxiv.org layout, collapsing wrapped titles, with old-style ids', async () => {
    const { records, problems } = await readOne('arxiv-classic.xml');
    expect(problems).toEqual([]);
    expect(records[0]).toMatchObject({
      id: 'arxiv:2401.01234',
      title: "Bayesian Models of Spike-Timing-Dependent Plasticity in Schrödinger's Dendrites",
      date: '2024-01-03',
      authors: ['Jörg Müller', 'Ana García'],
      url: 'http://arxiv.org/abs/2401.01234v2',
    });
    expect(records[1]).toMatchObject({ arxivId: 'hep-th/9901001', doi: '10.1016/s0550-3213(99)00001-x', abstract: 'Strings & branes.' });
  });

  it('reads the 2025 layout (https ids, namespaces on <feed>, arxiv:doi)', async () => {
    const { records } = await readOne('arxiv-2025.xml');
    expect(records[0]).toMatchObject({
      title: 'Dendritic Spikes Enable Continual Learning',
      abstract: 'Active dendrites gate plasticity per branch, which limits catastrophic forgetting.',
      arxivId: '2502.04567',
      doi: '10.5555/dendrites.2025.1',
      year: 2025,
    });
  });

  it('reports an API error entry instead of reading it as a paper', async () => {
    const { records, problems } = await readOne('arxiv-error.xml');
    expect(records).toEqual([]);
    expect(problems[0]).toMatchObject({ severity: 'error', line: 7, message: expect.stringContaining('incorrect id format') });
  });
});

describe('OpenAlex works', () => {
  it('rebuilds abstracts from the inverted index and keeps works without one', async () => {
    const { records, problems } = await readOne('openalex-works.json');
    expect(records[0]).toMatchObject({
      id: 'doi:10.5555/hebb.2021.42',
      openalexId: 'W4200000001',
      abstract: "We show that Hebbian plasticity stabilises. Oja's rule plasticity too.",
      authors: ['Donald Hebb', 'Erkki Oja'],
      date: '2021-06-15',
      url: 'https://example.org/hebb',
    });
    expect(records[1]).toMatchObject({ title: 'A Work Without Abstract on Synaptic Tagging', abstract: '', arxivId: '2001.00001' });
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', line: 16, message: expect.stringContaining('no abstract') })]);
  });
});

describe('CSV exports', () => {
  it('reads IEEE Xplore columns with ;-separated authors', async () => {
    const { records } = await readOne('ieee.csv');
    expect(records[0]).toMatchObject({ title: 'Memristive Synapses for STDP', authors: ['A. Chua', 'B. Strukov'], year: 2020, id: 'doi:10.1109/tnn.2020.1', url: expect.stringContaining('ieeexplore') });
  });

  it('reads Scopus columns, full author names first', async () => {
    const { records } = await readOne('scopus.csv');
    expect(records[0]).toMatchObject({ title: 'Dendritic integration in CA1', authors: ['Seo Kim', 'Ji Lee'], year: 2018, abstract: 'Dendrites integrate inputs, nonlinearly.' });
  });

  it('reads Embase exports in both the wide and the long (fields by row) layout', async () => {
    const wide = await readOne('embase-wide.csv');
    expect(wide.records[0]).toMatchObject({ title: 'Glial control of synapses', authors: ['Fields R.D.', 'Stevens-Graham B.'], year: 2002 });
    const long = await readOne('embase-long.csv');
    expect(long.records.map((r) => [r.title, r.year, r.authors])).toEqual([
      ['Astrocytes regulate synaptic plasticity', 2005, ['Volterra A.', 'Meldolesi J.']],
      ['Second Embase record on tripartite synapses', 1999, ['Araque A.']],
    ]);
    expect(long.records[0].doi).toBe('10.1038/nrn1722');
  });

  it('sniffs semicolon and tab delimiters and works without a year column', async () => {
    const semi = await readOne('semicolon.csv');
    expect(semi.records[0]).toMatchObject({ title: 'Paper From A Semicolon Sheet', abstract: 'Abstract, with a comma.', year: null });
    const tab = await readOne('tab.tsv');
    expect(tab.records[0]).toMatchObject({ title: 'Paper From A Tab Sheet', year: 2016 });
  });

  it('keeps multi-line quoted abstracts and names each record by its first line', async () => {
    const { records, problems } = await readOne('generic.csv');
    expect(records[0].abstract).toBe('We show that Hebbian plasticity stabilises, with a longer CSV abstract spanning two lines.');
    expect(records[1]).toMatchObject({ title: 'A Paper With No Year Column', year: null });
    expect(problems).toEqual([]);
  });
});

describe('JSON', () => {
  it('echoes explicit ids and repairs PDF artefacts', async () => {
    const { records } = await readOne('papers.jsonl');
    expect(records[0]).toMatchObject({ id: 'p1', abstract: 'STDP in piriform cortex is classification-relevant.', authors: ['A. Author', 'B. Author'], year: 2001 });
    expect(records[1]).toMatchObject({ id: 'p2', date: '2019-05', year: 2019 });
  });

  it('sniffs content over extension: a .txt holding JSONL is JSONL', async () => {
    const { mkdtemp, rm, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(join(tmpdir(), 'papergraph-corpus-'));
    await writeFile(join(dir, 'records.txt'), '{"id":"x1","title":"Sniffed record one","abstract":"A."}\n{"id":"x2","title":"Sniffed record two","abstract":"B."}\n');
    const { records } = await readCorpus([dir]);
    await rm(dir, { recursive: true, force: true });
    expect(records.map((r) => r.id)).toEqual(['x1', 'x2']);
  });
});
