// Worker-thread entry of onThread (analyticsThread.ts). Plain JavaScript because a
// worker starts outside tsx's loader: register it, then load the TypeScript modules.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { job, graph, sources, communities, options } = workerData;
try {
  const result =
    job === 'dependencySums'
      ? (await import('./betweenness.ts')).dependencySums(graph, sources)
      : (await import('./layout.ts')).layoutConcepts(graph, communities, options);
  parentPort.postMessage({ result });
} catch (error) {
  parentPort.postMessage({ error: error instanceof Error ? error.stack ?? error.message : String(error) });
}
