// The HTTP API against a real embedded store built from the sample corpus and a
// fixture with hostile input, served by the real Express app on a free port.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { makeTestStore, SAMPLE_DIR, type TestStore } from '../helpers/sampleStore.ts';
import { startServer } from '../../src/server/serve.ts';
import { ingest } from '../../src/ingest.ts';
import { openEmbeddedStore } from '../../src/store/embedded.ts';
import { expectDocumented } from './openapiCheck.ts';
import type { ConceptResponse, CypherResponse, NeighbourhoodResponse, OverviewResponse, PaperResponse, SearchResponse } from '../../src/graph/model.ts';
import { overviewGraph } from '../../web/src/map/overviewGraph.ts';
import { neighbourhoodGraph } from '../../web/src/map/neighbourhoodGraph.ts';

let testStore: TestStore;
let server: Awaited<ReturnType<typeof startServer>>;
let fixtureDir: string;

const XSS_TITLE = '<img src=x onerror=alert(1)> Spiking networks with STDP';

beforeAll(async () => {
  fixtureDir = mkdtempSync(path.join(os.tmpdir(), 'papergraph-api-'));
  const fixture = path.join(fixtureDir, 'hostile.jsonl');
  writeFileSync(fixture, `${JSON.stringify({ id: 'xss-1', title: XSS_TITLE, abstract: 'Spike-timing-dependent plasticity (STDP) in spiking networks.', year: 2024 })}\n`);
  testStore = await makeTestStore([SAMPLE_DIR, fixture]);
  server = await startServer({ ...testStore.config, console: { ...testStore.config.console, timeoutMs: 2_000, maxRows: 50 } }, { quiet: true });
});

afterAll(async () => {
  await server?.close();
  testStore?.cleanup();
  rmSync(fixtureDir, { recursive: true, force: true });
});

async function get<T>(url: string): Promise<{ status: number; body: T }> {
  const res = await fetch(server.url + url);
  const body = (await res.json()) as T;
  // Every answer of this suite is checked against /api/openapi.json.
  expectDocumented('GET', url, res.status, body);
  return { status: res.status, body };
}

/** Status of a GET sent with If-None-Match (by node:http: fetch adds Cache-Control: no-cache to such a request, which forbids a 304). */
function conditionalStatus(url: string, etag: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get(server.url + url, { headers: { 'if-none-match': etag } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    }).on('error', reject);
  });
}

async function cypher(query: string, params: Record<string, unknown> = {}) {
  const res = await fetch(`${server.url}/api/cypher`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, params }),
  });
  const body = (await res.json()) as CypherResponse & { error?: { code: string; message: string } };
  expectDocumented('POST', '/api/cypher', res.status, body);
  return { status: res.status, body };
}

