// The one seam between papergraph and its databases: a reader and a writer. Both
// backends (embedded @ladybugdb/core and Neo4j) implement both and run the same
// `.cypher` files, so nothing above this layer knows which database answers, and
// nothing that only reads (the server, exports, the console) is handed a write.
import type { GraphStats, KnowledgeGraph, Paper, StoreKind } from '../graph/model.ts';
import type { LockOptions } from './storeLock.ts';

/** A value as it leaves a store: plain JSON, never a driver type (Integer, Node, Date…). */
export type StoreValue = null | boolean | number | string | StoreValue[] | { [key: string]: StoreValue };
export type Row = Record<string, StoreValue>;
export type Params = Record<string, unknown>;

/** A node or relationship found in a console result, for drawing it. */
export interface ResultNode {
  id: string;
  labels: string[];
  properties: Record<string, StoreValue>;
}
export interface ResultRelationship {
  id: string;
  type: string;
  start: string;
  end: string;
  properties: Record<string, StoreValue>;
}

export interface ConsoleLimits {
  timeoutMs: number;
  maxRows: number;
  /** Bytes of JSON a result may reach; rows past it are not read (see resultBudget.ts). Default 10 MB. */
  maxBytes?: number;
}

export interface ConsoleResult {
  columns: string[];
  rows: StoreValue[][];
  nodes: ResultNode[];
  relationships: ResultRelationship[];
  truncated: boolean;
  /** Which limit cut the result short, when one did. */
  truncatedBy: 'rows' | 'bytes' | null;
  elapsedMs: number;
}

export type ProgressFn = (phase: string, done: number, total: number) => void;

/** Stops a `watch`. */
export type StopWatching = () => void;

/**
 * The read side of a store: what the server, the explorer's queries, the console and
 * the exports use. Nothing here can change the stored graph.
 */
export interface GraphReader {
  readonly kind: StoreKind;
  /** Where the data lives, for messages: a directory or a Neo4j URI. */
  readonly location: string;

  /** Every stored paper, so an ingest can merge new input with what is there. */
  papers(): Promise<Paper[]>;

  /** Run a named app query from `cypher/` (`name` is the file name without extension). */
  run(name: string, params?: Params): Promise<Row[]>;

  /** Run user-typed Cypher read-only, time- and row-limited. Throws ConsoleError. */
  console(query: string, params: Params, limits: ConsoleLimits): Promise<ConsoleResult>;

  stats(): Promise<GraphStats>;

  /**
   * Calls `onNewGraph` each time a write (from any process) has finished storing a new
   * graph, checking every `everyMs`. The embedded store watches its `CURRENT` pointer;
   * Neo4j, the stamp the last complete write left (`graph-version`).
   */
  watch(onNewGraph: () => void, everyMs?: number): StopWatching;

  close(): Promise<void>;
}

/**
 * A graph given to `write` to let go of: `take` hands it over once and keeps no
 * reference, so a writer that has written what it needs (the embedded store, its load
 * files) drops the last one, and the graph's memory is free while the database fills its
 * own. `ingest` hands its graph off; a caller that keeps using its graph passes it as is.
 */
export class GraphHandoff {
  #graph: KnowledgeGraph | null;

  constructor(graph: KnowledgeGraph) {
    this.#graph = graph;
  }

  take(): KnowledgeGraph {
    const graph = this.#graph;
    if (!graph) throw new Error('This graph was handed to a writer already.');
    this.#graph = null;
    return graph;
  }
}

/** What `write` accepts: a graph, or one handed off. */
export type GraphInput = KnowledgeGraph | GraphHandoff;

export function takeGraph(input: GraphInput): KnowledgeGraph {
  return input instanceof GraphHandoff ? input.take() : input;
}

/** The write side of a store: what `ingest` uses to replace the stored graph. */
export interface GraphWriter {
  /**
   * Replace the stored graph with `graph`. The embedded store builds a new database
   * and swaps it in only on success; Neo4j MERGEs in batches and removes what `graph`
   * no longer has, so a re-run after a failure converges.
   */
  write(graph: GraphInput, progress?: ProgressFn): Promise<void>;

  /**
   * Runs `work` holding the store's write lock (storeLock.ts): one writer at a time,
   * released when `work` settles or the process dies. `ingest` holds it from reading the
   * stored papers to the end of `write`; `write` takes it too when called on its own.
   */
  withWriteLock<T>(work: () => Promise<T>, options?: LockOptions): Promise<T>;
}

/** Each backend implements both sides; callers ask for the side they need. */
export interface GraphStore extends GraphReader, GraphWriter {}

/** Errors a user can act on, with the code the HTTP API and CLI report. */
export type StoreErrorCode =
  | 'not_found' // no graph stored yet
  | 'unavailable' // server not running / unreachable
  | 'auth' // wrong credentials
  | 'database_missing'
  | 'write_failed'
  | 'locked'; // another ingest holds the write lock and the caller chose not to wait

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}

export type ConsoleErrorCode =
  | 'forbidden' // refused by the read-only guard or the engine's read-only check
  | 'syntax'
  | 'too_complex' // over the guard's length or nesting limits
  | 'timeout'
  | 'bad_params'
  | 'crashed' // the query took the console process down (a memory limit, an engine fault)
  | 'busy'; // too many console queries waiting

/** A console query refused or failed: `forbidden` maps to HTTP 403, `timeout` to 504, `crashed` to 500, `busy` to 503, the rest to 400. */
export class ConsoleError extends Error {
  constructor(
    readonly code: ConsoleErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ConsoleError';
  }
}
