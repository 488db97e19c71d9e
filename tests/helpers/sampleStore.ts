// Real stores for integration and e2e tests: a throw-away directory, the real
// readers, extractor, graph build and @ladybugdb/core. Nothing is mocked.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../src/config.ts';
import { ingest } from '../../src/ingest.ts';
import { openEmbeddedStore } from '../../src/store/embedded.ts';

export const SAMPLE_DIR = path.resolve(import.meta.dirname, '../../data/sample');

export interface TestStore {
  dir: string;
  config: Config;
  cleanup: () => void;
}

/** Ingests `paths` (default: the bundled sample corpus) into a fresh temp store. */
export async function makeTestStore(paths: string[] = [SAMPLE_DIR]): Promise<TestStore> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'papergraph-test-'));
  const store = await openEmbeddedStore(dir);
  try {
    await ingest(store, paths, { workers: 1 });
  } finally {
    await store.close();
  }
  const config = loadConfig({ db: dir, port: '0' }, {});
  return { dir, config, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
