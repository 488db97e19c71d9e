// Worker-thread entry of the tagging pool (pool.ts). Plain JavaScript because a worker
// starts outside tsx's loader: register it, then load the TypeScript module.
import { getPriority, setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

// compromise's setTag reads process.env.DEBUG_TAGS on every call, about 340 times per
// paper, and process.env is an accessor into the environment (~0.7 µs a read). A
// worker's process.env is already its own copy; a plain object makes the read free.
process.env = { ...process.env };
// The main thread's corpus passes are the critical path of an extraction, and with two
// workers three busy threads share two cores: a worker yields to it. On Linux a nice
// value is per thread, so this lowers this worker's priority only.
try {
  setPriority(Math.min(19, getPriority() + 5));
} catch {
  // Not permitted here: the worker runs at the process's priority.
}
// The tagger library is plain JavaScript of some hundred modules: loaded before tsx's
// hooks are registered, none of them takes a round trip to tsx's loader thread (half
// of the library's loading time, and a worker's start-up).
await import('compromise/two');
register();
const { analyzePaper } = await import('./analyze.ts');
const { encodeAnalysis } = await import('./analysisCache.ts');

// Every worker receives every job; `claimed` counts the batches taken by all of them.
parentPort.on('message', ({ job, papers, batchSize, claimed }) => {
  for (let batch = Atomics.add(claimed, 0, 1); batch * batchSize < papers.length; batch = Atomics.add(claimed, 0, 1)) {
    try {
      const analyses = papers.slice(batch * batchSize, (batch + 1) * batchSize).map((paper) => encodeAnalysis(analyzePaper(paper)));
      parentPort.postMessage({ job, batch, analyses });
    } catch (error) {
      parentPort.postMessage({ job, batch, error: error instanceof Error ? error.stack ?? error.message : String(error) });
      return;
    }
  }
});
