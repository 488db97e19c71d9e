// The `papergraph` command: parses arguments, calls one module per command, prints.
// Exit codes: 0 ok, 1 error, 2 bad usage, 3 done but some input was skipped.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig, type Config, type ConfigFlags } from './config.ts';
import { InputError, formatProblem } from './corpus/problems.ts';
import type { PaperText } from './extract/types.ts';
import { openStore, ConsoleError, StoreError, type GraphStore } from './store/index.ts';
import { formatTable, formatStats, progressPrinter } from './cliOutput.ts';

// The extractor (compromise) and the readers load only for the commands that use
// them, so `stats`, `cypher` and `--help` start quickly.
const loadCorpus = () => import('./corpus/index.ts');
const loadExtract = () => import('./extract/index.ts');

export const EXIT = { ok: 0, error: 1, usage: 2, partial: 3 } as const;

class UsageError extends Error {}

const STORE_OPTIONS = {
  store: { type: 'string' },
  db: { type: 'string' },
  'neo4j-uri': { type: 'string' },
  'neo4j-user': { type: 'string' },
  'neo4j-password': { type: 'string' },
  'neo4j-database': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

const HELP: Record<string, string> = {
  main: `papergraph: papers in, a knowledge graph of papers and concepts out.

Usage: papergraph <command> [options]

Commands:
  fetch SOURCE QUERY    download papers from openalex, arxiv or pubmed to a .jsonl.gz file
  ingest [PATH…]        read papers, extract concepts, store the graph
  extract [PATH…|-]     print each paper's concepts as JSONL ('-' reads JSONL from stdin)
  serve                 serve the explorer and the HTTP API
  cypher QUERY          run a read-only Cypher query
  bridges A B           papers that connect two topics
  stats                 counts of papers, concepts, mentions, co-occurrences
  export --format F     write the graph as graphml|gexf|json|csv|neo4j-admin|thesaurus|vosviewer

Every command takes --store embedded|neo4j and --db DIR (env PAPERGRAPH_STORE, PAPERGRAPH_DB).
Run 'papergraph <command> --help' for its options.
Exit codes: 0 ok, 1 error, 2 bad usage, 3 done but some input records were skipped.`,
  ingest: `Usage: papergraph ingest [PATH…] [--store embedded|neo4j] [--db DIR] [--reset] [--thesaurus FILE] [--strict] [--workers N] [--no-wait] [--no-cache]

Reads files or directories (Daily Papers text, JSON/JSONL, CSV incl. IEEE Xplore, Scopus and
Embase exports, arXiv Atom, OpenAlex JSON, BibTeX, RIS), merges them with the papers already
stored, extracts concepts and replaces the stored graph. With no PATH, rebuilds the graph from
the stored papers (after editing a thesaurus, say).
  --reset            forget the stored papers first
  --thesaurus FILE   VOSviewer thesaurus (label<TAB>replace by; empty replacement drops the term)
  --strict           stop at the first bad record; store nothing
  --workers N        extraction worker threads
  --no-wait          if another ingest is writing to the same store, fail at once instead of waiting
  --no-cache         tag every paper again instead of reusing DIR/extraction-cache (the per-paper
                     extraction of papers whose title and abstract are unchanged)`,
  fetch: `Usage: papergraph fetch openalex|arxiv|pubmed QUERY [--from YEAR] [--max N] [--out FILE.jsonl.gz] [--ingest] [--mailto ADDRESS]

Downloads the papers matching QUERY, at each source's published rate (OpenAlex 10/s with
cursor paging, arXiv one call per 3 s, PubMed 3/s or 10/s with NCBI_API_KEY), retrying
429 and 5xx answers with back-off, into JSON Lines that ingest reads. Interrupted? Run the
same command again: it resumes from FILE.state.json.
  --from YEAR       only works published in YEAR or later
  --max N           stop after N records (default 1000)
  --out FILE        default SOURCE-QUERY.jsonl.gz
  --ingest          ingest the file into the store when done
  --mailto ADDRESS  your address for OpenAlex's polite pool and NCBI (env PAPERGRAPH_MAILTO)`,
  extract: `Usage: papergraph extract [PATH…|-] [--thesaurus FILE] [--workers N]

Prints one JSON line per paper: {"id","title","concepts":[{"id","label","score"}]}, best first.
'-' reads JSONL {"id","title","abstract"} from stdin; ids are echoed as given.`,
  serve: `Usage: papergraph serve [--port 3000] [--host 127.0.0.1] [--allowed-host NAME]… [--store …] [--db DIR] [--sample-if-empty]
                       [--timeout MS] [--max-rows N] [--max-bytes N] [--max-memory MB]

Serves the explorer and the HTTP API (described at /api/openapi.json). Binds 127.0.0.1
unless --host says otherwise (env PORT, PAPERGRAPH_HOST), and answers only requests for
localhost, 127.0.0.1, [::1] or its own address on its port, plus each NAME (or NAME:PORT)
given with --allowed-host (env PAPERGRAPH_ALLOWED_HOSTS, comma-separated).
  --sample-if-empty  when the store has no papers, ingest the bundled sample first (npm start)
The console limits apply to the explorer's Cypher console (see papergraph cypher --help).`,
  cypher: `Usage: papergraph cypher QUERY [--param k=v]… [--json] [--timeout MS] [--max-rows N] [--max-bytes N] [--max-memory MB]

Runs QUERY read-only: only read clauses (MATCH, OPTIONAL MATCH, WHERE, WITH, UNWIND, RETURN,
ORDER BY, SKIP, LIMIT, UNION, CALL { … }), allow-listed functions and a few schema procedures
are accepted; writes, schema changes, LOAD/COPY/INSTALL, settings and other procedures are
refused. --param values are parsed as JSON when they can be (--param n=5 is a number).
  --timeout MS       stop the query after MS milliseconds (default 10000)
  --max-rows N       return at most N rows (default 1000)
  --max-bytes N      stop reading rows once the result reaches N bytes of JSON (default 10000000)
  --max-memory MB    memory the query's process may use (default 2048)`,
  bridges: `Usage: papergraph bridges TOPIC_A TOPIC_B [--limit 10] [--json]

A topic is a concept (id, label or alias), free text, or a community ("community:3").`,
  stats: `Usage: papergraph stats [--json]`,
  export: `Usage: papergraph export --format graphml|gexf|json|csv|neo4j-admin|thesaurus|vosviewer [--out FILE|DIR]`,
};

function parse<T extends ParseArgsConfig['options']>(argv: string[], options: T, command: string) {
  try {
    return parseArgs({ args: argv, options: { ...STORE_OPTIONS, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${HELP[command]}`);
  }
}

/** The store flags of a parsed command line, to hand on to another command. */
function storeFlags(values: Record<string, unknown>): string[] {
  return Object.keys(STORE_OPTIONS).flatMap((name) => (typeof values[name] === 'string' ? [`--${name}`, values[name] as string] : []));
}

function configFrom(values: Record<string, unknown>): Config {
  return loadConfig(values as ConfigFlags);
}

async function withStore<T>(config: Config, fn: (store: GraphStore) => Promise<T>): Promise<T> {
  const store = await openStore(config);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

async function cmdIngest(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    reset: { type: 'boolean' },
    thesaurus: { type: 'string' },
    strict: { type: 'boolean' },
    workers: { type: 'string' },
    'no-wait': { type: 'boolean' },
    'no-cache': { type: 'boolean' },
  }, 'ingest');
  if (values.help) return help('ingest');
  const config = configFrom(values);
  const { readThesaurus } = await loadExtract();
  const { ingest } = await import('./ingest.ts');
  const { askForHeapIfShort } = await import('./ingestHeap.ts');
  const thesaurus = values.thesaurus ? readThesaurus(values.thesaurus) : undefined;
  const progress = progressPrinter(process.stderr);
  const { describeOwner } = await import('./store/storeLock.ts');
  const lock = {
    wait: !values['no-wait'],
    onWait: (owner: Parameters<typeof describeOwner>[0]) =>
      console.error(`papergraph ingest: waiting for ${describeOwner(owner)} to finish writing to ${storeName(config)}…`),
  };
  const summary = await withStore(config, (store) =>
    ingest(store, positionals, {
      reset: values.reset,
      strict: values.strict,
      thesaurus,
      workers: config.workers,
      cacheDir: values['no-cache'] ? undefined : join(config.db, 'extraction-cache'),
      progress,
      replaceSample: true,
      beforeExtraction: askForHeapIfShort,
      lock,
    }),
  );
  const stages = progress.done();
  // A terminal has seen each stage's line; a log gets them on one line.
  if (!process.stderr.isTTY && stages) console.error(`papergraph ingest: ${stages}`);
  for (const problem of summary.problems) console.error(formatProblem(problem));
  if (summary.replacedSample) {
    console.log(`The store held only the bundled sample (${summary.replacedSample} papers); your papers replace it. To keep both, ingest data/sample with your files.`);
  }
  const { stats } = summary;
  const skipped = summary.problems.filter((p) => p.severity === 'error').length;
  console.log(
    `Ingested ${summary.records} records from ${summary.files} files${summary.repeats ? ` (${summary.repeats} repeated verbatim)` : ''}: ${stats.papers} papers ` +
      `(${stats.papers - summary.previousPapers} new, ${stats.merged} records merged as duplicates), ` +
      `${stats.concepts} concepts, ${stats.mentions} mentions, ${stats.cooccurrences} co-occurrences, ` +
      `${stats.communities} communities` +
      (summary.reused ? ` (${summary.reused} papers' extraction reused from the cache)` : '') +
      ` in ${(summary.elapsedMs / 1000).toFixed(1)} s → ${storeName(config)}` +
      (skipped ? `. ${skipped} input problems skipped (listed above).` : ''),
  );
  return skipped ? EXIT.partial : EXIT.ok;
}

async function cmdFetch(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    from: { type: 'string' },
    max: { type: 'string' },
    out: { type: 'string' },
    ingest: { type: 'boolean' },
    mailto: { type: 'string' },
  }, 'fetch');
  if (values.help) return help('fetch');
  if (positionals.length !== 2) throw new UsageError(`Give a source and a query (quote it).\n\n${HELP.fetch}`);
  const [source, query] = positionals;
  const config = configFrom(values);
  const { runFetch, defaultOut, SOURCES } = await import('./fetch/index.ts');
  if (!SOURCES[source]) throw new UsageError(`Unknown source "${source}": choose ${Object.keys(SOURCES).join(', ')}.\n\n${HELP.fetch}`);
  const from = values.from === undefined ? null : Number(values.from);
  if (from !== null && !(Number.isInteger(from) && from >= 1600 && from <= 2200)) throw new UsageError(`--from takes a year, got "${values.from}".`);
  const max = values.max === undefined ? 1000 : Number(values.max);
  if (!Number.isInteger(max) || max < 1) throw new UsageError(`--max takes a whole number of at least 1, got "${values.max}".`);
  const out = values.out ?? defaultOut(source, query);
  const started = performance.now();
  const summary = await runFetch({ source, query, from, max, out }, config.fetch);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Fetched ${summary.records.toLocaleString('en')} records from ${summary.source}` +
      `${summary.total !== null ? ` (${summary.total.toLocaleString('en')} match)` : ''}` +
      `${summary.resumedAt ? `, resumed after ${summary.resumedAt.toLocaleString('en')}` : ''}` +
      ` in ${summary.requests} requests${summary.retries ? ` (${summary.retries} retried)` : ''}, ${seconds} s → ${out}` +
      `${summary.complete ? '' : ' (incomplete: run the same command again to go on)'}`,
  );
  if (!values.ingest) return EXIT.ok;
  return cmdIngest([out, ...storeFlags(values)]);
}

function storeName(config: Config): string {
  return config.store === 'neo4j' ? config.neo4j.uri : config.db;
}

async function cmdExtract(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { thesaurus: { type: 'string' }, workers: { type: 'string' } }, 'extract');
  if (values.help) return help('extract');
  if (positionals.length === 0) throw new UsageError(`Give files to read, or '-' for JSONL on stdin.\n\n${HELP.extract}`);
  const config = configFrom(values);
  const { extractJsonl, readThesaurus } = await loadExtract();
  const { readCorpus, readJsonlStream, isInputProblem, dedupePapers, mendBrokenWords } = await loadCorpus();
  const thesaurus = values.thesaurus ? readThesaurus(values.thesaurus) : undefined;
  let errors = 0;
  // Words broken by PDF extraction are mended with the input as dictionary, as readCorpus
  // does for files: on stdin, a block of papers at a time.
  async function* fromStdin(): AsyncIterable<PaperText> {
    let block: PaperText[] = [];
    for await (const item of readJsonlStream(process.stdin, '<stdin>')) {
      if (isInputProblem(item)) {
        console.error(formatProblem(item));
        if (item.severity === 'error') errors++;
        continue;
      }
      block.push(item);
      if (block.length >= 2000) {
        yield* mendBrokenWords(block);
        block = [];
      }
    }
    yield* mendBrokenWords(block);
  }
  async function* fromFiles(): AsyncIterable<PaperText> {
    const read = await readCorpus(positionals);
    for (const problem of read.problems) console.error(formatProblem(problem));
    errors += read.problems.filter((p) => p.severity === 'error').length;
    yield* dedupePapers(read.records).papers;
  }
  const out = process.stdout;
  const started = performance.now();
  const result = await extractJsonl(positionals.includes('-') ? fromStdin() : fromFiles(), async (line) => {
    if (!out.write(`${line}\n`)) await new Promise((resolve) => out.once('drain', resolve));
  }, { thesaurus, workers: config.workers });
  const seconds = (performance.now() - started) / 1000;
  console.error(`Extracted ${result.concepts} distinct concepts from ${result.papers} papers in ${seconds.toFixed(1)} s (${Math.round(result.papers / Math.max(seconds, 1e-3))} papers/s).`);
  return errors ? EXIT.partial : EXIT.ok;
}

async function cmdStats(argv: string[]): Promise<number> {
  const { values } = parse(argv, { json: { type: 'boolean' } }, 'stats');
  if (values.help) return help('stats');
  const config = configFrom(values);
  const stats = await withStore(config, (store) => store.stats());
  console.log(values.json ? JSON.stringify(stats) : formatStats(stats, storeName(config)));
  return EXIT.ok;
}

/** `--param k=v`: JSON when it parses (numbers, lists, booleans), the raw string otherwise. */
function parseParams(pairs: string[]): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--param takes key=value, got "${pair}".`);
    const raw = pair.slice(eq + 1);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // a bare string such as --param name=STDP
    }
    params[pair.slice(0, eq)] = value;
  }
  return params;
}

