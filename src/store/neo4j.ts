// The Neo4j store: neo4j-driver against a Neo4j 5 server (docker compose, a cluster
// or Aura). It runs the same cypher/ files as the embedded store, preferring a
// `.neo4j.cypher` twin where the dialects differ.
//
// Writes follow the Neo4j ingestion guide (neo4j.com/docs/data-ingestion-guide):
// constraints first, then batched `UNWIND $rows … MERGE` in managed write
// transactions (the driver retries transient failures), then removal of whatever the
// previous graph had and this one has not. Every row a write touches carries that
// write's `run` stamp; the prune step deletes what lacks it. Nothing is deleted until
// everything is merged, so an interrupted ingest leaves the old graph plus part of the
// new one, and re-running it converges to exactly the new graph.
import neo4j from 'neo4j-driver';
import type { Driver, ManagedTransaction, Session } from 'neo4j-driver';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { Neo4jSettings } from '../config.ts';
import type { CoOccurrence, Concept, GraphStats, KnowledgeGraph, Mention, Paper } from '../graph/model.ts';
import {
  StoreError,
  type ConsoleLimits,
  type ConsoleResult,
  type GraphStore,
  type Params,
  type ProgressFn,
  type GraphInput,
  takeGraph,
  type Row,
  type StopWatching,
  type StoreValue,
} from './GraphStore.ts';
import { cypherQuery, cypherStatements } from './cypherFiles.ts';
import { assertReadOnly } from './readOnlyGuard.ts';
import { ResultBudget } from './resultBudget.ts';
import { neo4jLockFile, withStoreLock, type LockOptions } from './storeLock.ts';
import { paperFromRow, readStats } from './rows.ts';
import { consoleError, storeError, writeError, type ConnectionTarget } from './neo4j/errors.ts';
import { ResultGraph } from './resultGraph.ts';
import { collectValue, driverInt, toDriverParams, toRow } from './neo4j/values.ts';

export interface Neo4jOptions {
  /**
   * Papers or concepts per write transaction. Measured with scripts/bench-neo4j.ts (the
   * 12,659-paper NeurIPS/ICML/ICLR graph, ~500k relationships, Neo4j 5.26 test server on a
   * shared two-core machine): 1,000 nodes / 5,000 relationships per transaction wrote the
   * graph in 256 s (1,960 relationships/s), 500 / 2,000 in 320 s, 250 / 1,000 in 648 s.
   */
  nodeBatch?: number;
  /** Relationships per write transaction: small rows (ids and a few numbers); see nodeBatch for the measurement. */
  relationshipBatch?: number;
  /** Stale nodes or relationships deleted per transaction, so a big prune never holds one huge transaction. */
  pruneBatch?: number;
  /** Milliseconds to open a TCP connection before giving up: a user waits at most this for "not reachable". */
  connectionTimeoutMs?: number;
  /** Milliseconds a managed transaction is retried on transient errors (the driver's default is 30 s). */
  maxRetryTimeMs?: number;
  /** The write lock's file (storeLock.ts); openStore puts it in the user's state directory. */
  lockFile?: string;
}

const DEFAULTS: Required<Neo4jOptions> = {
  nodeBatch: 1_000,
  relationshipBatch: 5_000,
  pruneBatch: 10_000,
  connectionTimeoutMs: 5_000,
  maxRetryTimeMs: 15_000,
  lockFile: '',
};

/** Opens a store on a Neo4j server, checking at once that it answers and accepts the credentials. */
export async function openNeo4jStore(given: Neo4jSettings, options: Neo4jOptions = {}): Promise<GraphStore> {
  // An empty NEO4J_DATABASE (a blank line in .env) means the server's default database.
  const settings = { ...given, database: given.database || undefined };
  const config = { ...DEFAULTS, ...options };
  const target: ConnectionTarget = { uri: settings.uri, user: settings.user, database: settings.database };
  const driver = acquireDriver(settings, config);
  try {
    await driver.getServerInfo({ database: settings.database });
  } catch (error) {
    await releaseDriver(settings);
    throw storeError(error, target);
  }
  return new Neo4jStore(driver, settings, target, config);
}

// One driver per process and server: a driver owns a connection pool, and several
// stores opened in one process (server, CLI helpers, tests) should share it.
const drivers = new Map<string, { driver: Driver; users: number }>();

function driverKey(settings: Neo4jSettings): string {
  return JSON.stringify([settings.uri, settings.user, settings.password]);
}

