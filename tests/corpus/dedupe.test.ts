import { Readable } from 'node:stream';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Paper } from '../../src/graph/model.ts';
import { dedupePapers, isInputProblem, readCorpus, readJsonlStream } from '../../src/corpus/index.ts';

const fixture = (name: string) => join('tests/corpus/fixtures', name);

describe('dedupePapers', () => {
  it('merges a Zotero BibTeX journal record with its arXiv preprint (shared arXiv id)', async () => {
    const { records } = await readCorpus([fixture('zotero.bib'), fixture('arxiv-classic.xml')]);
    const { papers, merged } = dedupePapers(records);
    const matches = papers.filter((p) => p.title.startsWith('Bayesian Models of Spike-Timing'));
    expect(matches).toHaveLength(1);
    const [paper] = matches;
    expect(paper).toMatchObject({
      id: 'doi:10.1234/jml.2024.5678',
      doi: '10.1234/jml.2024.5678',
      arxivId: '2401.01234',
      // The preprint's date is earlier than the journal's: the earliest is kept.
      year: 2024,
      date: '2024-01-03',
      source: 'bibtex:zotero.bib',
    });
    // The longer abstract (the BibTeX one) wins.
    expect(paper.abstract).toContain('95% of runs');
    expect(paper.sources).toHaveLength(2);
    expect(paper.sources).toEqual([...paper.sources].sort());
    expect(merged).toBe(1);
    expect(papers).toHaveLength(records.length - 1);
  });

  it('merges an OpenAlex work and a CSV row with the same DOI', async () => {
    const { records } = await readCorpus([fixture('openalex-works.json'), fixture('generic.csv')]);
    const { papers } = dedupePapers(records);
    const hebb = papers.filter((p) => p.doi === '10.5555/hebb.2021.42');
    expect(hebb).toHaveLength(1);
    expect(hebb[0]).toMatchObject({ id: 'doi:10.5555/hebb.2021.42', openalexId: 'W4200000001', year: 2021, title: 'Hebbian Plasticity in Recurrent Networks' });
    expect(hebb[0].abstract).toContain('spanning two lines');
  });

  it('merges by normalised title when no identifier is shared, but not on short generic titles', () => {
    const base: Paper = { id: '', title: '', abstract: '', year: null, date: null, url: null, authors: [], source: 'json:a', doi: null, arxivId: null, openalexId: null, pmid: null, wosId: null, keywords: [], sources: [] };
    const a = { ...base, id: 'title:1', title: '{C}atastrophic Forgetting in Connectionist Networks', year: 1999, sources: ['json:1'] };
    const b = { ...base, id: 'title:2', title: 'Catastrophic forgetting in connectionist networks.', abstract: 'Longer.', sources: ['csv:2'] };
    const c = { ...base, id: 'title:3', title: 'Introduction', sources: ['json:3'] };
    const d = { ...base, id: 'title:3', title: 'Introduction', sources: ['json:4'] };
    const { papers, merged } = dedupePapers([a, b, c, d]);
    expect(papers.map((p) => p.title)).toEqual(['{C}atastrophic Forgetting in Connectionist Networks', 'Introduction', 'Introduction']);
    expect(papers[0]).toMatchObject({ abstract: 'Longer.', year: 1999, sources: ['csv:2', 'json:1'] });
    expect(new Set(papers.map((p) => p.id)).size).toBe(3);
    expect(merged).toBe(1);
  });

  it('is idempotent, and re-reading input already stored changes nothing', async () => {
    const { records } = await readCorpus(['data/sample', fixture('zotero.bib'), fixture('arxiv-classic.xml'), fixture('openalex-works.json'), fixture('generic.csv')]);
    const once = dedupePapers(records);
    const twice = dedupePapers(once.papers);
    expect(twice.papers).toEqual(once.papers);
    expect(twice.merged).toBe(0);
    const again = dedupePapers([...once.papers, ...records]);
    expect(again.papers).toEqual(once.papers);
    expect(again.merged).toBe(0);
  });

  it('counts a new record folded into a stored paper', async () => {
    const stored = dedupePapers((await readCorpus([fixture('zotero.bib')])).records).papers;
    const { records } = await readCorpus([fixture('arxiv-classic.xml')]);
    const { papers, merged } = dedupePapers([...stored, ...records]);
    expect(merged).toBe(1);
    expect(papers).toHaveLength(stored.length + records.length - 1);
  });

  it('orders output deterministically by first appearance', async () => {
    const first = dedupePapers((await readCorpus(['data/sample'])).records).papers.map((p) => p.id);
    const second = dedupePapers((await readCorpus(['data/sample'])).records).papers.map((p) => p.id);
    expect(second).toEqual(first);
  });
});

describe('readJsonlStream', () => {
  it('yields papers with their given ids and problems naming the stream and line', async () => {
    const input = Readable.from(['{"id":"inspec-1","title":"Keyphrase extraction","abstract":"Text."}\n', 'not json\n', '\n', '{"id":"inspec-2","title":"Second","abstract":"More."}\n']);
    const out = [];
    for await (const item of readJsonlStream(input, '<stdin>')) out.push(item);
    const papers = out.filter((x) => !isInputProblem(x)) as Paper[];
    const problems = out.filter(isInputProblem);
    expect(papers.map((p) => p.id)).toEqual(['inspec-1', 'inspec-2']);
    expect(problems).toEqual([expect.objectContaining({ file: '<stdin>', line: 2, severity: 'error' })]);
  });
});
