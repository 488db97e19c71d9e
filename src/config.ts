// The one place that reads the environment and command-line flags. Everything
// else receives a Config and never looks at process.env itself.
import os from 'node:os';
import path from 'node:path';
import type { StoreKind } from './graph/model.ts';

export interface Neo4jSettings {
  uri: string;
  user: string;
  password: string;
  database: string | undefined;
}

export interface Config {
  store: StoreKind;
  /** Directory of the embedded store. */
  db: string;
  neo4j: Neo4jSettings;
  host: string;
  port: number;
  /** Host names the server answers besides its own address and localhost (DNS-rebinding guard). */
  allowedHosts: string[];
  /** Limits on user-typed Cypher (CLI and HTTP console). */
  console: ConsoleConfig;
  /** MB of JSON answers the server keeps per graph ($PAPERGRAPH_ANSWER_CACHE_MB; 0: none, every answer computed). */
  answerCacheMb: number;
  /** Per-user state (Neo4j write locks): $PAPERGRAPH_STATE_DIR, else ~/.local/state/papergraph. */
  stateDir: string;
  /** Worker threads for extraction; undefined lets the extractor decide. */
  workers: number | undefined;
  /** `papergraph fetch`: polite-use contact, NCBI key, and where each source answers. */
  fetch: {
    mailto: string | null;
    ncbiApiKey: string | null;
    baseUrls: { openalex: string; arxiv: string; pubmed: string };
  };
}

export interface ConsoleConfig {
  timeoutMs: number;
  maxRows: number;
  /** Bytes of JSON a result may reach before it is cut. */
  maxBytes: number;
  /** Memory the console process may use, in MB (an OS address-space limit; see isolatedConsole.ts). */
  maxMemoryMb: number;
}

/** Flags as the CLI parsed them; any of them overrides the matching env variable. */
export interface ConfigFlags {
  store?: string;
  db?: string;
  host?: string;
  port?: string;
  timeout?: string;
  'max-rows'?: string;
  'max-bytes'?: string;
  'max-memory'?: string;
  'allowed-host'?: string[];
  workers?: string;
  'neo4j-uri'?: string;
  'neo4j-user'?: string;
  'neo4j-password'?: string;
  'neo4j-database'?: string;
  mailto?: string;
}

export const DEFAULTS = {
  db: '.papergraph',
  host: '127.0.0.1',
  port: 3000,
  timeoutMs: 10_000,
  maxRows: 1_000,
  maxBytes: 10_000_000,
  maxMemoryMb: 2_048,
  answerCacheMb: 64,
  neo4jUri: 'bolt://localhost:7687',
  neo4jUser: 'neo4j',
  openalexUrl: 'https://api.openalex.org',
  arxivUrl: 'https://export.arxiv.org/api/query',
  eutilsUrl: 'https://eutils.ncbi.nlm.nih.gov/entrez/eutils',
} as const;

/** A flag or variable with a value that cannot be used: the CLI exits 2 on it. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function wholeNumber(value: string | undefined, name: string, fallback: number, min = 1): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new ConfigError(`${name} must be a whole number of at least ${min}, got "${value}".`);
  return n;
}

/** `--allowed-host` names: host or host:port, lower-cased; a scheme or path is a mistake worth saying. */
function allowedHosts(names: string[]): string[] {
  const out: string[] = [];
  for (const raw of names) {
    const name = raw.trim().toLowerCase();
    if (name === '') continue;
    if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/.test(name)) {
      throw new ConfigError(`--allowed-host takes a host name, optionally with :port (e.g. papergraph.lan or papergraph.lan:8080), got "${raw}".`);
    }
    out.push(name);
  }
  return out;
}

export function loadConfig(flags: ConfigFlags = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const store = flags.store ?? env.PAPERGRAPH_STORE ?? 'embedded';
  if (store !== 'embedded' && store !== 'neo4j') {
    throw new ConfigError(`--store must be "embedded" or "neo4j", got "${store}".`);
  }
  // Port 0 asks the system for any free port (tests, benchmarks).
  const port = wholeNumber(flags.port ?? env.PORT, '--port', DEFAULTS.port, 0);
  if (port > 65_535) throw new ConfigError(`--port must be at most 65535, got ${port}.`);
  return {
    store,
    db: flags.db ?? env.PAPERGRAPH_DB ?? DEFAULTS.db,
    neo4j: {
      uri: flags['neo4j-uri'] ?? env.NEO4J_URI ?? DEFAULTS.neo4jUri,
      user: flags['neo4j-user'] ?? env.NEO4J_USER ?? DEFAULTS.neo4jUser,
      password: flags['neo4j-password'] ?? env.NEO4J_PASSWORD ?? '',
      database: flags['neo4j-database'] ?? env.NEO4J_DATABASE ?? undefined,
    },
    host: flags.host ?? env.PAPERGRAPH_HOST ?? DEFAULTS.host,
    port,
    allowedHosts: allowedHosts(flags['allowed-host'] ?? (env.PAPERGRAPH_ALLOWED_HOSTS ?? '').split(',')),
    answerCacheMb: wholeNumber(env.PAPERGRAPH_ANSWER_CACHE_MB, 'PAPERGRAPH_ANSWER_CACHE_MB', DEFAULTS.answerCacheMb, 0),
    console: {
      timeoutMs: wholeNumber(flags.timeout ?? env.PAPERGRAPH_CYPHER_TIMEOUT_MS, '--timeout', DEFAULTS.timeoutMs),
      maxRows: wholeNumber(flags['max-rows'] ?? env.PAPERGRAPH_CYPHER_MAX_ROWS, '--max-rows', DEFAULTS.maxRows),
      maxBytes: wholeNumber(flags['max-bytes'] ?? env.PAPERGRAPH_CYPHER_MAX_BYTES, '--max-bytes', DEFAULTS.maxBytes, 1_000),
      maxMemoryMb: wholeNumber(flags['max-memory'] ?? env.PAPERGRAPH_CYPHER_MAX_MEMORY_MB, '--max-memory', DEFAULTS.maxMemoryMb, 256),
    },
    stateDir: env.PAPERGRAPH_STATE_DIR || path.join(os.homedir(), '.local', 'state', 'papergraph'),
    workers: flags.workers === undefined ? undefined : wholeNumber(flags.workers, '--workers', 1),
    fetch: {
      mailto: flags.mailto ?? env.PAPERGRAPH_MAILTO ?? null,
      ncbiApiKey: env.NCBI_API_KEY || null,
      // Tests replay recorded answers from 127.0.0.1; mirrors and proxies work the same way.
      baseUrls: {
        openalex: env.PAPERGRAPH_OPENALEX_URL || DEFAULTS.openalexUrl,
        arxiv: env.PAPERGRAPH_ARXIV_URL || DEFAULTS.arxivUrl,
        pubmed: env.PAPERGRAPH_EUTILS_URL || DEFAULTS.eutilsUrl,
      },
    },
  };
}
