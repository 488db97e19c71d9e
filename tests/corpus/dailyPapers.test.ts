import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dedupePapers, normaliseTitle, readCorpus } from '../../src/corpus/index.ts';

const SAMPLE = 'data/sample';

/**
 * Titles as a person reading the pages sees them, found independently of the reader:
 * a short line whose next non-empty line is a long paragraph (the abstract).
 */
function titlesByEye(): Set<string> {
  const titles = new Set<string>();
  for (const name of readdirSync(SAMPLE)) {
    const lines = readFileSync(join(SAMPLE, name), 'utf8').split('\n').map((l) => l.trim());
    lines.forEach((line, i) => {
      const next = lines.slice(i + 1).find((l) => l !== '');
      if (line && line.length < 250 && next && next.length > 250) titles.add(normaliseTitle(line));
    });
  }
  return titles;
}

describe('Daily Papers sample corpus', async () => {
  const read = await readCorpus([SAMPLE]);
  const { papers } = dedupePapers(read.records);

  it('reads all five files without problems', () => {
    expect(read.files).toBe(5);
    expect(read.problems).toEqual([]);
  });

  it('gives exactly one paper per distinct title across the overlapping files', () => {
    const titles = papers.map((p) => normaliseTitle(p.title));
    expect(new Set(titles).size).toBe(papers.length);
    expect(new Set(titles)).toEqual(titlesByEye());
    expect(read.records.length).toBeGreaterThan(papers.length); // the files do overlap
  });

  it('never glues an abstract to a title or a title to an abstract', () => {
    const titles = papers.map((p) => p.title);
    expect(papers.filter((p) => p.title.length >= 250 || p.abstract.length <= 250).map((p) => p.title)).toEqual([]);
    expect(papers.filter((p) => titles.some((t) => p.abstract.startsWith(t))).map((p) => p.title)).toEqual([]);
    expect(papers.filter((p) => /• \d+ authors|^\w{3} \d{1,2}, \d{4}$/.test(p.abstract)).map((p) => p.title)).toEqual([]);
  });

  it('takes dates from the metadata lines, with no year for "Feb 24"-style dates', () => {
    const byTitle = new Map(papers.map((p) => [p.title, p]));
    expect(byTitle.get('Deep neural networks as nested dynamical systems')).toMatchObject({ year: 2021, date: '2021-11-01' });
    // "Aug 25, 2022 1": upvote count on the date line.
    expect(byTitle.get('Decoding speech from non-invasive brain recordings')).toMatchObject({ year: 2022, date: '2022-08-25' });
    // "Feb 24 2": current-year date plus upvotes.
    expect(byTitle.get('On Relation-Specific Neurons in Large Language Models')).toMatchObject({ year: null, date: null });
    // Only in file 004 (no author/date lines at all).
    expect(byTitle.get('PureForest: A Large-scale Aerial Lidar and Aerial Imagery Dataset for Tree Species Classification in Monospecific Forests')?.year).toBeNull();
  });

  it('keeps the year of a dated copy when an undated copy of the same paper is merged', () => {
    const p = papers.find((x) => x.title.startsWith('How do neurons operate on sparse distributed representations'));
    expect(p?.year).toBe(2016);
    expect(p?.sources.length).toBe(2);
  });
});
