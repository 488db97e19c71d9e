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
  const idle = [...workers];
  const waiting: ((worker: Worker) => void)[] = [];
  const acquire = () => new Promise<Worker>((resolve) => (idle.length > 0 ? resolve(idle.pop()!) : waiting.push(resolve)));
  const release = (worker: Worker) => (waiting.length > 0 ? waiting.shift()!(worker) : idle.push(worker));

  const run = async (papers: PaperText[], batch: number): Promise<string[]> => {
    const worker = await acquire();
    try {
      return await new Promise<string[]>((resolve, reject) => {
        const onMessage = (message: { batch: number; analyses?: string[]; error?: string }) => {
          if (message.batch !== batch) return;
          worker.off('message', onMessage);
          worker.off('error', reject);
          if (message.error) reject(new Error(`extraction worker failed: ${message.error}`));
          else resolve(message.analyses!);
        };
        worker.on('message', onMessage);
        worker.once('error', reject);
        // Only the fields analysis reads cross the thread boundary.
        worker.postMessage({ batch, papers: papers.map(({ id, title, abstract }) => ({ id, title, abstract })) });
      });
    } finally {
      release(worker);
    }
  };

  let nextBatch = 0;
  return {
    async analyzeEncoded(papers, onBatch) {
      const jobs: Promise<string[]>[] = [];
      let done = 0;
      for (let i = 0; i < papers.length; i += batchSize) {
        jobs.push(
          run(papers.slice(i, i + batchSize), nextBatch++).then((result) => {
            done += result.length;
            onBatch?.(done);
            return result;
          }),
        );
      }
      return (await Promise.all(jobs)).flat();
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
