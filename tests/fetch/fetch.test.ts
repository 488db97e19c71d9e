// `papergraph fetch` as a user runs it (a real process) against a local server replaying
// real recorded responses of OpenAlex, arXiv and PubMed: paging, polite-use parameters,
// rate limits, retries, an interrupted run resumed, and --ingest.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/corpus/index.ts';
import { recorded, startReplay, type ReplayServer } from './replayServer.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/papergraph.mjs');
const work = mkdtempSync(path.join(os.tmpdir(), 'papergraph-fetch-'));
let server: ReplayServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function envFor(url: string) {
  return {
    ...process.env,
    PAPERGRAPH_OPENALEX_URL: url,
    PAPERGRAPH_ARXIV_URL: `${url}/api/query`,
    PAPERGRAPH_EUTILS_URL: `${url}/eutils`,
    PAPERGRAPH_DB: path.join(work, 'store'),
    PAPERGRAPH_STORE: 'embedded',
    PAPERGRAPH_MAILTO: 'researcher@example.org',
    NCBI_API_KEY: '',
  };
}

/** Runs the CLI to its end, asynchronously (the replay server lives in this process). */
function papergraph(args: string[], url: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: envFor(url) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const openalexRoute = (params: URLSearchParams) => {
  const cursor = params.get('cursor');
  if (cursor === '*') return { body: recorded('openalex-page-1.json') };
  if (cursor === JSON.parse(recorded('openalex-page-1.json')).meta.next_cursor) return { body: recorded('openalex-page-2.json') };
  return { body: recorded('openalex-last-page.json') };
};

describe('papergraph fetch openalex', () => {
  it('walks the cursor pages with mailto, the year filter and 200 per page, retries a 429 after Retry-After, and writes .jsonl.gz that ingest reads', async () => {
    server = await startReplay(openalexRoute);
    server.script.push({ status: 429, headers: { 'retry-after': '1' }, body: '{"error":"Too Many Requests"}' });
    const out = path.join(work, 'snn.jsonl.gz');
    const run = await papergraph(['fetch', 'openalex', 'machine learning public health', '--from', '2014', '--max', '5000', '--out', out], server.url);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Fetched 5 records from OpenAlex \(5 match\) in 4 requests \(1 retried\), [\d.]+ s → .*snn\.jsonl\.gz\n$/);
    const [rejected, first, second, last] = server.log;
    expect(second.at - rejected.at).toBeGreaterThanOrEqual(950);
    expect(first.params.get('cursor')).toBe('*');
    expect(Object.fromEntries(first.params)).toMatchObject({ search: 'machine learning public health', filter: 'from_publication_date:2014-01-01', 'per-page': '200', mailto: 'researcher@example.org' });
    expect(second.params.get('cursor')).toBe(JSON.parse(recorded('openalex-page-1.json')).meta.next_cursor);
    expect(last.params.get('cursor')).toBe(JSON.parse(recorded('openalex-page-2.json')).meta.next_cursor);
    const { records } = await readCorpus([out]);
    expect(records.map((r) => r.title)).toEqual(JSON.parse(recorded('openalex-page-1.json')).results.concat(JSON.parse(recorded('openalex-page-2.json')).results).map((w: { title: string }) => w.title));
    expect(records[0]).toMatchObject({ id: 'doi:10.4081/gh.2014.294', openalexId: 'W2068311567', keywords: ['Exposure Assessment'] });
    expect(JSON.parse(readFileSync(`${out}.state.json`, 'utf8'))).toMatchObject({ done: true, written: 5, cursor: null });
  });

  it('resumes an interrupted run from the state file: no page fetched twice, no record written twice', async () => {
    server = await startReplay(openalexRoute);
    const out = path.join(work, 'resume.jsonl.gz');
    // The second page never answers: the run is killed while it waits, as by Ctrl-C or a lost laptop lid.
    server.script.push({ body: recorded('openalex-page-1.json') }, 'hold');
    const child = spawn(process.execPath, [BIN, 'fetch', 'openalex', 'machine learning', '--max', '100', '--out', out], { env: envFor(server.url) });
    const stateFile = `${out}.state.json`;
    for (let i = 0; i < 600 && !(existsSync(stateFile) && JSON.parse(readFileSync(stateFile, 'utf8')).written === 3); i++) await new Promise((r) => setTimeout(r, 50));
    while (server.log.length < 2) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('close', r));
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toMatchObject({ written: 3, done: false });

    const before = server.log.length;
    const again = await papergraph(['fetch', 'openalex', 'machine learning', '--max', '100', '--out', out], server.url);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Fetched 5 records from OpenAlex');
    expect(again.stdout).toContain('resumed after 3');
    expect(server.log.slice(before).map((l) => l.params.get('cursor'))).toEqual([
      JSON.parse(recorded('openalex-page-1.json')).meta.next_cursor,
      JSON.parse(recorded('openalex-page-2.json')).meta.next_cursor,
    ]);
    const { records } = await readCorpus([out]);
    expect(records).toHaveLength(5);
    expect(new Set(records.map((r) => r.id)).size).toBe(5);

    // A finished fetch run again asks nothing of the source.
    const done = await papergraph(['fetch', 'openalex', 'machine learning', '--max', '100', '--out', out], server.url);
    expect(done.stdout).toContain('Fetched 5 records');
    expect(server.log.length).toBe(before + 2);
  });

  it('refuses to overwrite a file that is not its own, and a state file of another query', async () => {
    server = await startReplay(openalexRoute);
    const out = path.join(work, 'snn.jsonl.gz');
    const other = await papergraph(['fetch', 'openalex', 'dendrites', '--out', out], server.url);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('belongs to another fetch');
    expect(server.log).toEqual([]);
  });
});

