// An ingest whose corpus needs more heap than `papergraph ingest` starts with (200,000
// papers need more than its 1.5 GB) ran out of it and died with V8's "heap out of
// memory", storing nothing. Now the launcher runs it again with twice the heap: here a
// real CLI ingest of the bundled sample, started with a heap far too small for it. And
// a corpus with more papers than the heap can hold says so as soon as it is read, and is
// run again with the heap its papers need before anything is tagged (src/ingestHeap.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SAMPLE_DIR } from '../helpers/sampleStore.ts';
import { openEmbeddedStore } from '../../src/store/embedded.ts';
import { readCorpus } from '../../src/corpus/index.ts';
import { heapNeededMb } from '../../src/ingestHeap.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/papergraph.mjs');
/** Too little for the sample's ingest (it dies of it); twice as much is enough. */
const HEAP_MB = 32;
let work: string;

function ingest(db: string, env: NodeJS.ProcessEnv, input = SAMPLE_DIR): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [BIN, 'ingest', input, '--db', db], {
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

describe('a corpus with more papers than the heap holds', () => {
  it('is run again with the heap its papers need as soon as they are read, and stored whole', async () => {
    // 8,000 short papers made of the sample's sentences, each its own paper: many papers, little text to tag.
    const { records } = await readCorpus([SAMPLE_DIR], {});
    const sentences = records.flatMap((r) => (r.abstract ?? '').split(/(?<=\.)\s+/)).filter((s) => s.length > 40);
    const papers = 8000;
    const file = path.join(work, 'short-papers.jsonl');
    writeFileSync(
      file,
      Array.from({ length: papers }, (_, i) =>
        JSON.stringify({ id: `short-${i}`, title: `${records[i % records.length].title} (part ${i})`, abstract: sentences[i % sentences.length] }),
      ).join('\n'),
    );
    // Enough to read them (the sample's ingest needs less), not to extract them all.
    const startMb = 2 * HEAP_MB;
    const needed = heapNeededMb(papers);
    expect(needed).toBeGreaterThan(startMb);
    const run = await ingest(path.join(work, 'short'), { PAPERGRAPH_INGEST_HEAP_MB: String(startMb) }, file);
    expect(run.stderr).toContain(`${papers} papers need about ${needed} MB of heap, more than this ingest's ${startMb} MB; nothing was tagged or stored yet. Running it with ${Math.ceil(needed / 256) * 256} MB.`);
    expect(run.stderr).not.toContain('SIGABRT');
    expect(run.code).toBe(0);
    expect(await paperCount(path.join(work, 'short'))).toBe(papers);
  }, 240_000);
});