async function cmdCypher(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    param: { type: 'string', multiple: true },
    json: { type: 'boolean' },
    timeout: { type: 'string' },
    'max-rows': { type: 'string' },
    'max-bytes': { type: 'string' },
    'max-memory': { type: 'string' },
  }, 'cypher');
  if (values.help) return help('cypher');
  if (positionals.length !== 1) throw new UsageError(`Give exactly one QUERY (quote it).\n\n${HELP.cypher}`);
  const config = configFrom(values);
  const params = parseParams(values.param ?? []);
  // The same isolation as the server's console: a child process under the memory limit,
  // killed past the timeout; an engine crash there is an error message here, not exit 139.
  const { isolatedConsole } = await import('./store/isolatedConsole.ts');
  const runner = isolatedConsole(config, { workers: 1, log: (line) => console.error(line) });
  let result;
  try {
    result = await runner.console(positionals[0], params, config.console);
  } finally {
    await runner.close();
  }
  if (values.json) {
    const { columns, rows, truncated, truncatedBy, elapsedMs } = result;
    console.log(JSON.stringify({ columns, rows, truncated, truncatedBy, elapsedMs }));
  } else {
    const cut = { rows: ` (cut at --max-rows ${config.console.maxRows})`, bytes: ` (cut at --max-bytes ${config.console.maxBytes})` };
    console.log(formatTable(result.columns, result.rows));
    console.log(`${result.rows.length} row${result.rows.length === 1 ? '' : 's'}${result.truncatedBy ? cut[result.truncatedBy] : ''} in ${result.elapsedMs} ms`);
  }
  return EXIT.ok;
}

