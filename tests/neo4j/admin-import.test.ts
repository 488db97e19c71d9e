// The bulk-import path a user follows (README, "Bulk import with neo4j-admin"), run for
// real: `papergraph export --format neo4j-admin` on an embedded store, then the command
// it printed, run by Neo4j's own importer (org.neo4j.cli.AdminTool, what `neo4j-admin`
// runs, from org.neo4j:neo4j-import-tool on the test server's classpath) into a fresh
// NEO4J_HOME; then a Neo4j 5 started on what the importer wrote, cypher/schema.neo4j.cypher
// applied, and the graph, stats, search, a neighbourhood and bridges compared with the
// embedded store's. Three graphs: awkward values written straight into the store (quotes,
// commas, a line break, nulls, a ";" inside an author), the sample corpus, and a slice of
// the real corpus through the real pipeline.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { GraphStats, KnowledgeGraph, OverviewResponse } from '../../src/graph/model.ts';
import { ingest } from '../../src/ingest.ts';
import { startServer } from '../../src/server/serve.ts';
import { cypherStatements } from '../../src/store/cypherFiles.ts';
import { openEmbeddedStore } from '../../src/store/embedded.ts';
import type { GraphStore } from '../../src/store/GraphStore.ts';
import { openNeo4jStore } from '../../src/store/neo4j.ts';
import { locateCorpus } from '../helpers/neuripsStore.ts';
import { neo4jSkipReason, neo4jUri } from '../helpers/neo4jServer.ts';
import { SAMPLE_DIR } from '../helpers/sampleStore.ts';
import { keyOrdered, storedGraph } from '../helpers/stores.ts';
import { fixtureGraph } from './fixture.ts';
import { resolveClasspath, startNeo4j } from './server/globalSetup.ts';
import { overviewGraph } from '../../web/src/map/overviewGraph.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Papers of the real corpus in the slice: real vocabulary, a short import on two cores. */
const SLICE = 200;

const hasJava = spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0;
/** The importer runs here, beside the test server, so it needs what the server needs. */
const skip = !neo4jUri() ? neo4jSkipReason() : hasJava ? null : 'the neo4j-admin import test needs Java 17 and Maven here';
const corpus = locateCorpus();

/** A ";" inside an author moves the array delimiter to "|", which the printed command must say. */
const awkward: KnowledgeGraph = {
  ...fixtureGraph,
  papers: fixtureGraph.papers.map((p) => (p.id === 'title:3f2a' ? { ...p, authors: ['Smith; J.', 'Doe, A.'] } : p)),
};

interface ImportCase {
  name: string;
  skip: string | null;
  /** The array delimiter the export must choose (no list element contains it). */
  delimiter: string;
  /** Fills the embedded store at `dir`. */
  fill(dir: string, scratch: string): Promise<void>;
  /** Two concept names the bridges request joins. */
  bridge: (overview: OverviewResponse) => [string, string];
}

const CASES: ImportCase[] = [
  {
    name: 'awkward values (quotes, commas, a line break, nulls, a ";" in an author)',
    skip: null,
    delimiter: '|',
    async fill(dir) {
      const store = await openEmbeddedStore(dir);
      try {
        await store.write(awkward);
      } finally {
        await store.close();
      }
    },
    bridge: () => ['STDP', 'dendrites'],
  },
  {
    name: 'the sample corpus',
    skip: null,
    delimiter: ';',
    fill: (dir) => ingestInto(dir, [SAMPLE_DIR]),
    bridge: () => ['STDP', 'catastrophic forgetting'],
  },
  {
    name: `a ${SLICE}-paper slice of the NeurIPS/ICML/ICLR corpus`,
    skip: 'missing' in corpus ? corpus.missing : null,
    delimiter: ';',
    async fill(dir, scratch) {
      const slice = path.join(scratch, 'slice.jsonl');
      const lines = readFileSync((corpus as { file: string }).file, 'utf8').split('\n').slice(0, SLICE);
      writeFileSync(slice, `${lines.join('\n')}\n`);
      await ingestInto(dir, [slice]);
    },
    // The two concepts of the map with the most papers.
    bridge: (overview) => {
      const [a, b] = [...overviewGraph(overview).nodes].sort((x, y) => Number(y.attributes!.papers) - Number(x.attributes!.papers));
      return [String(a.attributes!.label), String(b.attributes!.label)];
    },
  },
];

