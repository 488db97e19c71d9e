// The embedded store: @ladybugdb/core, an in-process property graph with Cypher.
//
// On disk a store is a directory holding database files `graph-<stamp>.lbug` and a
// `CURRENT` file naming the live one. A write builds a complete new database in
// `tmp/` (with its load CSVs), moves it next to the live one once it is whole and
// swaps `CURRENT` (an atomic rename), so a failed or interrupted ingest leaves the
// previous graph exactly as it was, a server reading the old file is never disturbed
// mid-query, and no file outside `tmp/` is ever a partial graph. After an ingest's read of
// the stored papers, the new database starts as a copy of the live one that keeps the
// unchanged paper rows (embedded/paperDelta.ts). Writers take the
// store's lock (storeLock.ts, `ingest.lock`), so `tmp/` belongs to the one running
// writer, which empties it when it starts: whatever a killed run left there goes.
import lbug from '@ladybugdb/core';
import type { LbugValue, PreparedStatement, QueryResult } from '@ladybugdb/core';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Concept, GraphStats, KnowledgeGraph, Paper } from '../graph/model.ts';
import {
  ConsoleError,
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
import { ResultGraph } from './resultGraph.ts';
import { collectValue, toRow } from './embedded/values.ts';
import { planPaperDelta, rowDigest, type PaperDelta, type StoredPapers } from './embedded/paperDelta.ts';
import { paperFromRow, readStats } from './rows.ts';
import { rowsOf, writeCsv, type CsvCell } from './csvFile.ts';
import { withStoreLock, type LockOptions } from './storeLock.ts';

const { Database, Connection } = lbug;
type LbugDatabase = InstanceType<typeof Database>;
type LbugConnection = InstanceType<typeof Connection>;
type LbugResult = Awaited<ReturnType<LbugConnection['query']>>;

export interface EmbeddedOptions {
  /** Connections serving app queries side by side (each runs one query at a time). */
  lanes?: number;
  /**
   * Rows per CSV file (one COPY each) when loading a table. Every COPY into a relationship
   * table that already holds rows rewrites that table's pages, so one COPY per table is
   * fastest; the write pool is sized per row, so it holds a whole file.
   */
  batch?: number;
  /** Buffer pool of the live (read-only) database: the console child gets a share of its memory limit. */
  readBufferPoolBytes?: number;
  /** Smallest buffer pool a write builds its database with: what the bulk loads may hold in memory. */
  writeBufferPoolBytes?: number;
  /** Buffer pool a write starts with per relationship row, when that is more than `writeBufferPoolBytes`. */
  writePoolBytesPerRow?: number;
}

/**
 * LadybugDB reserves address space up front: by default 8 TiB per database and a
 * buffer pool of most of the RAM. A server, its console child and a test process
 * open several at once, so both are sized for papers-and-abstracts corpora.
 */
const BUFFER_POOL_BYTES = { read: 1 << 30, write: 512 * (1 << 20) };
const DEFAULTS: Required<EmbeddedOptions> = { lanes: 3, batch: 5_000_000, readBufferPoolBytes: BUFFER_POOL_BYTES.read, writeBufferPoolBytes: BUFFER_POOL_BYTES.write, writePoolBytesPerRow: 256 };
/**
 * A COPY into a relationship table that already holds rows works on the table's pages,
 * so what a write needs in its buffer pool grows with the graph: 512 MB held the
 * 1.8 million mention and co-occurrence rows of 40,000 papers, not the 4.1 million of
 * 85,000. The pool is sized from the rows (`writePoolBytesPerRow`, never below
 * `writeBufferPoolBytes`), and a write that still fills it is built again with twice the
 * pool, up to this ceiling.
 */
const WRITE_POOL_CEILING = 4 * (1 << 30);
/** The live graph is only ever read: a write builds a new database file and swaps it in. */
const READ_ONLY = true;
const MAX_DB_BYTES = 2 ** 40;
const POINTER = 'CURRENT';
const POINTER_RECHECK_MS = 1_000;
/** Where a write builds its database and load files; emptied by the next writer. */
const SCRATCH = 'tmp';
const LOCK_FILE = 'ingest.lock';

export async function openEmbeddedStore(dir: string, options: EmbeddedOptions = {}): Promise<GraphStore> {
  return new EmbeddedStore(path.resolve(dir), { ...DEFAULTS, ...options });
}

class EmbeddedStore implements GraphStore {
  readonly kind = 'embedded' as const;
  readonly location: string;
  #options: Required<EmbeddedOptions>;
  #db: LbugDatabase | null = null;
  #lanes: Lane[] = [];
  /** The console gets its own lane: its timeout must not apply to app queries. */
  #consoleLane: Lane | null = null;
  #openFile: string | null = null;
  /** The pointer as last read, and when: queries re-read it at most once a second. */
  #pointed: { file: string | null; at: number } = { file: null, at: 0 };
  /** The papers `papers()` last read, for a write that keeps the unchanged ones (embedded/paperDelta.ts). */
  #storedPapers: StoredPapers | null = null;

  constructor(dir: string, options: Required<EmbeddedOptions>) {
    this.location = dir;
    this.#options = options;
  }

  /** A new graph is a new database file named by the pointer. */
  watch(onNewGraph: () => void, everyMs = 3_000): StopWatching {
    let file = this.#currentFile();
    const timer = setInterval(() => {
      const now = this.#currentFile();
      if (!now || now === file) return;
      file = now;
      onNewGraph();
    }, everyMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  /** The live database file, or null when nothing was ingested yet. Always reads the pointer. */
  #currentFile(): string | null {
    const pointer = path.join(this.location, POINTER);
    let file: string | null = null;
    if (existsSync(pointer)) {
      const named = path.join(this.location, readFileSync(pointer, 'utf8').trim());
      if (existsSync(named)) file = named;
    }
    this.#pointed = { file, at: Date.now() };
    return file;
  }

  /**
   * Opens the live database (again, if another process swapped in a newer graph).
   * Every query passes here, so the pointer file is read at most once a second.
   */
  async #database(): Promise<LbugDatabase> {
    const fresh = Date.now() - this.#pointed.at < POINTER_RECHECK_MS;
    const file = fresh && this.#pointed.file ? this.#pointed.file : this.#currentFile();
    if (!file) {
      throw new StoreError('not_found', `No graph in ${this.location} yet: run \`papergraph ingest\` first.`);
    }
    if (this.#db && this.#openFile === file) return this.#db;
    await this.#closeLive();
    this.#db = await openReadOnly(file, this.#options.readBufferPoolBytes);
    this.#openFile = file;
    return this.#db;
  }

  /** The least busy app lane, opening up to `lanes` connections as load grows. */
  async #appLane(): Promise<Lane> {
    const db = await this.#database();
    const idle = this.#lanes.find((lane) => lane.busy === 0);
    if (idle) return idle;
    if (this.#lanes.length < this.#options.lanes) {
      const lane = newLane(new Connection(db));
      this.#lanes.push(lane);
      return lane;
    }
    return this.#lanes.reduce((a, b) => (b.busy < a.busy ? b : a));
  }

  async papers(): Promise<Paper[]> {
    if (!this.#currentFile()) return [];
    const papers = (await this.run('all-papers')).map(paperFromRow);
    this.#storedPapers = { file: this.#openFile!, digests: new Map(papers.map((paper) => [paper.id, rowDigest(paperRow(paper))])) };
    return papers;
  }

  async run(name: string, params: Params = {}): Promise<Row[]> {
    const lane = await this.#appLane();
    return inLane(lane, async () => {
      let ps = lane.prepared.get(name);
      if (!ps) {
        ps = await lane.conn.prepare(cypherQuery(name, 'lbug'));
        if (!ps.isSuccess()) throw new Error(`cypher/${name}: ${ps.getErrorMessage()}`);
        lane.prepared.set(name, ps);
      }
      const result = lastResult(await lane.conn.execute(ps, params as Record<string, LbugValue>));
      // getAllSync: the async getAll hands rows over one event-loop turn at a time,
      // ~15x slower (9.4 s against 0.6 s for the 227k co-occurrences of NeurIPS).
      const rows = result.getAllSync().map((row: Record<string, unknown>) => toRow(row));
      result.close();
      return rows;
    });
  }

  async console(query: string, params: Params, limits: ConsoleLimits): Promise<ConsoleResult> {
    assertReadOnly(query, 'lbug');
    const db = await this.#database();
    this.#consoleLane ??= newLane(new Connection(db));
    return inLane(this.#consoleLane, () => this.#runConsole(this.#consoleLane!.conn, query, params, limits));
  }

  async #runConsole(conn: LbugConnection, query: string, params: Params, limits: ConsoleLimits): Promise<ConsoleResult> {
    const started = performance.now();
    const ps = await conn.prepare(query);
    // Binding folds constants, so `range(1, 1e9)` can already run out of memory here.
    if (!ps.isSuccess()) throw consoleError(ps.getErrorMessage(), limits);
    // The guard is the rule; the engine's own read-only flag is a second check.
    if (!ps.isReadOnly()) throw new ConsoleError('forbidden', 'The console is read-only: this query would write.');
    conn.setQueryTimeout(limits.timeoutMs);
    let result: QueryResult;
    try {
      result = lastResult(await conn.execute(ps, params as Record<string, LbugValue>));
    } catch (error) {
      throw consoleError(error, limits);
    }
    const columns = result.getColumnNamesSync();
    const rows: StoreValue[][] = [];
    const graph = new ResultGraph();
    const budget = new ResultBudget(limits);
    try {
      // Row by row, so the caps stop the reading, not just the answer.
      while (result.hasNext() && budget.roomForRow()) {
        const row = result.getNextSync();
        if (!row) break;
        const values = columns.map((c: string) => collectValue(row[c], graph));
        if (!budget.take(values)) break;
        graph.keep();
        rows.push(values);
      }
    } catch (error) {
      throw consoleError(error, limits);
    } finally {
      result.close();
    }
    return {
      columns,
      rows,
      nodes: graph.nodes(),
      relationships: graph.relationships(),
      truncated: budget.truncatedBy !== null,
      truncatedBy: budget.truncatedBy,
      elapsedMs: Math.round(performance.now() - started),
    };
  }

  async stats(): Promise<GraphStats> {
    if (!this.#currentFile()) return { papers: 0, concepts: 0, mentions: 0, cooccurrences: 0, merged: 0, communities: 0 };
    return readStats((name) => this.run(name));
  }

  withWriteLock<T>(work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
    mkdirSync(this.location, { recursive: true });
    return withStoreLock(path.join(this.location, LOCK_FILE), this.location, options, work);
  }

  write(graph: GraphInput, progress: ProgressFn = () => {}): Promise<void> {
    return this.withWriteLock(() => this.#write(graph, progress));
  }

  /**
   * Holding the lock: every table's rows written to load files in tmp/ first, the graph
   * let go (a handed-off one is then garbage, so the heap it held is free before the
   * database's buffer pool fills), the database built from the files in tmp/, moved in
   * whole, CURRENT pointed at it, old files pruned.
   */
  async #write(input: GraphInput, progress: ProgressFn): Promise<void> {
    const scratch = path.join(this.location, SCRATCH);
    // Only the lock holder writes here, so anything left is from a run that was killed.
    rmSync(scratch, { recursive: true, force: true });
    mkdirSync(scratch, { recursive: true });
    const name = `graph-${Date.now()}-${process.pid}.lbug`;
    // Every attempt builds a file of its own name: a database given up is closed, but its
    // native object lives until collected, and one built at the same path could meet it
    // (CI: "Error renaming file ….lbug.wal to ….wal.checkpoint", the build after an abandoned one).
    let attempts = 0;
    const nextFile = () => path.join(scratch, `${path.basename(name, '.lbug')}-${attempts++}.lbug`);
    const live = this.#currentFile();
    let graph: KnowledgeGraph | null = takeGraph(input);
    const delta = planPaperDelta(this.#storedPapers, live, graph.papers, paperRow);
    this.#storedPapers = null;
    const rows = graph.mentions.length + graph.cooccurrences.length + graph.broader.length;
    let poolBytes = Math.min(WRITE_POOL_CEILING, Math.max(this.#options.writeBufferPoolBytes, rows * this.#options.writePoolBytesPerRow));
    try {
      const staged = await this.#stage(graph, delta, scratch, progress);
      graph = null;
      releaseHeap();
      // The live database was open only to read the stored papers: its buffer pool is let go
      // before the new one fills its own.
      await this.#closeLive();
      let built: string;
      for (;;) {
        built = nextFile();
        try {
          if (!delta || !(await this.#buildOnto(live!, delta, staged, built, poolBytes, progress))) {
            built = nextFile();
            await this.#build(staged, built, poolBytes, progress);
          }
          break;
        } catch (error) {
          if (!/buffer pool is full/i.test(errorText(error)) || poolBytes >= WRITE_POOL_CEILING) throw error;
          poolBytes = Math.min(WRITE_POOL_CEILING, poolBytes * 2);
          removeDatabaseFiles(built);
        }
      }
      renameSync(built, path.join(this.location, name));
    } catch (error) {
      throw new StoreError('write_failed', `Could not write the graph to ${this.location}; the previous graph is unchanged. ${errorText(error)}`, { cause: error });
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    const previous = this.#currentFile();
    const tmpPointer = path.join(this.location, `${POINTER}.${process.pid}.tmp`);
    writeFileSync(tmpPointer, `${name}\n`);
    renameSync(tmpPointer, path.join(this.location, POINTER));
    this.#currentFile(); // queries from here on use the new graph
    this.#pruneOldFiles(name, previous);
  }

  /**
   * Every table's rows as CSV load files of `batch` rows in `scratch`: what a COPY holds
   * in the buffer pool until it commits is one file's rows, and rows are written as text
   * one at a time, never a whole file in memory. The papers twice when a write may keep the stored ones:
   * all of them, for a build from scratch, and the ones to load onto the stored rows.
   */
  async #stage(graph: KnowledgeGraph, delta: PaperDelta | null, scratch: string, progress: ProgressFn): Promise<StagedGraph> {
    const stage = async <T>(table: string, header: string[], items: Rows<T>, row: (item: T) => CsvCell[]): Promise<LoadFiles> => {
      const files: string[] = [];
      const batch = this.#options.batch;
      for (let i = 0; i < items.length; i += batch) {
        progress('load files', i, items.length);
        files.push(await writeCsv(path.join(scratch, `${table}-${files.length}.csv`), header, rowsOf(range(items, i, i + batch), row)));
      }
      return { files, rows: items.length };
    };
    return {
      papers: await stage('papers', PAPER_COLUMNS, graph.papers, paperRow),
      papersOnto: delta ? await stage('papers-onto', PAPER_COLUMNS, delta.written, paperRow) : null,
      concepts: await stage('concepts', CONCEPT_COLUMNS, graph.concepts, conceptRow),
      mentions: await stage('mentions', ['from', 'to', 'count', 'inTitle', 'score', 'spans'], graph.mentions,
        (m) => [m.paperId, m.conceptId, m.count, m.inTitle, m.score, JSON.stringify(m.spans)]),
      cooccurs: await stage('cooccurs', ['from', 'to', 'papers', 'weight'], graph.cooccurrences, (e) => [e.source, e.target, e.papers, e.weight]),
      broader: await stage('broader', ['from', 'to', 'kind'], graph.broader, (e) => [e.narrower, e.broader, e.kind]),
    };
  }

  /** Builds the whole graph into the database file `building`, checkpointed, with a buffer pool of `poolBytes`. */
  async #build(staged: StagedGraph, building: string, poolBytes: number, progress: ProgressFn): Promise<void> {
    const db = new Database(building, poolBytes, true, false, MAX_DB_BYTES);
    const conn = new Connection(db);
    try {
      for (const statement of cypherStatements('schema', 'lbug')) await conn.query(statement);
      await copyFiles(conn, 'load-papers', staged.papers, 'papers', progress);
      await loadAfterPapers(conn, staged, progress);
      await conn.close();
      await db.close();
      await checkpointed(building);
    } catch (error) {
      await conn.close().catch(() => {});
      await db.close().catch(() => {});
      throw error;
    }
  }

  /**
   * Builds the graph into `building` from a copy of the live database `live`: the Paper
   * rows `delta` keeps stay, the removed and changed ones are deleted, new rows loaded,
   * and every other table is dropped and loaded again (their rows nearly all change).
   * False, with nothing built, when the live file's Paper table is not the schema's or its
   * other tables cannot be dropped.
   */
  async #buildOnto(live: string, delta: PaperDelta, staged: StagedGraph, building: string, poolBytes: number, progress: ProgressFn): Promise<boolean> {
    copyFileSync(live, building);
    const db = new Database(building, poolBytes, true, false, MAX_DB_BYTES);
    const conn = new Connection(db);
    try {
      const schema = cypherStatements('schema', 'lbug');
      const paperTable = schema.find((statement) => tableOf(statement) === 'Paper')!;
      const others = schema.filter((statement) => statement !== paperTable);
      const abandon = async () => {
        await conn.close();
        await db.close();
        removeDatabaseFiles(building);
        return false;
      };
      if (!sameColumns(paperTable, lastResult(await conn.query("CALL table_info('Paper') RETURN *")).getAllSync())) return abandon();
      try {
        // Relationship tables first: a node table cannot go while edges point at it.
        for (const statement of [...others].reverse()) await conn.query(`DROP TABLE IF EXISTS ${tableOf(statement)}`);
      } catch {
        return abandon(); // a table of another version's schema still points at them
      }
      if (delta.removed.length > 0) {
        const remove = await conn.prepare('MATCH (p:Paper) WHERE p.id IN $ids DELETE p');
        if (!remove.isSuccess()) throw new Error(remove.getErrorMessage());
        await conn.execute(remove, { ids: delta.removed });
      }
      await copyFiles(conn, 'load-papers', staged.papersOnto!, 'papers', progress);
      for (const statement of others) await conn.query(statement);
      await loadAfterPapers(conn, staged, progress);
      await conn.close();
      await db.close();
      await checkpointed(building);
      return true;
    } catch (error) {
      await conn.close().catch(() => {});
      await db.close().catch(() => {});
      throw error;
    }
  }

  /** Keep the live file and the one it replaced (a running server may still read it). */
  #pruneOldFiles(live: string, previous: string | null): void {
    const keep = new Set([live, previous ? path.basename(previous) : '']);
    for (const entry of readdirSync(this.location)) {
      const base = entry.replace(/\.wal$|\.shadow$|\.tmp$/, '');
      if (/^graph-.*\.lbug$/.test(base) && !keep.has(base)) rmSync(path.join(this.location, entry), { force: true });
    }
  }

  async #closeLive(): Promise<void> {
    const lanes = [...this.#lanes, ...(this.#consoleLane ? [this.#consoleLane] : [])];
    this.#lanes = [];
    this.#consoleLane = null;
    for (const lane of lanes) {
      await lane.tail;
      await lane.conn.close().catch(() => {});
    }
    if (this.#db) await this.#db.close().catch(() => {});
    this.#db = null;
    this.#openFile = null;
  }

  async close(): Promise<void> {
    await this.#closeLive();
  }
}

/** What a table loads from: an array, or the mentions' typed columns (src/graph/mentionTable.ts). */
type Rows<T> = { readonly length: number; at(index: number): T | undefined };

/** Items `from` .. `to` of `items`, one at a time. */
function* range<T>(items: Rows<T>, from: number, to: number): Generator<T> {
  for (let i = from; i < Math.min(to, items.length); i++) yield items.at(i)!;
}

/** A table's load files, one COPY each, and how many rows they hold. */
interface LoadFiles {
  files: string[];
  rows: number;
}

/** Every table of a graph as load files (`#stage`); `papersOnto` only when a write may keep the stored papers. */
interface StagedGraph {
  papers: LoadFiles;
  papersOnto: LoadFiles | null;
  concepts: LoadFiles;
  mentions: LoadFiles;
  cooccurs: LoadFiles;
  broader: LoadFiles;
}

/** Loads a table's files with the app query `query`, one COPY each; a retried build loads the same files again. */
async function copyFiles(conn: LbugConnection, query: string, load: LoadFiles, phase: string, progress: ProgressFn): Promise<void> {
  const batch = load.files.length > 0 ? Math.ceil(load.rows / load.files.length) : 0;
  for (const [i, file] of load.files.entries()) {
    progress(phase, Math.min(load.rows, i * batch), load.rows);
    await conn.query(cypherQuery(query, 'lbug').replaceAll('{{file}}', file));
  }
  progress(phase, load.rows, load.rows);
}

/** Every table but Paper, into a database whose Paper table already holds the graph's papers. */
async function loadAfterPapers(conn: LbugConnection, staged: StagedGraph, progress: ProgressFn): Promise<void> {
  await copyFiles(conn, 'load-concepts', staged.concepts, 'concepts', progress);
  await copyFiles(conn, 'load-mentions', staged.mentions, 'mentions', progress);
  await copyFiles(conn, 'load-cooccurs', staged.cooccurs, 'co-occurrences', progress);
  await copyFiles(conn, 'load-broader', staged.broader, 'broader', progress);
}

/**
 * A full collection, where the process runs with --expose-gc (the ingest child does):
 * the graph just let go is garbage, and V8 gives its pages back before the database
 * allocates its buffer pool outside the heap. Elsewhere V8 collects when it will.
 */
function releaseHeap(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * A connection and the queue of work on it. LadybugDB connections are not safe for
 * overlapping queries: two prepared statements executed at once on one connection
 * can hand each other's rows back. So every connection runs one query at a time.
 */
interface Lane {
  conn: LbugConnection;
  tail: Promise<unknown>;
  busy: number;
  prepared: Map<string, PreparedStatement>;
}

function newLane(conn: LbugConnection): Lane {
  return { conn, tail: Promise.resolve(), busy: 0, prepared: new Map() };
}

function inLane<T>(lane: Lane, work: () => Promise<T>): Promise<T> {
  lane.busy++;
  const run = lane.tail.then(work, work);
  lane.tail = run.catch(() => {}).finally(() => lane.busy--);
  return run;
}

/** An engine error of a console query, as the console reports it. */
function consoleError(error: unknown, limits: ConsoleLimits): ConsoleError {
  const message = errorText(error);
  if (/interrupt|timeout/i.test(message)) {
    return new ConsoleError('timeout', `The query ran longer than ${limits.timeoutMs} ms and was stopped. Add a LIMIT or narrow the MATCH.`);
  }
  if (/parameter/i.test(message)) return new ConsoleError('bad_params', message);
  // Under the console child's memory limit an allocation fails before the machine runs out.
  if (/bad_alloc|buffer pool is full|unable to allocate|out of memory/i.test(message)) {
    return new ConsoleError('too_complex', `The query needed more memory than the console allows (--max-memory) and was stopped (${message}). Narrow the MATCH or add a LIMIT.`);
  }
  return new ConsoleError('syntax', message);
}

function lastResult(result: LbugResult): QueryResult {
  return Array.isArray(result) ? result[result.length - 1] : result;
}

const PAPER_COLUMNS = ['id', 'title', 'abstract', 'year', 'date', 'url', 'authors', 'source', 'doi', 'arxivId', 'openalexId', 'sources', 'pmid', 'wosId', 'keywords'];

function paperRow(p: Paper): CsvCell[] {
  return [p.id, p.title, p.abstract, p.year, p.date, p.url, listCell(p.authors), p.source, p.doi, p.arxivId, p.openalexId, listCell(p.sources), p.pmid, p.wosId, listCell(p.keywords)];
}

const CONCEPT_COLUMNS = ['id', 'label', 'aliases', 'papers', 'mentions', 'score', 'community', 'x', 'y', 'pagerank', 'betweenness', 'participation', 'meanYear', 'relevance', 'generic'];

function conceptRow(c: Concept): CsvCell[] {
  return [c.id, c.label, listCell(c.aliases), c.papers, c.mentions, c.score, c.community, c.x, c.y, c.pagerank, c.betweenness, c.participation, c.meanYear, c.relevance, c.generic];
}

/** U+001F, the unit separator: what the load queries split a list field at. */
const LIST_SEPARATOR = '\u001f';

/**
 * A list as one CSV field (see load-papers.lbug.cypher). An empty element (an author or
 * keyword of no text) is no data and is left out: joined, it could not be told from none.
 */
function listCell(items: string[]): string | null {
  const kept = items.filter((item) => item !== '');
  for (const item of kept) {
    if (item.includes(LIST_SEPARATOR)) throw new Error(`cannot store the list element ${JSON.stringify(item)}: it holds U+001F, which cleaned text never does`);
  }
  return kept.length ? kept.join(LIST_SEPARATOR) : null;
}

/**
 * Closing a database checkpoints its write-ahead log, and LadybugDB refuses read-only
 * opens until that is done; the log file disappears when it is. A new graph is swapped
 * in only after that, so readers never meet a half-checkpointed file.
 */
async function checkpointed(file: string, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (existsSync(`${file}.wal`) && Date.now() - started < timeoutMs) await sleep(20);
}

/** Another process may be closing the same file (an ingest that just swapped it in): retry briefly. */
async function openReadOnly(file: string, bufferPoolBytes: number): Promise<LbugDatabase> {
  for (let attempt = 0; ; attempt++) {
    const db = new Database(file, bufferPoolBytes, true, READ_ONLY, MAX_DB_BYTES);
    try {
      await db.init();
      return db;
    } catch (error) {
      await db.close().catch(() => {});
      if (attempt >= 50 || !/checkpoint is in progress/i.test(errorText(error))) throw error;
      await sleep(100);
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The table a schema statement creates. */
function tableOf(statement: string): string {
  const name = /^CREATE\s+(?:NODE|REL)\s+TABLE\s+(\w+)/i.exec(statement)?.[1];
  if (!name) throw new Error(`schema.lbug.cypher: not a CREATE TABLE statement: ${statement.slice(0, 80)}`);
  return name;
}

/** Whether `table_info` rows list the columns, in order and with the types, that a CREATE NODE TABLE statement declares. */
function sameColumns(statement: string, info: Record<string, unknown>[]): boolean {
  const declared = statement.slice(statement.indexOf('(') + 1, statement.lastIndexOf(')')).split(',').map((column) => column.trim().split(/\s+/).slice(0, 2).join(' '));
  const stored = info.map((column) => `${column.name} ${column.type}`);
  return declared.join(',') === stored.join(',');
}

/**
 * A database file and every file LadybugDB keeps beside it under its name (`.wal`,
 * `.shadow`, `.wal.checkpoint`…), so a build can start again: a checkpoint file left from
 * the failed build makes the next one refuse to open ("Database ID … does not match").
 */
function removeDatabaseFiles(file: string): void {
  const name = path.basename(file);
  for (const entry of readdirSync(path.dirname(file))) {
    if (entry === name || entry.startsWith(`${name}.`)) rmSync(path.join(path.dirname(file), entry), { recursive: true, force: true });
  }
}
