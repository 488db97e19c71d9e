import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, dedupePapers, readCorpus } from '../../src/corpus/index.ts';

const fixture = (name: string) => join('tests/corpus/fixtures', name);

const tempDirs: string[] = [];
afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tempFile(name: string, content: string | Uint8Array): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'papergraph-corpus-'));
  tempDirs.push(dir);
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('bad input', () => {
  it('reports an empty file and reads the other inputs', async () => {
    const empty = await tempFile('empty.jsonl', '');
    const { records, problems } = await readCorpus([empty, fixture('refs.ris')]);
    expect(records).toHaveLength(1);
    expect(problems).toEqual([{ file: empty, line: null, severity: 'warning', message: 'file is empty' }]);
  });

  it('skips a binary file with one error', async () => {
    const binary = await tempFile('paper.txt', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x0a, 0x00, 0x01, 0x02, 0xff, 0x00]));
    const { records, problems } = await readCorpus([binary, fixture('refs.ris')]);
    expect(records).toHaveLength(1);
    expect(problems).toEqual([expect.objectContaining({ file: binary, line: 2, severity: 'error', message: expect.stringContaining('binary file') })]);
  });

  it('decodes UTF-8 with BOM, UTF-16 LE/BE with BOM, and Windows-1252 with a warning', async () => {
    const csv = 'title,abstract\nCafé “Neurons” Über Dendriten,Ein Abstract über Synapsen.\n';
    const utf8 = await tempFile('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]));
    const le = await tempFile('le.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]));
    const beBody = Buffer.from(csv, 'utf16le').swap16();
    const be = await tempFile('be.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), beBody]));
    const cp1252 = await tempFile('latin.csv', Buffer.from([...Buffer.from('title,abstract\n', 'latin1'), ...Buffer.from('Caf\xe9 ', 'latin1'), 0x93, ...Buffer.from('Neurons', 'latin1'), 0x94, ...Buffer.from(' \xdcber Dendriten,Ein Abstract \xfcber Synapsen.\n', 'latin1')]));
    for (const file of [utf8, le, be, cp1252]) {
      const { records, problems } = await readCorpus([file]);
      expect(records[0]?.title).toBe('Café “Neurons” Über Dendriten');
      expect(records[0]?.abstract).toBe('Ein Abstract über Synapsen.');
      if (file === cp1252) expect(problems).toEqual([expect.objectContaining({ severity: 'warning', line: 2, message: expect.stringContaining('Windows-1252') })]);
      else expect(problems).toEqual([]);
    }
  });

  it('names the columns it found and the ones it accepts when a CSV has no title column', async () => {
    const { problems } = await readCorpus([fixture('no-title.csv'), fixture('refs.ris')]);
    expect(problems[0]).toMatchObject({ severity: 'error', line: 1 });
    expect(problems[0].message).toContain('"name", "summary text", "when"');
    expect(problems[0].message).toContain('document title');
  });

  it('reads the complete records of a truncated JSON array and names the line where it breaks', async () => {
    const { records, problems } = await readCorpus([fixture('truncated.json')]);
    expect(records.map((r) => r.id)).toEqual(['a1', 'a2']);
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', line: 4 })]);
  });

  it('reports a bad JSONL line and a title-less record by line, and reads the rest', async () => {
    const { records, problems } = await readCorpus([fixture('papers.jsonl')]);
    expect(records.map((r) => r.title)).toEqual(['Spike-timing-dependent plasticity rules', 'Second record', 'A different paper reusing id p1']);
    expect(problems.filter((p) => p.severity === 'error').map((p) => [p.line, p.message.split(';')[0]])).toEqual([
      [3, expect.stringContaining('not valid JSON')],
      [5, 'record has no title'],
    ]);
  });

  it('keeps two papers that reuse one explicit id with different titles, warns naming both lines, and gives them distinct ids', async () => {
    const file = fixture('papers.jsonl');
    const { records, problems } = await readCorpus([file]);
    expect(problems).toContainEqual({ file, line: 4, severity: 'warning', message: expect.stringContaining(`${file}:1`) });
    const { papers } = dedupePapers(records);
    const ids = papers.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(papers.find((p) => p.title === 'Spike-timing-dependent plasticity rules')?.id).toBe('p1');
    expect(papers.find((p) => p.title === 'A different paper reusing id p1')?.id).toMatch(/^title:/);
  });

  it('cuts a 10 MB abstract at a sentence end under 20,000 characters with a warning naming the line', async () => {
    const huge = 'Dendrites compute. '.repeat(550_000);
    const file = await tempFile('huge.jsonl', `{"id":"small","title":"Small","abstract":"Fine."}\n${JSON.stringify({ id: 'huge', title: 'Huge abstract paper', abstract: huge })}\n`);
    const { records, problems } = await readCorpus([file]);
    const paper = records.find((r) => r.id === 'huge')!;
    expect(paper.abstract.length).toBeLessThanOrEqual(20_000);
    expect(paper.abstract.length).toBeGreaterThan(19_000);
    expect(paper.abstract.endsWith('compute.')).toBe(true);
    expect(problems).toEqual([expect.objectContaining({ file, line: 2, severity: 'warning', message: expect.stringContaining('cut to') })]);
  });

  it('reports a path that does not exist and reads the others', async () => {
    const { records, problems } = await readCorpus(['tests/corpus/fixtures/nope.bib', fixture('refs.ris')]);
    expect(records).toHaveLength(1);
    expect(problems).toEqual([{ file: 'tests/corpus/fixtures/nope.bib', line: null, severity: 'error', message: 'no such file or directory' }]);
  });

  it('throws InputError when nothing could be read at all', async () => {
    await expect(readCorpus(['tests/corpus/fixtures/nope.bib'])).rejects.toBeInstanceOf(InputError);
    await expect(readCorpus(['tests/corpus/fixtures/nope.bib'])).rejects.toThrow(/nope\.bib: error: no such file or directory/);
  });

  it('throws InputError under strict when any problem is an error, and not for warnings only', async () => {
    await expect(readCorpus([fixture('papers.jsonl')], { strict: true })).rejects.toMatchObject({ problems: expect.arrayContaining([expect.objectContaining({ line: 3 })]) });
    await expect(readCorpus([fixture('openalex-works.json')], { strict: true })).resolves.toMatchObject({ files: 1 });
  });
});
