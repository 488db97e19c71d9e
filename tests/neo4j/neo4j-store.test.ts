// The Neo4j store. What needs no server runs always: a closed port, an HTTP port and a
// malformed URI each give the StoreError a user can act on. The integration suite
// runs against a real Neo4j 5: the test server tests/neo4j/server starts
// (`npm run test:neo4j`, or PAPERGRAPH_NEO4J=1), or NEO4J_URI. It REPLACES the
// papergraph graph in that database, so point NEO4J_URI only at a throw-away one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import net from 'node:net';
import { ingest } from '../../src/ingest.ts';
import { openNeo4jStore } from '../../src/store/neo4j.ts';
import { StoreError, type GraphStore } from '../../src/store/GraphStore.ts';
import type { KnowledgeGraph } from '../../src/graph/model.ts';
import { neo4jSettings, neo4jSkipReason, neo4jUri } from '../helpers/neo4jServer.ts';
import { SAMPLE_DIR } from '../helpers/sampleStore.ts';
import { fixtureGraph, smallerGraph } from './fixture.ts';

const settings = (uri: string) => ({ uri, user: 'neo4j', password: 'not-the-password', database: undefined });

/** A port nothing listens on: bind an ephemeral one, then release it. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('Neo4j store without a server', () => {
  it('says Neo4j is not reachable, and how to start it, when nothing listens on the port', async () => {
    const uri = `bolt://127.0.0.1:${await closedPort()}`;
    const error = await openNeo4jStore(settings(uri)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'unavailable' });
    expect((error as Error).message).toBe(
      `Neo4j is not reachable at ${uri}: is it running? Try \`docker compose up -d neo4j\` and wait until \`docker compose ps\` shows it healthy.`,
    );
  });

  it('points at the Bolt port when NEO4J_URI names an HTTP port', async () => {
    const server = net.createServer((socket) => socket.on('data', () => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const uri = `bolt://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
    try {
      const error = await openNeo4jStore(settings(uri)).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'unavailable' });
      expect((error as Error).message).toMatch(/HTTP port .*bolt:\/\/localhost:7687/);
    } finally {
      server.close();
    }
  });

  it('rejects a URI that is not a Neo4j address', async () => {
    const error = await openNeo4jStore(settings('http://localhost:7474')).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unavailable' });
    expect((error as Error).message).toMatch(/NEO4J_URI "http:\/\/localhost:7474" is not a Neo4j address/);
  });
});

const NEO4J_URI = neo4jUri();
if (!NEO4J_URI) console.warn(neo4jSkipReason());

const LIMITS = { timeoutMs: 5_000, maxRows: 1_000 };
const EMPTY: KnowledgeGraph = { papers: [], concepts: [], mentions: [], cooccurrences: [], broader: [] };

describe.runIf(NEO4J_URI)('Neo4j store against a real Neo4j 5', () => {
  let store: GraphStore;

  beforeAll(async () => {
    store = await openNeo4jStore(neo4jSettings());
    // An empty write removes every Paper and Concept: the suite starts from nothing.
    await store.write(EMPTY);
  });
  afterAll(async () => {
    await store?.write(EMPTY);
    await store?.close();
  });

  const dump = async () => ({
    stats: await store.stats(),
    papers: await store.papers(),
    concepts: await store.run('snapshot-concepts'),
    edges: (await store.run('snapshot-cooccurs')).sort((a, b) => `${a.source} ${a.target}`.localeCompare(`${b.source} ${b.target}`)),
    mentions: (await store.run('snapshot-mentions')).sort((a, b) => `${a.paper} ${a.concept}`.localeCompare(`${b.paper} ${b.concept}`)),
  });

  it('reports an empty store before the first ingest', async () => {
    expect(await store.stats()).toEqual({ papers: 0, concepts: 0, mentions: 0, cooccurrences: 0, merged: 0, communities: 0 });
    expect(await store.papers()).toEqual([]);
    await expect(store.run('snapshot-concepts')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('writes a graph and counts it', async () => {
    const phases = new Map<string, [number, number]>();
    await store.write(fixtureGraph, (phase, done, total) => phases.set(phase, [done, total]));
    expect(await store.stats()).toEqual({ papers: 3, concepts: 3, mentions: 5, cooccurrences: 1, merged: 1, communities: 2 });
    expect(phases.get('papers')).toEqual([3, 3]);
    expect(phases.get('mentions')).toEqual([5, 5]);
    expect(phases.get('co-occurrences')).toEqual([1, 1]);
  });

  it('returns papers exactly as written: quotes, line breaks, nulls, empty lists', async () => {
    expect(await store.papers()).toEqual([...fixtureGraph.papers].sort((a, b) => a.id.localeCompare(b.id)));
  });

  it('runs named queries with parameters', async () => {
    const [paper] = await store.run('paper', { id: 'arxiv:2101.00001' });
    expect(paper).toMatchObject({ id: 'arxiv:2101.00001', year: 2021, doi: '10.1/x', authors: ['Ada Lovelace', 'Alan Turing'] });
    const mentions = await store.run('paper-mentions', { id: 'arxiv:2101.00001' });
    expect(mentions.map((m) => m.id)).toEqual(['spike timing dependent plasticity', 'dendrite']);
    expect(JSON.parse(String(mentions[0].spans))).toEqual(fixtureGraph.mentions.at(0)!.spans);
    expect(await store.run('paper', { id: 'no such paper' })).toEqual([]);
  });

  it('stores counts as INTEGER and scores as FLOAT, even a score of 0', async () => {
    const { rows } = await store.console(
      'MATCH (c:Concept {id: $id}) RETURN valueType(c.community) AS community, valueType(c.papers) AS papers, valueType(c.betweenness) AS betweenness',
      { id: 'dendrite' },
      LIMITS,
    );
    expect(rows).toEqual([['INTEGER NOT NULL', 'INTEGER NOT NULL', 'FLOAT NOT NULL']]);
  });

  it('finds concepts by alias and papers by title through the full-text index', async () => {
    const { rows } = await store.console(
      "CALL db.index.fulltext.queryNodes('papergraph_text', 'STDP') YIELD node RETURN node.id AS id",
      {},
      LIMITS,
    );
    expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining(['spike timing dependent plasticity', 'arxiv:2101.00001']));
  });

  it('answers console reads with rows, nodes named by their ids and relationships between them', async () => {
    const result = await store.console('MATCH (p:Paper)-[m:MENTIONS]->(c:Concept) RETURN p, m, c.label AS label', {}, LIMITS);
    expect(result.columns).toEqual(['p', 'm', 'label']);
    expect(result.rows).toHaveLength(5);
    expect(result.truncated).toBe(false);
    const ids = new Set(result.nodes.map((n) => n.id));
    expect(ids).toEqual(new Set(fixtureGraph.papers.map((p) => p.id)));
    // Only the papers are in the result, so no relationship has both ends in it.
    expect(result.relationships).toEqual([]);
    const full = await store.console('MATCH path = (:Paper)-[:MENTIONS]->(:Concept) RETURN path', {}, LIMITS);
    expect(full.relationships).toHaveLength(5);
    const fullIds = new Set(full.nodes.map((n) => n.id));
    for (const r of full.relationships) expect(fullIds.has(r.start) && fullIds.has(r.end)).toBe(true);
    expect(full.relationships.every((r) => r.type === 'MENTIONS')).toBe(true);
  });

  it('caps the rows and says so', async () => {
    const capped = await store.console('UNWIND range(1, 50) AS i RETURN i', {}, { ...LIMITS, maxRows: 10 });
    expect(capped.rows).toEqual(Array.from({ length: 10 }, (_, i) => [i + 1]));
    expect(capped.truncated).toBe(true);
    const whole = await store.console('UNWIND range(1, 50) AS i RETURN i', {}, { ...LIMITS, maxRows: 50 });
    expect(whole.truncated).toBe(false);
  });

  it('refuses writes and file access in the console and leaves the graph alone', async () => {
    for (const query of [
      "CREATE (:Paper {id: 'x'})",
      "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
      'MATCH (n) DETACH DELETE n',
      // Issue 12's Neo4j variants: a back-ticked alias before LOAD CSV, a back-ticked APOC call, settings.
      "WITH 1 AS `x` LOAD CSV FROM 'http://127.0.0.1:9/x' AS l RETURN l",
      "CALL `apoc.load.json`('file:///etc/passwd')",
      'CALL dbms.listConfig()',
      'CALL { MATCH (n) RETURN n } IN TRANSACTIONS RETURN 1',
    ]) {
      await expect(store.console(query, {}, LIMITS)).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect((await store.stats()).papers).toBe(3);
  });

  it('reports syntax errors, missing parameters and timeouts as console errors', async () => {
    await expect(store.console('MATCH (c:Concept RETURN c', {}, LIMITS)).rejects.toMatchObject({ code: 'syntax' });
    await expect(store.console('MATCH (c:Concept {id: $id}) RETURN c', {}, LIMITS)).rejects.toMatchObject({ code: 'bad_params' });
    await expect(
      store.console('UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN count(*) AS n', {}, { ...LIMITS, timeoutMs: 500 }),
    ).rejects.toMatchObject({ code: 'timeout' });
  });

  it('stores the same graph when the same graph is written again', async () => {
    const before = await dump();
    await store.write(fixtureGraph);
    expect(await dump()).toEqual(before);
  });

  it('removes papers, concepts and edges a smaller graph no longer has', async () => {
    await store.write(smallerGraph());
    expect(await store.stats()).toEqual({ papers: 2, concepts: 2, mentions: 4, cooccurrences: 1, merged: 1, communities: 1 });
    expect(await store.run('paper', { id: 'arxiv:2101.00002' })).toEqual([]);
    const { rows } = await store.console("MATCH (c:Concept {id: 'catastrophic forgetting'}) RETURN c", {}, LIMITS);
    expect(rows).toEqual([]);
  });

  it('ingests the sample corpus through the real pipeline, and again to the same graph', async () => {
    await store.write(EMPTY);
    await ingest(store, [SAMPLE_DIR], { workers: 1 });
    const before = await dump();
    expect(before.stats.papers).toBeGreaterThan(10);
    expect(before.stats.concepts).toBeGreaterThan(100);
    await ingest(store, [SAMPLE_DIR], { workers: 1 });
    expect(await dump()).toEqual(before);
    // Two full ingests; the sample's 85k co-occurrence MERGEs take minutes on a loaded two-core machine.
  }, 900_000);

  it('searches the ingested sample through the full-text index: phrases, aliases and prefixes, best first', async () => {
    const search = async (q: string) =>
      (await store.console(
        "CALL db.index.fulltext.queryNodes('papergraph_text', $q) YIELD node, score RETURN node.id AS id, labels(node) AS labels, coalesce(node.label, node.title) AS name, score",
        { q },
        LIMITS,
      )).rows.map(([id, labels, name, score]) => ({ id: String(id), label: (labels as string[])[0], name: String(name), score: Number(score) }));
    const phrase = await search('"catastrophic forgetting"');
    expect(phrase.length).toBeGreaterThan(0);
    expect(phrase.map((h) => h.score)).toEqual([...phrase.map((h) => h.score)].sort((a, b) => b - a));
    expect(phrase.some((h) => h.label === 'Concept' && h.id === 'catastrophic forgetting')).toBe(true);
    for (const hit of phrase) expect(hit.name.toLowerCase()).toMatch(/catastrophic\W+forgetting/);
    const papers = await store.papers();
    const titled = papers.filter((p) => /catastrophic\W+forgetting/i.test(p.title)).map((p) => p.id);
    expect(phrase.filter((h) => h.label === 'Paper').map((h) => h.id).sort()).toEqual(expect.arrayContaining(titled.sort()));
    // An alias finds its concept: STDP is an alias, not the label.
    const alias = await search('STDP');
    expect(alias.some((h) => h.label === 'Concept' && /spike.timing.dependent plasticity/i.test(h.name))).toBe(true);
    const prefix = await search('dendrit*');
    expect(prefix.length).toBeGreaterThan(0);
    for (const hit of prefix) expect(hit.name.toLowerCase()).toContain('dendrit');
  });
});
