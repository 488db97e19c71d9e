// The real NeurIPS/ICML/ICLR corpus (12,717 papers, ../shared/corpora/, never copied
// into the repository) as a real embedded store, for tests that need real scale.
//
// Where the corpus is: $PAPERGRAPH_CORPORA/<file>, else `shared/corpora/<file>` beside the
// repository or beside any directory above it (`../shared/corpora/` from a checkout,
// `../../shared/corpora/` from a worktree in a subdirectory). When it is nowhere, tests
// must report themselves skipped with `corpusMissing` as the reason.
//
// Cost: an ingest takes about a minute and 1.7 GB, so the store is built once per
// version of the code and shared: by every test file of a run (a lock directory lets
// one build while the others wait) and by later runs, under a key hashed from the
// corpus file and every file the build reads (src/, cypher/, data/extract/, the lock
// file). A change to any of them gives a new key, so a stale store is never used.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ingest } from '../../src/ingest.ts';
import { openEmbeddedStore } from '../../src/store/embedded.ts';

export const NEURIPS_CORPUS = 'neurips-icml-iclr-1987-2019.jsonl';
const ROOT = path.resolve(import.meta.dirname, '../..');
const CACHE = path.join(os.tmpdir(), 'papergraph-test-stores');
const BUILD_INPUTS = ['src', 'cypher', 'data/extract', 'package-lock.json'];
const WAIT_MS = 20 * 60_000;

/** The corpus file, or why it cannot be found. */
export function locateCorpus(file = NEURIPS_CORPUS): { file: string } | { missing: string } {
  const env = process.env.PAPERGRAPH_CORPORA;
  if (env) {
    const candidate = path.resolve(env, file);
    return existsSync(candidate) ? { file: candidate } : { missing: `PAPERGRAPH_CORPORA=${env} has no ${file}` };
  }
  const tried: string[] = [];
  for (let dir = path.dirname(ROOT); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'corpora', file);
    tried.push(candidate);
    if (existsSync(candidate)) return { file: candidate };
    if (path.dirname(dir) === dir) break;
  }
  return { missing: `${file} not found (set PAPERGRAPH_CORPORA, or put it in ../shared/corpora/; tried ${tried.join(', ')})` };
}

/** Every file under `dir` (sorted), for the build key. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (statSync(dir).isFile()) return [dir];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => filesUnder(path.join(dir, entry.name)));
}

function buildKey(corpus: string): string {
  const hash = createHash('sha256');
  const stat = statSync(corpus);
  hash.update(`${corpus}\0${stat.size}\0${stat.mtimeMs}\0`);
  for (const file of BUILD_INPUTS.flatMap((input) => filesUnder(path.join(ROOT, input)))) {
    hash.update(path.relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

const STALE_MS = 24 * 3600_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A store of the corpus `file` (ingested with the current code), built at most once per
 * code version: the directory to open with openEmbeddedStore. Throws if the corpus is
 * missing: call locateCorpus first to skip with a reason.
 */
export async function corpusStore(file = NEURIPS_CORPUS): Promise<string> {
  const found = locateCorpus(file);
  if ('missing' in found) throw new Error(found.missing);
  const name = path.basename(file).replace(/\.jsonl(\.gz)?$/, '');
  const dir = path.join(CACHE, `${name}-${buildKey(found.file)}`);
  const ready = path.join(dir, 'READY');
  const lock = `${dir}.lock`;
  mkdirSync(CACHE, { recursive: true });
  const started = Date.now();
  while (!existsSync(ready)) {
    try {
      mkdirSync(lock);
    } catch {
      if (Date.now() - started > WAIT_MS) throw new Error(`Gave up waiting for another process to build ${dir} (lock ${lock})`);
      await sleep(2_000);
      continue;
    }
    try {
      if (existsSync(ready)) break;
      rmSync(dir, { recursive: true, force: true });
      const store = await openEmbeddedStore(path.join(dir, 'store'));
      try {
        await ingest(store, [found.file], {});
      } finally {
        await store.close();
      }
      writeFileSync(ready, `${new Date().toISOString()}\n`);
      // Stores of other code versions untouched for a day are of no further use; younger
      // ones may belong to another checkout whose tests are reading them right now.
      for (const entry of readdirSync(CACHE)) {
        const other = path.join(CACHE, entry);
        if (entry.startsWith(`${name}-`) && entry !== path.basename(dir) && !entry.endsWith('.lock') && Date.now() - statSync(other).mtimeMs > STALE_MS) {
          rmSync(other, { recursive: true, force: true });
        }
      }
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return path.join(dir, 'store');
}

/** The corpus records as the raw JSONL holds them, for checks independent of the extractor. */
export function readCorpusRecords(file: string): { id: string; title: string; abstract: string }[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { id: string; title: string; abstract: string });
}
