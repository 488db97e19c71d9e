// The two longest analytics, betweenness (betweenness.ts, its searches split between
// two threads) and the layout (layout.ts), on worker threads, so that on a large map
// they run beside each other and beside communities, PageRank and relevance instead of
// one after the other. The graph's
// typed arrays are copied to the worker; the results are those of the same functions
// in-process.
import { Worker } from 'node:worker_threads';
import type { ConceptGraph } from './conceptGraph.ts';
import type { LayoutOptions, Point } from './layout.ts';

type Job =
  | { job: 'dependencySums'; graph: ConceptGraph; sources: number[] }
  | { job: 'layout'; graph: ConceptGraph; communities: Map<string, number>; options: LayoutOptions };

export function onThread(work: Job & { job: 'dependencySums' }): Promise<Float64Array>;
export function onThread(work: Job & { job: 'layout' }): Promise<Map<string, Point>>;
export function onThread(work: Job): Promise<Float64Array | Map<string, Point>> {
  const worker = new Worker(new URL('./analytics-worker.mjs', import.meta.url), { workerData: work });
  const answer = new Promise<Float64Array | Map<string, Point>>((resolve, reject) => {
    worker.once('message', (message: { result?: Float64Array | Map<string, Point>; error?: string }) => {
      if (message.error) reject(new Error(`${work.job} worker failed: ${message.error}`));
      else resolve(message.result!);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`${work.job} worker exited with code ${code} before answering`)));
  }).finally(() => void worker.terminate());
  // Awaited by the caller once its other work is done; not an unhandled rejection meanwhile.
  answer.catch(() => {});
  return answer;
}
