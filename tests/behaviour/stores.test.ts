// What a user sees, on both stores: one suite, the same expectations, run against the
// embedded store and against a real Neo4j 5 (tests/neo4j/server). Each store ingests
// the sample corpus (plus a paper with markup in its title) through the real pipeline,
// then serves it with the real server; at the end the two stores' answers to every API
// endpoint and every export format are compared with each other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { ingest, type IngestSummary } from '../../src/ingest.ts';
import { startServer } from '../../src/server/serve.ts';
import { exportGraph } from '../../src/export/index.ts';
import type { GraphStore } from '../../src/store/GraphStore.ts';
import type { BridgesResponse, ConceptResponse, CypherResponse, NeighbourhoodResponse, OverviewResponse, PaperResponse, SearchResponse } from '../../src/graph/model.ts';
import { SAMPLE_DIR } from '../helpers/sampleStore.ts';
import { locateCorpus } from '../helpers/neuripsStore.ts';
import { keyOrdered, storedGraph, STORES, storeTitle, type StoreUnderTest } from '../helpers/stores.ts';
import { overviewGraph } from '../../web/src/map/overviewGraph.ts';

const XSS_TITLE = '<img src=x onerror=alert(1)> Spiking networks with STDP';
/** Papers of the real corpus ingested on top of the sample: enough for real vocabulary, cheap on two cores. */
const SLICE = 300;

let fixtureDir: string;
beforeAll(() => {
  fixtureDir = mkdtempSync(path.join(os.tmpdir(), 'papergraph-both-input-'));
  writeFileSync(
    path.join(fixtureDir, 'hostile.jsonl'),
    `${JSON.stringify({ id: 'xss-1', title: XSS_TITLE, abstract: 'Spike-timing-dependent plasticity (STDP) in spiking networks.', year: 2024 })}\n`,
  );
});
afterAll(() => rmSync(fixtureDir, { recursive: true, force: true }));

/** What each store answered, by request: compared across stores at the end. */
const answers = new Map<string, Map<string, unknown>>();

