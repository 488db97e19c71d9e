// A pool of worker threads that tag papers in parallel (tagging is the CPU-bound part
// of extraction). Batches come back in input order whatever the finishing order, so
// results do not depend on scheduling.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { analyzePaper } from './analyze.ts';
import { encodeAnalysis } from './analysisCache.ts';
import type { PaperText } from './types.ts';

export interface AnalyzerOptions {
  /** Worker threads (default min(2, cores)); 1 runs in-process. */
  workers?: number;
  /** Papers per message to a worker (default 64). */
  batchSize?: number;
}

/**
 * Tags papers; `close()` ends the workers. Analyses come back in their compact form
 * (analysisCache.ts): a fifth of the memory of the objects, and one string per paper
 * crosses the thread boundary, where the structured clone of a paper's hundreds of
 * small objects cost the receiving main thread more than decoding the string does.
 */
export interface Analyzer {
  analyzeEncoded(papers: PaperText[], onBatch?: (done: number) => void): Promise<string[]>;
  close(): Promise<void>;
}

export function defaultWorkers(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

function inProcess(): Analyzer {
  return {
    async analyzeEncoded(papers, onBatch) {
      const out: string[] = [];
      for (const paper of papers) {
        out.push(encodeAnalysis(analyzePaper(paper)));
        if (out.length % 64 === 0) onBatch?.(out.length);
      }
      onBatch?.(out.length);
      return out;
    },
    async close() {},
  };
}

export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  const workerCount = options.workers ?? defaultWorkers();
  if (workerCount <= 1) return inProcess();
  const batchSize = options.batchSize ?? 64;
  const workers = Array.from({ length: workerCount }, () => new Worker(new URL('./analyze-worker.mjs', import.meta.url)));
  interface Job {
    batches: (string[] | undefined)[];
    left: number;
    done: number;
    resolve(analyses: string[]): void;
    reject(error: Error): void;
    onBatch?: (done: number) => void;
  }
  const jobs = new Map<number, Job>();
  const fail = (error: Error) => {
    for (const job of jobs.values()) job.reject(error);
    jobs.clear();
  };
  for (const worker of workers) {
    worker.on('message', (message: { job: number; batch: number; analyses?: string[]; error?: string }) => {
      const job = jobs.get(message.job);
      if (!job) return;
      if (message.error !== undefined) {
        jobs.delete(message.job);
        job.reject(new Error(`extraction worker failed: ${message.error}`));
        return;
      }
      job.batches[message.batch] = message.analyses;
      job.done += message.analyses!.length;
      job.onBatch?.(job.done);
      if (--job.left > 0) return;
      jobs.delete(message.job);
      job.resolve(job.batches.flat() as string[]);
    });
    worker.on('error', fail);
  }

  let nextJob = 0;
  return {
    analyzeEncoded(papers, onBatch) {
      if (papers.length === 0) return Promise.resolve([]);
      const id = nextJob++;
      const batches = Math.ceil(papers.length / batchSize);
      const result = new Promise<string[]>((resolve, reject) => jobs.set(id, { batches: new Array(batches), left: batches, done: 0, resolve, reject, onBatch }));
      // Every worker gets the whole job and claims its batches from a shared counter: a
      // worker that finishes a batch takes the next at once, where handing out batches
      // from the main thread left both idle for as long as the main thread was busy
      // building an earlier block (half the wall time of `papergraph extract`).
      const claimed = new Int32Array(new SharedArrayBuffer(4));
      // Only the fields analysis reads cross the thread boundary.
      const texts = papers.map(({ id, title, abstract }) => ({ id, title, abstract }));
      for (const worker of workers) worker.postMessage({ job: id, papers: texts, batchSize, claimed });
      return result;
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