describe('papergraph fetch arxiv', () => {
  it('pages the API with a 3 s pause, builds the query, and stops at an empty page', async () => {
    server = await startReplay((params) => ({ body: recorded(params.get('start') === '0' ? 'arxiv-electron.xml' : 'arxiv-empty.xml') }));
    const out = path.join(work, 'electron.jsonl');
    const run = await papergraph(['fetch', 'arxiv', 'electron', '--from', '2003', '--max', '5', '--out', out], server.url);
    expect(run.code).toBe(0);
    const [first, second] = server.log;
    expect(first.params.get('search_query')).toBe('(all:electron) AND submittedDate:[200301010000 TO 999912312359]');
    expect(Object.fromEntries(first.params)).toMatchObject({ start: '0', max_results: '5', sortBy: 'submittedDate' });
    expect(second.params.get('start')).toBe('1');
    expect(second.at - first.at).toBeGreaterThanOrEqual(2_900);
    const { records } = await readCorpus([out]);
    expect(records).toEqual([expect.objectContaining({ id: 'arxiv:hep-ex/0307015', title: 'Multi-Electron Production at High Transverse Momenta in ep Collisions at HERA', authors: ['H1 Collaboration'] })]);
  });

  it('reports the error arXiv answers for a bad query, and exits 1', async () => {
    server = await startReplay(() => ({ body: recorded('arxiv-error.xml') }));
    const run = await papergraph(['fetch', 'arxiv', 'id:1234.12345', '--out', path.join(work, 'bad.jsonl')], server.url);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('arXiv refused the query');
    expect(run.stderr).toContain('incorrect id format for 1234.12345');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('papergraph fetch pubmed', () => {
  it('searches with usehistory, pages efetch through the WebEnv with tool and email, retries a 503, and --ingest stores the papers', async () => {
    server = await startReplay((params, where) => {
      if (where.endsWith('/esearch.fcgi')) return { body: recorded('esearch-usehistory.xml') };
      return { body: recorded(params.get('retstart') === '0' ? 'efetch-1.xml' : 'efetch-2.xml') };
    });
    server.script.push({ status: 503, body: 'Service Unavailable' });
    const out = path.join(work, 'pesticides.jsonl.gz');
    const run = await papergraph(['fetch', 'pubmed', 'pesticide exposure', '--from', '2015', '--out', out, '--ingest'], server.url);
    expect(run.code).toBe(0);
    const [failed, search, page1, page2] = server.log;
    expect(failed.path).toBe('/eutils/esearch.fcgi');
    expect(Object.fromEntries(search.params)).toMatchObject({ db: 'pubmed', term: 'pesticide exposure', usehistory: 'y', mindate: '2015', datetype: 'pdat', tool: 'papergraph', email: 'researcher@example.org' });
    expect(Object.fromEntries(page1.params)).toMatchObject({ WebEnv: 'MCID_6927d6e7fee3e90f880ec190', query_key: '1', retstart: '0', retmode: 'xml', tool: 'papergraph' });
    expect(page2.params.get('retstart')).toBe('1');
    // 334 ms between request starts; arrival times here can be a few tens of ms closer.
    expect(page2.at - page1.at).toBeGreaterThanOrEqual(250);
    expect(run.stdout).toMatch(/Fetched 2 records from PubMed \(2 match\) in 4 requests \(1 retried\)/);
    const stats = JSON.parse(spawnSync(process.execPath, [BIN, 'stats', '--json'], { env: envFor(server.url), encoding: 'utf8' }).stdout);
    expect(stats.papers).toBe(2);
  });
});
