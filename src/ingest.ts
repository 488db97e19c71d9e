// The write side in one function: corpus → extract → graph → store.
// Re-ingesting merges the new input with the papers already stored and rebuilds the
// concept graph from all of them, so concept statistics (document frequencies,
// communities, layout) always describe the whole corpus, and reading the same
// input twice stores the same graph. The whole run holds the store's write lock, so a
// concurrent ingest waits and then merges with this one's result instead of losing it.
import { applyThesaurusToKeywords, dedupePapers, readCorpus, type InputProblem } from './corpus/index.ts';
import { extractCorpus, type Thesaurus } from './extract/index.ts';
import { buildGraph } from './graph/buildGraph.ts';
import { compareIds } from './graph/cooccurrence.ts';
import type { GraphStats } from './graph/model.ts';
import { holdsOnlyTheSample } from './sample.ts';
import { GraphHandoff, type GraphStore, type ProgressFn } from './store/GraphStore.ts';
import type { LockOptions } from './store/storeLock.ts';

export interface IngestOptions {
  /** Ignore what is stored and build from `paths` alone. */
  reset?: boolean;
  /** Stop on the first input error instead of skipping bad records. */
  strict?: boolean;
  thesaurus?: Thesaurus;
  workers?: number;
  /**
   * Directory of the per-paper extraction cache (src/extract/analysisCache.ts): a paper
   * whose cleaned text it holds is not tagged again; corpus statistics and the graph are
   * still recomputed over every paper, so the stored graph is the one a full ingest makes.
   */
  cacheDir?: string;
  /**
   * When the store holds only the bundled sample and the input does not bring it again,
   * replace the store instead of adding to it (what the CLI does: the sample is a demo).
   * Default false: callers that add to a store get exactly that.
   */
  replaceSample?: boolean;
  progress?: ProgressFn;
  /**
   * Called with the number of papers the run will extract (input and stored papers
   * merged), before any is tagged and before anything is stored: the CLI checks its
   * heap here (ingestHeap.ts).
   */
  beforeExtraction?: (papers: number) => void | Promise<void>;
  /** Waiting for another ingest of the same store: wait (default) or fail at once, and what to say. */
  lock?: LockOptions;
}

export interface IngestSummary {
  files: number;
  records: number;
  /** Records read that are exact copies of another record (overlapping files, say). */
  repeats: number;
  /** Papers that were in the store before this run. */
  previousPapers: number;
  /** The store held only the bundled sample and this run replaced it (its paper count), else 0. */
  replacedSample: number;
  problems: InputProblem[];
  /** Papers whose extraction came from the cache instead of being tagged again. */
  reused: number;
  stats: GraphStats;
  elapsedMs: number;
}

export function ingest(store: GraphStore, paths: string[], options: IngestOptions = {}): Promise<IngestSummary> {
  return store.withWriteLock(() => ingestLocked(store, paths, options), options.lock);
}

async function ingestLocked(store: GraphStore, paths: string[], options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const progress = options.progress ?? (() => {});
  const { graph, summary } = await buildIngestGraph(store, paths, options, progress);
  // Handed off: the papers, their extraction and the graph are reachable from nowhere
  // else, so the writer can let them go before its database fills its buffer pool.
  await store.write(graph, progress);
  return { ...summary, stats: await store.stats(), elapsedMs: Math.round(performance.now() - started) };
}

/** The graph of the stored papers and the input's, held so that nothing else keeps it. */
async function buildIngestGraph(store: GraphStore, paths: string[], options: IngestOptions, progress: ProgressFn) {
  // No paths: rebuild from what is stored (after editing a thesaurus, say).
  const read = paths.length
    ? await readCorpus(paths, { strict: options.strict, onFile: (_file, done, total) => progress('reading', done, total) })
    : { records: [], problems: [], files: 0 };
  let stored = options.reset ? [] : await store.papers();
  // A store holding only the bundled sample (what `npm start` loads on a first run) is a
  // demo: your first ingest replaces it rather than mixing your papers with it.
  const replacedSample = options.replaceSample && (await holdsOnlyTheSample(stored, read.records)) ? stored.length : 0;
  if (replacedSample) stored = [];
  // The thesaurus speaks for the authors' keywords too (README "Author keywords").
  // In id order: corpus statistics break some ties by the order papers come in (which of
  // two equally frequent long forms an acronym merges into, say), and stored papers come
  // back in the store's order; sorted, a store built in several ingests is the one built at once.
  const papers = applyThesaurusToKeywords(dedupePapers([...stored, ...read.records]).papers, options.thesaurus).sort((a, b) => compareIds(a.id, b.id));
  await options.beforeExtraction?.(papers.length);
  let reused = 0;
  const extraction = await extractCorpus(papers, {
    thesaurus: options.thesaurus,
    workers: options.workers,
    cacheDir: options.cacheDir,
    onCache: (hits) => (reused = hits),
    onProgress: (done, total) => progress('extracting', done, total),
  });
  const summary = {
    files: read.files,
    records: read.records.length,
    repeats: read.records.length - new Set(read.records.flatMap((r) => r.sources)).size,
    previousPapers: stored.length,
    replacedSample,
    problems: read.problems,
    reused,
  };
  return { graph: new GraphHandoff(await buildGraph(papers, extraction, { onPhase: (phase) => progress(phase, 0, 0) })), summary };
}