describe('HTTP API', () => {
  it('binds 127.0.0.1 and reports health with the store counts', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const { status, body } = await get<{ status: string; papers: number; concepts: number; store: string }>('/api/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', store: 'embedded' });
    expect(body.papers).toBe(100);
    expect(body.concepts).toBeGreaterThan(100);
  });

  it('finds STDP by its acronym and by its long form, as one concept', async () => {
    const short = await get<SearchResponse>('/api/search?q=STDP');
    const long = await get<SearchResponse>('/api/search?q=spike-timing-dependent%20plasticity');
    const first = short.body.results.find((r) => r.kind === 'concept');
    expect(first).toBeDefined();
    expect(long.body.results.find((r) => r.kind === 'concept')?.id).toBe(first!.id);
    expect(short.body.results.some((r) => r.kind === 'paper' && r.label.includes('STDP'))).toBe(true);
  });

  it('serves the overview in columns, concepts once each and edges as pairs of their places, read back as a graph with positions, sizes and communities', async () => {
    const { body } = await get<OverviewResponse>('/api/overview?limit=100');
    const { concepts, edges } = body;
    for (const column of Object.values(concepts)) expect(column).toHaveLength(100);
    expect(new Set(concepts.ids).size).toBe(100);
    for (const column of Object.values(edges)) expect(column).toHaveLength(edges.source.length);
    for (let j = 0; j < edges.source.length; j++) {
      expect(concepts.ids[edges.source[j]] < concepts.ids[edges.target[j]]).toBe(true);
      expect(edges.target[j]).toBeLessThan(100);
    }
    const graph = overviewGraph(body);
    expect(graph.nodes.length).toBe(100);
    expect(graph.edges.length).toBeGreaterThan(0);
    const keys = new Set(graph.nodes.map((n) => n.key));
    for (const e of graph.edges) expect(keys.has(e.source) && keys.has(e.target)).toBe(true);
    for (const n of graph.nodes) {
      expect(Number.isFinite(n.attributes.x) && Number.isFinite(n.attributes.y)).toBe(true);
      expect(n.attributes.size).toBeGreaterThan(0);
    }
    expect(body.communities.length).toBeGreaterThan(1);
    expect(body.years.min).toBeLessThanOrEqual(body.years.max!);
  });

  it('sends the overview compressed as the browser accepts it, the same JSON in each encoding, and 304 to a current copy', async () => {
    const url = `${server.url}/api/overview?limit=100`;
    // Raw bytes: node's http, unlike fetch, leaves Content-Encoding to the caller.
    const raw = (encoding: string, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: Buffer }>((resolve, reject) => {
        http.get(url, { headers: { 'accept-encoding': encoding, ...headers } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, bytes: Buffer.concat(chunks) }));
        }).on('error', reject);
      });
    const plain = await raw('identity');
    const br = await raw('gzip, deflate, br');
    const gz = await raw('gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(br.headers['content-encoding']).toBe('br');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(br.headers.vary).toContain('Accept-Encoding');
    expect(br.bytes.length).toBeLessThan(plain.bytes.length / 3);
    const expected = JSON.parse(plain.bytes.toString()) as OverviewResponse;
    expect(overviewGraph(expected).nodes.length).toBe(100);
    expect(JSON.parse(zlib.brotliDecompressSync(br.bytes).toString())).toEqual(expected);
    expect(JSON.parse(zlib.gunzipSync(gz.bytes).toString())).toEqual(expected);
    const etag = br.headers.etag!;
    expect([plain.headers.etag, gz.headers.etag]).toEqual([etag, etag]);
    const again = await raw('br', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.bytes.length).toBe(0);
    expect((await raw('br', { 'if-none-match': 'W/"something-else"' })).status).toBe(200);
    const other = await raw('br', {});
    expect(other.headers.etag).toBe(etag);
    const bigger = await fetch(`${server.url}/api/overview?limit=101`);
    expect(bigger.headers.get('etag')).not.toBe(etag);
  });

  it('opens a concept with its aliases, papers and neighbours, and the papers behind its count', async () => {
    const id = (await get<SearchResponse>('/api/search?q=STDP')).body.results[0].id;
    const { body } = await get<ConceptResponse>(`/api/concepts/${encodeURIComponent(id)}`);
    expect(body.aliases).toContain('STDP');
    expect(body.topPapers.length).toBe(body.papers);
    expect(body.related.length).toBeGreaterThan(0);
    const all = await get<{ total: number; papers: { id: string }[] }>(`/api/concepts/${encodeURIComponent(id)}/papers?limit=500`);
    expect(all.body.total).toBe(body.papers);
  });

  it('expands a neighbourhood with concepts and papers linked to the centre', async () => {
    const id = (await get<SearchResponse>('/api/search?q=STDP')).body.results[0].id;
    const one = neighbourhoodGraph((await get<NeighbourhoodResponse>(`/api/concepts/${encodeURIComponent(id)}/neighbourhood?depth=1&limit=10`)).body);
    const two = neighbourhoodGraph((await get<NeighbourhoodResponse>(`/api/concepts/${encodeURIComponent(id)}/neighbourhood?depth=2&limit=10`)).body);
    expect(one.nodes.some((n) => n.key === id)).toBe(true);
    expect(one.nodes.some((n) => n.attributes.kind === 'paper')).toBe(true);
    expect(one.edges.some((e) => e.attributes.kind === 'mentions' && e.target === id)).toBe(true);
    expect(two.nodes.length).toBeGreaterThan(one.nodes.length);
  });

  it('shows a paper with spans that point at the concept text', async () => {
    const { body } = await get<PaperResponse>('/api/papers/xss-1');
    expect(body.title).toBe(XSS_TITLE);
    expect(body.concepts.length).toBeGreaterThan(0);
    for (const concept of body.concepts) {
      for (const span of concept.spans) {
        const text = span.field === 'title' ? body.title : body.abstract;
        expect(text.slice(span.start, span.end).length).toBe(span.end - span.start);
        expect(span.end).toBeGreaterThan(span.start);
      }
    }
    const stdp = body.concepts.find((c) => c.spans.some((s) => body.abstract.slice(s.start, s.end) === 'STDP'));
    expect(stdp).toBeDefined();
  });

  it('gives the evidence behind an edge: shared papers with the sentence where both occur', async () => {
    const overview = (await get<OverviewResponse>('/api/overview?limit=50')).body;
    const edge = overviewGraph(overview).edges.find((e) => e.attributes.papers >= 2)!;
    const { body } = await get<{ papers: { sentence: string }[]; total: number }>(`/api/evidence?a=${encodeURIComponent(edge.source)}&b=${encodeURIComponent(edge.target)}`);
    expect(body.total).toBe(edge.attributes.papers);
    expect(body.papers.every((p) => p.sentence.length > 0)).toBe(true);
  });

  it('rejects bad input with JSON errors and the right status, never a stack trace', async () => {
    expect((await get('/api/concepts/no-such-concept')).status).toBe(404);
    expect((await get('/api/papers/no-such-paper')).status).toBe(404);
    const badDepth = await get<{ error: { code: string; message: string } }>('/api/concepts/x/neighbourhood?depth=7');
    expect(badDepth.status).toBe(400);
    expect(badDepth.body.error.message).toContain('depth');
    expect((await get('/api/search')).status).toBe(400);
    expect((await get('/api/overview?limit=abc')).status).toBe(400);
    const res = await fetch(`${server.url}/api/cypher`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":' });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toMatch(/at .*\.ts:\d+/);
  });

  it('runs read-only Cypher with a row cap and returns drawable graphs', async () => {
    const rows = await cypher('MATCH (p:Paper) RETURN p.title AS title');
    expect(rows.status).toBe(200);
    expect(rows.body.rows.length).toBe(50);
    expect(rows.body.truncated).toBe(true);
    const graph = await cypher('MATCH (p:Paper)-[m:MENTIONS]->(c:Concept) WHERE p.id = $id RETURN p, m, c', { id: 'xss-1' });
    expect(graph.body.graph?.nodes.some((n) => n.key === 'xss-1')).toBe(true);
    expect(graph.body.graph?.edges.length).toBeGreaterThan(0);
  });

  it('refuses writes (403), reports syntax errors (400) and stops runaway queries (504, never 408)', async () => {
    const write = await cypher("CREATE (:Paper {id: 'evil'})");
    expect(write.status).toBe(403);
    expect(write.body.error?.message).toMatch(/read-only/);
    expect((await cypher('MATCH (n RETURN n')).status).toBe(400);
    // 10^10 rows from two small lists: slow, not big, so the timeout stops it, not the memory limit.
    const slow = await cypher('UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b WITH a + b AS s RETURN sum(s)');
    expect(slow.status).toBe(504);
    expect(slow.body.error?.code).toBe('timeout');
    // The server stays responsive and the console works again after a kill.
    expect((await cypher('MATCH (c:Concept) RETURN count(c) AS n')).status).toBe(200);
    expect((await get<{ papers: number }>('/api/health')).body.papers).toBe(100);
  });

  // Last: it changes the store under the running server.
  it('picks up a graph ingested while it runs, and no answer kept from the old graph outlives it', async () => {
    // Answers are kept per graph (src/server/answerCache.ts): asked twice, the same bytes and a 304 to a current copy.
    const question = `/api/search?q=${encodeURIComponent('Dendritic spikes gate')}`;
    const before = await fetch(server.url + question);
    const beforeBody = (await before.json()) as SearchResponse;
    expect(beforeBody.results.some((r) => r.id === 'later-1')).toBe(false);
    const etag = before.headers.get('etag')!;
    expect(etag).toMatch(/^W\//);
    expect((await (await fetch(server.url + question)).json()) as SearchResponse).toEqual(beforeBody);
    expect(await conditionalStatus(question, etag)).toBe(304);
    const extra = path.join(fixtureDir, 'later.jsonl');
    writeFileSync(extra, `${JSON.stringify({ id: 'later-1', title: 'Dendritic spikes gate plasticity', abstract: 'Dendritic spikes gate synaptic plasticity in pyramidal neurons.', year: 2025 })}\n`);
    const writer = await openEmbeddedStore(testStore.dir);
    await ingest(writer, [extra], { workers: 1 });
    await writer.close();
    let papers = 0;
    for (let i = 0; i < 240 && papers !== 101; i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      papers = (await get<{ papers: number }>('/api/health')).body.papers;
    }
    expect(papers).toBe(101);
    expect((await get<PaperResponse>('/api/papers/later-1')).status).toBe(200);
    expect(await conditionalStatus(question, etag)).toBe(200);
    const after = await fetch(server.url + question);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(((await after.json()) as SearchResponse).results.some((r) => r.id === 'later-1')).toBe(true);
  }, 300_000);
});