async function cmdServe(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    port: { type: 'string' },
    host: { type: 'string' },
    'allowed-host': { type: 'string', multiple: true },
    timeout: { type: 'string' },
    'max-rows': { type: 'string' },
    'max-bytes': { type: 'string' },
    'max-memory': { type: 'string' },
    'sample-if-empty': { type: 'boolean' },
  }, 'serve');
  if (values.help) return help('serve');
  const config = configFrom(values);
  if (values['sample-if-empty']) {
    const stats = await withStore(config, (store) => store.stats());
    if (stats.papers === 0) {
      const { SAMPLE_DIR } = await import('./sample.ts');
      console.log('The store is empty: loading the bundled sample (data/sample, 99 papers). `papergraph ingest YOUR-FILES` replaces it with your papers.');
      await cmdIngest([SAMPLE_DIR, ...storeFlags(values)]);
    }
  }
  const { serve } = await import('./server/serve.ts');
  await serve(config);
  return EXIT.ok;
}

async function cmdBridges(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { limit: { type: 'string' }, json: { type: 'boolean' } }, 'bridges');
  if (values.help) return help('bridges');
  if (positionals.length !== 2) throw new UsageError(`Give two topics.\n\n${HELP.bridges}`);
  const config = configFrom(values);
  const { runBridgesCommand } = await import('./explore/bridgesCommand.ts');
  return withStore(config, (store) => runBridgesCommand(store, positionals[0], positionals[1], { limit: values.limit, json: values.json }));
}