function acquireDriver(settings: Neo4jSettings, config: Required<Neo4jOptions>): Driver {
  const key = driverKey(settings);
  const shared = drivers.get(key);
  if (shared) {
    shared.users++;
    return shared.driver;
  }
  let driver: Driver;
  try {
    driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), {
      // Counts and years fit a double; the app never sees the driver's Integer type.
      disableLosslessIntegers: true,
      connectionTimeout: config.connectionTimeoutMs,
      connectionAcquisitionTimeout: config.connectionTimeoutMs * 2,
      maxTransactionRetryTime: config.maxRetryTimeMs,
      userAgent: 'papergraph',
    });
  } catch (error) {
    throw new StoreError('unavailable', `NEO4J_URI "${settings.uri}" is not a Neo4j address (expected e.g. bolt://localhost:7687 or neo4j+s://host): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  drivers.set(key, { driver, users: 1 });
  return driver;
}

async function releaseDriver(settings: Neo4jSettings): Promise<void> {
  const key = driverKey(settings);
  const shared = drivers.get(key);
  if (!shared) return;
  shared.users--;
  if (shared.users > 0) return;
  drivers.delete(key);
  await shared.driver.close();
}

class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;
  readonly location: string;
  #driver: Driver;
  #settings: Neo4jSettings;
  #target: ConnectionTarget;
  #config: Required<Neo4jOptions>;
  #closed = false;
  /** Set once a graph is seen; until then an empty answer may mean nothing was ingested. */
  #hasGraph = false;

  constructor(driver: Driver, settings: Neo4jSettings, target: ConnectionTarget, config: Required<Neo4jOptions>) {
    this.#driver = driver;
    this.#settings = settings;
    this.#target = target;
    this.#config = config;
    this.location = settings.database ? `${settings.uri} (database ${settings.database})` : settings.uri;
  }

  #session(mode: 'READ' | 'WRITE', fetchSize?: number): Session {
    return this.#driver.session({
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      database: this.#settings.database,
      ...(fetchSize === undefined ? {} : { fetchSize }),
    });
  }

  async papers(): Promise<Paper[]> {
    return (await this.#read('all-papers')).map(paperFromRow);
  }

  /** Like the embedded store, an app query before the first ingest is `not_found`, not an empty answer. */
  async run(name: string, params: Params = {}): Promise<Row[]> {
    const rows = await this.#read(name, params);
    if (rows.length > 0 || this.#hasGraph) return rows;
    this.#hasGraph = (await this.#read('graph-exists')).length > 0;
    if (!this.#hasGraph) {
      throw new StoreError('not_found', `No graph in Neo4j at ${this.location} yet: run \`papergraph ingest --store neo4j\` first.`);
    }
    return rows;
  }

  async #read(name: string, params: Params = {}): Promise<Row[]> {
    const query = cypherQuery(name, 'neo4j');
    const session = this.#session('READ');
    try {
      return await session.executeRead(async (tx) => {
        const result = await tx.run(query, toDriverParams(params));
        return result.records.map((record) => toRow(record.keys, (key) => record.get(key)));
      });
    } catch (error) {
      throw storeError(error, this.#target);
    } finally {
      await session.close();
    }
  }

  async console(query: string, params: Params, limits: ConsoleLimits): Promise<ConsoleResult> {
    assertReadOnly(query, 'neo4j');
    // Pull just past the cap: one extra record tells us the result was truncated.
    const session = this.#session('READ', Math.min(limits.maxRows + 1, 1_000));
    const started = performance.now();
    // An explicit transaction, not executeRead: a user's failing query must not be retried.
    const tx = session.beginTransaction({ timeout: limits.timeoutMs });
    try {
      const result = tx.run(query, toDriverParams(params));
      const columns = await result.keys();
      const rows: StoreValue[][] = [];
      const graph = new ResultGraph();
      const budget = new ResultBudget(limits);
      for await (const record of result) {
        // A break ends the iterator, which discards the rest of the stream on the server.
        if (!budget.roomForRow()) break;
        const row = columns.map((column) => collectValue(record.get(column), graph));
        if (!budget.take(row)) break;
        graph.keep();
        rows.push(row);
      }
      return {
        columns: columns.map(String),
        rows,
        nodes: graph.nodes(),
        relationships: graph.relationships(),
        truncated: budget.truncatedBy !== null,
        truncatedBy: budget.truncatedBy,
        elapsedMs: Math.round(performance.now() - started),
      };
    } catch (error) {
      throw consoleError(error, this.#target, limits.timeoutMs);
    } finally {
      // Read-only: there is nothing to commit.
      await tx.rollback().catch(() => {});
      await session.close();
    }
  }

  async stats(): Promise<GraphStats> {
    return readStats((name) => this.#read(name));
  }

  /** A new graph is a new `run` on the version node, which a write sets only once it is complete. */
  watch(onNewGraph: () => void, everyMs = 3_000): StopWatching {
    const version = async () => String((await this.#read('graph-version'))[0]?.run ?? '');
    let seen: Promise<string> = version().catch(() => '');
    let checking = false;
    const timer = setInterval(() => {
      if (checking || this.#closed) return;
      checking = true;
      void Promise.all([seen, version()])
        .then(([before, now]) => {
          seen = Promise.resolve(now);
          if (now && now !== before) onNewGraph();
        })
        // An unreachable server is reported by the queries that need it; the next tick tries again.
        .catch(() => {})
        .finally(() => (checking = false));
    }, everyMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  withWriteLock<T>(work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
    const file = this.#config.lockFile || neo4jLockFile(path.join(os.tmpdir(), 'papergraph-state'), this.#settings.uri, this.#settings.database);
    return withStoreLock(file, this.location, options, work);
  }

  async write(input: GraphInput, progress: ProgressFn = () => {}): Promise<void> {
    const graph = takeGraph(input);
    const run = `${new Date().toISOString()}-${randomUUID()}`;
    const session = this.#session('WRITE');
    let phase = 'the schema';
    try {
      for (const statement of cypherStatements('schema', 'neo4j')) {
        await session.executeWrite((tx) => consume(tx, statement, {}));
      }
      const { nodeBatch, relationshipBatch } = this.#config;
      phase = 'papers';
      await this.#load(session, 'load-papers', graph.papers.map(paperRow), nodeBatch, run, phase, progress);
      phase = 'concepts';
      await this.#load(session, 'load-concepts', graph.concepts.map(conceptRow), nodeBatch, run, phase, progress);
      phase = 'mentions';
      await this.#load(session, 'load-mentions', Array.from(graph.mentions, mentionRow), relationshipBatch, run, phase, progress);
      phase = 'co-occurrences';
      await this.#load(session, 'load-cooccurs', graph.cooccurrences.map(cooccurrenceRow), relationshipBatch, run, phase, progress);
      phase = 'the concept hierarchy';
      await this.#load(session, 'load-broader', graph.broader.map((e) => ({ ...e })), relationshipBatch, run, phase, progress);
      phase = 'the removal of stale data';
      await this.#prune(session, run, progress);
      phase = 'the graph version';
      await session.executeWrite((tx) => consume(tx, cypherQuery('mark-graph-version', 'neo4j'), { run }));
      this.#hasGraph = graph.papers.length > 0;
    } catch (error) {
      throw writeError(error, this.#target, phase);
    } finally {
      await session.close();
    }
  }

  async #load(
    session: Session,
    name: string,
    rows: Record<string, unknown>[],
    batch: number,
    run: string,
    phase: string,
    progress: ProgressFn,
  ): Promise<void> {
    const query = cypherQuery(name, 'neo4j');
    for (let i = 0; i < rows.length; i += batch) {
      progress(phase, i, rows.length);
      const slice = rows.slice(i, i + batch);
      await session.executeWrite((tx) => consume(tx, query, { rows: slice, run }));
    }
    progress(phase, rows.length, rows.length);
  }

  /** Relationships first: deleting them one batch at a time keeps each node's DETACH cheap. */
  async #prune(session: Session, run: string, progress: ProgressFn): Promise<void> {
    const steps = ['prune-mentions', 'prune-cooccurs', 'prune-broader', 'prune-papers', 'prune-concepts'];
    for (const [done, name] of steps.entries()) {
      progress('removing stale data', done, steps.length);
      const query = cypherQuery(name, 'neo4j');
      const params = { run, limit: neo4j.int(this.#config.pruneBatch) };
      for (;;) {
        const deleted = await session.executeWrite(async (tx) => {
          const result = await tx.run(query, params);
          return Number(result.records[0]?.get('deleted') ?? 0);
        });
        if (deleted < this.#config.pruneBatch) break;
      }
    }
    progress('removing stale data', steps.length, steps.length);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await releaseDriver(this.#settings);
  }
}

async function consume(tx: ManagedTransaction, query: string, params: Record<string, unknown>): Promise<void> {
  await tx.run(query, params);
}

function paperRow(p: Paper): Record<string, unknown> {
  return {
    id: p.id, title: p.title, abstract: p.abstract, year: driverInt(p.year), date: p.date, url: p.url,
    authors: p.authors, source: p.source, doi: p.doi, arxivId: p.arxivId, openalexId: p.openalexId, sources: p.sources,
    pmid: p.pmid, wosId: p.wosId, keywords: p.keywords,
  };
}

/** Counts and community ids are INTEGER; scores and positions stay FLOAT even when whole. */
function conceptRow(c: Concept): Record<string, unknown> {
  return {
    id: c.id, label: c.label, aliases: c.aliases, papers: driverInt(c.papers), mentions: driverInt(c.mentions),
    score: c.score, community: driverInt(c.community), x: c.x, y: c.y, pagerank: c.pagerank,
    betweenness: c.betweenness, participation: c.participation, meanYear: c.meanYear,
    relevance: c.relevance, generic: c.generic,
  };
}

function mentionRow(m: Mention): Record<string, unknown> {
  return {
    paper: m.paperId, concept: m.conceptId, count: driverInt(m.count), inTitle: m.inTitle, score: m.score,
    spans: JSON.stringify(m.spans),
  };
}

/** The model stores each pair once with source < target; a pair handed over reversed is put right. */
function cooccurrenceRow(e: CoOccurrence): Record<string, unknown> {
  const [source, target] = e.source < e.target ? [e.source, e.target] : [e.target, e.source];
  return { source, target, papers: driverInt(e.papers), weight: e.weight };
}