describe.each(STORES)('$kind', (storeCase) => {
  describe.skipIf(storeCase.skip !== null)(storeTitle(storeCase), () => {
    let target: StoreUnderTest;
    let store: GraphStore;
    let summary: IngestSummary;
    let server: Awaited<ReturnType<typeof startServer>>;
    const seen = new Map<string, unknown>();
    answers.set(storeCase.kind, seen);

    beforeAll(async () => {
      target = await storeCase.make();
      store = await target.open();
      summary = await ingest(store, [SAMPLE_DIR, path.join(fixtureDir, 'hostile.jsonl')], { workers: 1 });
      server = await startServer({ ...target.config, console: { ...target.config.console, timeoutMs: 5_000, maxRows: 50 } }, { quiet: true });
    }, 900_000);
    afterAll(async () => {
      await server?.close();
      await store?.close();
      await target?.cleanup();
    });

    async function get<T>(url: string): Promise<{ status: number; body: T }> {
      const res = await fetch(server.url + url);
      const body = (await res.json()) as T;
      seen.set(`GET ${url}`, { status: res.status, body });
      return { status: res.status, body };
    }

    async function cypher(query: string, params: Record<string, unknown> = {}) {
      const res = await fetch(`${server.url}/api/cypher`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, params }),
      });
      const body = (await res.json()) as CypherResponse & { error?: { code: string; message: string } };
      return { status: res.status, body };
    }

    it('ingests the sample corpus and counts it', async () => {
      expect(summary.stats.papers).toBe(100);
      expect(summary.stats.concepts).toBeGreaterThan(100);
      expect(await store.stats()).toEqual(summary.stats);
      const health = await get<{ store: string; papers: number; concepts: number }>('/api/health');
      expect(health.body).toMatchObject({ store: storeCase.kind, papers: 100, concepts: summary.stats.concepts });
    });

    it('keeps the graph it stored', async () => {
      seen.set('graph', await storedGraph(store));
    });

    it('answers every API endpoint', async () => {
      const search = await get<SearchResponse>('/api/search?q=STDP');
      expect(search.status).toBe(200);
      const stdp = search.body.results[0];
      expect(stdp.label.toLowerCase()).toContain('spike');
      const overview = await get<OverviewResponse>('/api/overview?limit=100');
      expect(overview.status).toBe(200);
      const map = overviewGraph(overview.body);
      expect(map.nodes.length).toBe(100);
      const id = encodeURIComponent(stdp.id);
      const concept = await get<ConceptResponse>(`/api/concepts/${id}`);
      expect(concept.status).toBe(200);
      expect((await get<NeighbourhoodResponse>(`/api/concepts/${id}/neighbourhood?depth=2&limit=10`)).body.concepts.ids.length).toBeGreaterThan(1);
      const papers = await get<{ total: number; papers: { id: string }[] }>(`/api/concepts/${id}/papers?limit=500`);
      expect(papers.body.papers.length).toBe(papers.body.total);
      const paper = await get<PaperResponse>('/api/papers/xss-1');
      expect(paper.status).toBe(200);
      expect(paper.body.title).toBe(XSS_TITLE);
      const edge = map.edges[0];
      const evidence = await get<{ total: number }>(`/api/evidence?a=${encodeURIComponent(edge.source)}&b=${encodeURIComponent(edge.target)}`);
      expect(evidence.body.total).toBeGreaterThan(0);
      const community = map.nodes[0].attributes!.community;
      expect((await get(`/api/communities/${community}`)).status).toBe(200);
      expect((await get('/api/topics?q=plasticity&limit=20')).status).toBe(200);
      expect((await get('/api/examples')).status).toBe(200);
      expect((await get('/api/concepts/no-such-concept')).status).toBe(404);
      expect((await get('/api/papers/no-such-paper')).status).toBe(404);
      expect((await get('/api/search')).status).toBe(400);
    });

    it('finds the bridges between two topics', async () => {
      const ok = await get<BridgesResponse>('/api/bridges?a=STDP&b=catastrophic%20forgetting&limit=3');
      expect(ok.status).toBe(200);
      expect(ok.body.b.label).toBe('catastrophic forgetting');
      expect(ok.body.paths.length).toBeGreaterThan(0);
      expect((await get('/api/bridges?a=STDP&b=xyzzy')).status).toBe(404);
    });

    it('answers console reads, and draws the nodes and relationships', async () => {
      const { status, body } = await cypher('MATCH (p:Paper)-[m:MENTIONS]->(c:Concept) WHERE p.id = $id RETURN p, m, c ORDER BY c.id', { id: 'xss-1' });
      expect(status).toBe(200);
      expect(body.rows.length).toBeGreaterThan(0);
      expect(body.graph!.nodes.map((n) => n.key)).toContain('xss-1');
      expect(body.graph!.edges.length).toBe(body.rows.length);
      // Relationship keys are each driver's internal ids; what they join is what a user sees.
      // Two differences of the engines, not of papergraph: Neo4j keeps each write's `run` stamp on
      // what it wrote (README, "How the graph is stored"), and it stores no property whose value
      // is null, where the embedded store returns the null.
      const edges = body.graph!.edges.map((e) => [e.source, e.target, e.attributes]);
      seen.set('console', asEitherEngineReturns({ columns: body.columns, rows: body.rows, nodes: body.graph!.nodes, edges }));
      const capped = await cypher('MATCH (p:Paper) RETURN p.id AS id ORDER BY id');
      expect(capped.body.rows).toHaveLength(50);
      expect(capped.body.truncated).toBe(true);
    });

    it('refuses writes, file access, plugins and server settings in the console, and keeps the graph', async () => {
      for (const query of [
        "CREATE (:Paper {id: 'x'})",
        'MATCH (n) DETACH DELETE n',
        "MATCH (c:Concept) SET c.label = 'x'",
        "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
        "CALL apoc.load.json('file:///etc/passwd')",
        'CALL dbms.listConfig()',
      ]) {
        const { status, body } = await cypher(query);
        expect({ query, status, code: body.error?.code }).toEqual({ query, status: 403, code: 'forbidden' });
      }
      expect((await store.stats()).papers).toBe(100);
    });

    it('exports the stored graph in every format', async () => {
      for (const format of ['json', 'graphml', 'gexf', 'vosviewer', 'thesaurus']) {
        const chunks: Buffer[] = [];
        const out = new PassThrough();
        out.on('data', (chunk: Buffer) => chunks.push(chunk));
        await exportGraph(store, format, null, () => out);
        const text = Buffer.concat(chunks).toString('utf8');
        expect(text.length).toBeGreaterThan(1000);
        seen.set(`export ${format}`, text);
      }
      for (const format of ['csv', 'neo4j-admin']) {
        const dir = path.join(fixtureDir, `${storeCase.kind}-${format}`);
        await exportGraph(store, format, dir, () => new PassThrough());
        const files = Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
        expect(Object.keys(files).length).toBeGreaterThanOrEqual(4);
        seen.set(`export ${format}`, files);
      }
    }, 300_000);

    it('keeps every stored paper when an ingest fails part-way; ingesting the same input again gives the same graph', async () => {
      const before = await storedGraph(store);
      const failing = ingest(store, [path.join(fixtureDir, 'hostile.jsonl')], {
        workers: 1,
        reset: true,
        progress: (phase, done) => {
          if (phase === 'mentions' && done > 0) throw new Error('disk full (simulated)');
        },
      });
      await expect(failing).rejects.toThrow();
      const after = new Set((await store.papers()).map((p) => p.id));
      for (const p of before.papers) expect(after.has(p.id)).toBe(true);
      // The same input as the first ingest, as a user re-runs it: the same graph, whatever the failure left.
      await ingest(store, [SAMPLE_DIR, path.join(fixtureDir, 'hostile.jsonl')], { workers: 1, reset: true });
      expect(await storedGraph(store)).toEqual(before);
    }, 900_000);

    it.skipIf('missing' in locateCorpus())(`ingests a slice of the real corpus (${SLICE} papers), and the running server picks it up`, async () => {
      const corpus = locateCorpus() as { file: string };
      const slice = path.join(fixtureDir, 'slice.jsonl');
      writeFileSync(slice, `${readFileSync(corpus.file, 'utf8').split('\n').slice(0, SLICE).join('\n')}\n`);
      const result = await ingest(store, [slice], { workers: 1 });
      expect(result.stats.papers).toBe(100 + SLICE);
      expect(result.stats.concepts).toBeGreaterThan(summary.stats.concepts);
      seen.set('slice stats', result.stats);
      seen.set('slice graph', await storedGraph(store));
      let papers = 0;
      for (let i = 0; i < 60 && papers !== 100 + SLICE; i++) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        papers = (await get<{ papers: number }>('/api/health')).body.papers;
      }
      expect(papers).toBe(100 + SLICE);
    }, 900_000);
  });
});

/** A console answer without Neo4j's `run` stamps and without properties whose value is null. */
function asEitherEngineReturns(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asEitherEngineReturns);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k, v]) => k !== 'run' && v !== null).map(([k, v]) => [k, asEitherEngineReturns(v)]));
  }
  return value;
}

describe.skipIf(STORES.some((s) => s.skip !== null))('the two stores answer alike', () => {
  it('gives the same answer to every request, console query and export', () => {
    const embedded = answers.get('embedded')!;
    const neo4j = answers.get('neo4j')!;
    expect([...neo4j.keys()].sort()).toEqual([...embedded.keys()].sort());
    for (const [request, answer] of embedded) {
      if (request === 'GET /api/health') continue; // names the store
      expect({ request, answer: keyOrdered(neo4j.get(request)) }).toEqual({ request, answer: keyOrdered(answer) });
    }
  });
});