async function ingestInto(dir: string, papers: string[]): Promise<void> {
  const store = await openEmbeddedStore(dir);
  try {
    await ingest(store, papers, { workers: 1 });
  } finally {
    await store.close();
  }
}

/** Values the CSVs carry in their own syntax: lists (the array delimiter), quotes, line breaks, nulls (absent fields). */
function importedKinds(g: KnowledgeGraph): Record<string, number> {
  const text = (p: KnowledgeGraph['papers'][number]) => `${p.title}${p.abstract ?? ''}`;
  return {
    conceptsWithAliases: g.concepts.filter((c) => c.aliases.length > 1).length,
    papersWithAuthors: g.papers.filter((p) => p.authors.length > 0).length,
    quotedText: g.papers.filter((p) => text(p).includes('"')).length,
    multilineText: g.papers.filter((p) => text(p).includes('\n')).length,
    nullYears: g.papers.filter((p) => p.year === null).length,
  };
}

/** Runs a command to the end, keeping what it printed; a failure carries that output. */
function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd ?? ROOT, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`))));
  });
}

describe.each(CASES)('neo4j-admin import of $name', (importCase) => {
  const why = skip ?? importCase.skip;
  describe.skipIf(why !== null)(why ? `${importCase.name} (skipped: ${why})` : importCase.name, () => {
    let scratch: string;
    let embedded: GraphStore;
    let imported: GraphStore;
    let command: string;
    let importerOutput: string;
    let stopServer = async () => {};
    let servers: Array<Awaited<ReturnType<typeof startServer>>> = [];
    let driver: ReturnType<typeof neo4j.driver>;

    beforeAll(async () => {
      scratch = mkdtempSync(path.join(os.tmpdir(), 'papergraph-admin-import-'));
      const db = path.join(scratch, 'embedded');
      await importCase.fill(db, scratch);

      // 1. The export, through the command line a user runs; it prints the import command.
      const exported = await run('node', ['bin/papergraph.mjs', 'export', '--format', 'neo4j-admin', '--db', db, '--out', path.join(scratch, 'csv')]);
      const printed = /^\s*(neo4j-admin database import full .*)$/m.exec(exported);
      if (!printed) throw new Error(`The export printed no neo4j-admin command:\n${exported}`);
      command = printed[1];

      // 2. That command, word for word, with `neo4j-admin` being Neo4j's own entry point.
      const home = path.join(scratch, 'neo4j-home');
      mkdirSync(path.join(home, 'conf'), { recursive: true });
      writeFileSync(path.join(home, 'conf', 'neo4j.conf'), '');
      // In the scratch directory: the importer writes its import.report where it runs.
      importerOutput = await run('bash', ['-c', `neo4j-admin() { java -XX:+UseSerialGC org.neo4j.cli.AdminTool "$@"; }\n${command}`], {
        cwd: scratch,
        env: { ...process.env, NEO4J_HOME: home, CLASSPATH: resolveClasspath() },
      });

      // 3. A Neo4j 5 on the imported database, then the schema the importer does not create.
      const server = await startNeo4j(1, home);
      stopServer = server.stop;
      driver = neo4j.driver(server.uris[0], neo4j.auth.basic('neo4j', 'papergraph'), { disableLosslessIntegers: true });
      const session = driver.session();
      try {
        for (const statement of cypherStatements('schema', 'neo4j')) await session.run(statement);
      } finally {
        await session.close();
      }

      embedded = await openEmbeddedStore(db);
      imported = await openNeo4jStore({ uri: server.uris[0], user: 'neo4j', password: 'papergraph', database: undefined }, { lockFile: path.join(scratch, 'neo4j.lock') });
      const neo4jConfig = loadConfig(
        { port: '0' },
        { PAPERGRAPH_STORE: 'neo4j', NEO4J_URI: server.uris[0], NEO4J_USER: 'neo4j', NEO4J_PASSWORD: 'papergraph', PAPERGRAPH_STATE_DIR: path.join(scratch, 'state') },
      );
      servers = [
        await startServer(loadConfig({ db, port: '0' }, { PAPERGRAPH_STATE_DIR: path.join(scratch, 'state') }), { quiet: true }),
        await startServer(neo4jConfig, { quiet: true }),
      ];
    }, 1_200_000);

    afterAll(async () => {
      for (const server of servers) await server.close();
      await embedded?.close();
      await imported?.close();
      await driver?.close();
      await stopServer();
      if (scratch) rmSync(scratch, { recursive: true, force: true });
    }, 120_000);

    /** The same request to the server on each store: [embedded, imported Neo4j]. */
    async function both(url: string): Promise<Array<{ status: number; body: unknown }>> {
      return Promise.all(
        servers.map(async (server) => {
          const res = await fetch(server.url + url);
          return { status: res.status, body: keyOrdered(await res.json()) };
        }),
      );
    }

    it('imports every row with the printed command', async () => {
      const stats = await embedded.stats();
      const { broader } = await storedGraph(embedded);
      expect(command).toContain(`--array-delimiter='${importCase.delimiter}'`);
      expect(importerOutput).toContain('IMPORT DONE');
      const count = (what: string) => Number(new RegExp(`(\\d+) ${what}\\n`).exec(importerOutput)?.[1]);
      expect(count('nodes')).toBe(stats.papers + stats.concepts);
      expect(count('relationships')).toBe(stats.mentions + stats.cooccurrences + broader.length);
    });

    it("gives the embedded store's stats: papers, concepts, mentions, co-occurrences, communities, BROADER links", async () => {
      const stats: GraphStats = await embedded.stats();
      expect(stats.papers).toBeGreaterThan(0);
      expect(await imported.stats()).toEqual(stats);
      const session = driver.session({ defaultAccessMode: neo4j.session.READ });
      try {
        const result = await session.run('MATCH (:Concept)-[b:BROADER]->(:Concept) RETURN count(b) AS links');
        expect(result.records[0].get('links')).toBe((await storedGraph(embedded)).broader.length);
      } finally {
        await session.close();
      }
    });

    it('stores every paper, concept and relationship with the same properties', async () => {
      const want = await storedGraph(embedded);
      const got = await storedGraph(imported);
      // What the importer parses apart from plain fields, counted first so a failure names the kind.
      expect(importedKinds(got)).toEqual(importedKinds(want));
      expect(importedKinds(want).conceptsWithAliases).toBeGreaterThan(0);
      expect(got).toEqual(want);
    });

    it('answers full-text search through the index of cypher/schema.neo4j.cypher', async () => {
      const [overview] = await both('/api/overview?limit=100');
      const [label] = importCase.bridge(overview.body as OverviewResponse);
      const session = driver.session({ defaultAccessMode: neo4j.session.READ });
      try {
        // A phrase query: a label may hold Lucene's operators (-, /, :).
        const phrase = `"${label.replace(/["\\]/g, '\\$&')}"`;
        const result = await session.run("CALL db.index.fulltext.queryNodes('papergraph_text', $phrase) YIELD node RETURN count(node) AS hits", { phrase });
        expect(result.records[0].get('hits')).toBeGreaterThan(0);
      } finally {
        await session.close();
      }
    });

    it("answers a neighbourhood and bridges as the embedded store's server does", async () => {
      const [overview] = await both('/api/overview?limit=100');
      const [a, b] = importCase.bridge(overview.body as OverviewResponse);
      const search = await both(`/api/search?q=${encodeURIComponent(a)}`);
      expect(search[1]).toEqual(search[0]);
      const id = (search[0].body as { results: Array<{ id: string }> }).results[0].id;
      const neighbourhood = await both(`/api/concepts/${encodeURIComponent(id)}/neighbourhood?depth=2&limit=10`);
      expect(neighbourhood[0].status).toBe(200);
      expect(neighbourhood[1]).toEqual(neighbourhood[0]);
      const bridges = await both(`/api/bridges?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}&limit=3`);
      expect(bridges[0].status).toBe(200);
      expect(bridges[1]).toEqual(bridges[0]);
    });
  });
});

describe('the awkward graph', () => {
  it('holds what the import must carry: a line break, quotes, a null, a ";" in a list', () => {
    expect(awkward.papers.some((p) => p.title.includes('\n'))).toBe(true);
    expect(awkward.papers.some((p) => p.title.includes('"'))).toBe(true);
    expect(awkward.papers.some((p) => p.year === null)).toBe(true);
    expect(awkward.papers.some((p) => p.authors.some((author) => author.includes(';')))).toBe(true);
  });
});
