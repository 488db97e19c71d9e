// Betweenness (betweenness.ts) on a worker thread, so that on a large map its breadth-
// first searches, the longest analytic, run beside communities, layout and relevance
// instead of after them. Only the adjacency crosses to the worker (betweenness counts
// hops, not weights); the scores are those of betweenness() in-process.
import { Worker } from 'node:worker_threads';
import type { BetweennessOptions } from './betweenness.ts';
import type { ConceptGraph } from './conceptGraph.ts';

export function betweennessOnThread(graph: ConceptGraph, options: BetweennessOptions = {}): Promise<Map<string, number>> {
  const { ids, starts, neighbours } = graph;
  const worker = new Worker(new URL('./betweenness-worker.mjs', import.meta.url), { workerData: { ids, starts, neighbours, options } });
  return new Promise<Map<string, number>>((resolve, reject) => {
    worker.once('message', (message: { scores?: Map<string, number>; error?: string }) => {
      if (message.error) reject(new Error(`betweenness worker failed: ${message.error}`));
      else resolve(message.scores!);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`betweenness worker exited with code ${code} before answering`)));
  }).finally(() => void worker.terminate());
}