async function cmdExport(argv: string[]): Promise<number> {
  const { values } = parse(argv, { format: { type: 'string' }, out: { type: 'string' } }, 'export');
  if (values.help) return help('export');
  if (!values.format) throw new UsageError(`--format is required.\n\n${HELP.export}`);
  const config = configFrom(values);
  const { exportGraph, EXPORT_FORMATS } = await import('./export/index.ts');
  if (!EXPORT_FORMATS.includes(values.format)) throw new UsageError(`Unknown --format "${values.format}".\n\n${HELP.export}`);
  const summary = await withStore(config, (store) =>
    exportGraph(store, values.format!, values.out ?? null, () => (values.out ? createWriteStream(values.out) : process.stdout)),
  );
  console.error(summary);
  return EXIT.ok;
}

function help(command: string): number {
  console.log(HELP[command] ?? HELP.main);
  return EXIT.ok;
}

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  fetch: cmdFetch,
  ingest: cmdIngest,
  extract: cmdExtract,
  serve: cmdServe,
  cypher: cmdCypher,
  bridges: cmdBridges,
  stats: cmdStats,
  export: cmdExport,
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') return help('main');
  const run = COMMANDS[command];
  if (!run) {
    console.error(`papergraph: unknown command "${command}".\n\n${HELP.main}`);
    return EXIT.usage;
  }
  try {
    return await run(rest);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      console.error(`papergraph ${command}: ${error.message}`);
      return EXIT.usage;
    }
    if (error instanceof InputError || error instanceof StoreError || error instanceof ConsoleError || (error instanceof Error && (error.name === 'ThesaurusError' || error.name === 'FetchError'))) {
      console.error(`papergraph ${command}: ${error.message}`);
      return EXIT.error;
    }
    console.error(`papergraph ${command}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return EXIT.error;
  }
}

process.exitCode = await main(process.argv.slice(2));
