// Worker-thread entry of betweennessOnThread (betweennessThread.ts). Plain JavaScript
// because a worker starts outside tsx's loader: register it, then load the TypeScript module.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { betweenness } = await import('./betweenness.ts');

const { ids, starts, neighbours, options } = workerData;
try {
  parentPort.postMessage({ scores: betweenness({ ids, starts, neighbours, weights: new Float64Array(0), size: neighbours.length / 2 }, options) });
} catch (error) {
  parentPort.postMessage({ error: error instanceof Error ? error.stack ?? error.message : String(error) });
}
