// An ingest whose corpus needs more heap than `papergraph ingest` starts with (200,000
// papers need more than its 1.5 GB) ran out of it and died with V8's "heap out of
// memory", storing nothing. Now the launcher runs it again with twice the heap: here a
// real CLI ingest of the bundled sample, started with a heap far too small for it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SAMPLE_DIR } from '../helpers/sampleStore.ts';
import { openEmbeddedStore } from '../../src/store/embedded.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/papergraph.mjs');
/** Too little for the sample's ingest (it dies of it); twice as much is enough. */
const HEAP_MB = 32;
let work: string;

function ingest(db: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [BIN, 'ingest', SAMPLE_DIR, '--db', db], {
    env: { ...process.env, PAPERGRAPH_STORE: 'embedded', NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

async function paperCount(db: string): Promise<number> {
  const store = await openEmbeddedStore(db);
  try {
    return (await store.stats()).papers;
  } finally {
    await store.close();
  }
}

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'papergraph-heap-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('an ingest that runs out of heap', () => {
  it('runs again with twice the heap, says so, and stores the whole corpus', async () => {
    const [small, full] = await Promise.all([ingest(path.join(work, 'small'), { PAPERGRAPH_INGEST_HEAP_MB: String(HEAP_MB) }), ingest(path.join(work, 'full'), {})]);
    expect(small.stderr).toContain(`out of its ${HEAP_MB} MB heap, most likely; nothing was stored. Running it again with ${2 * HEAP_MB} MB`);
    expect(small.code).toBe(0);
    expect(full.stderr).not.toContain('SIGABRT');
    expect(full.code).toBe(0);
    expect(await paperCount(path.join(work, 'small'))).toBe(await paperCount(path.join(work, 'full')));
  }, 240_000);
});
