// Worker-thread entry of the tagging pool (pool.ts). Plain JavaScript because a worker
// starts outside tsx's loader: register it, then load the TypeScript module.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { analyzePaper } = await import('./analyze.ts');
const { encodeAnalysis } = await import('./analysisCache.ts');

parentPort.on('message', ({ batch, encode, papers }) => {
  try {
    parentPort.postMessage({ batch, analyses: papers.map((paper) => (encode ? encodeAnalysis(analyzePaper(paper)) : analyzePaper(paper))) });
  } catch (error) {
    parentPort.postMessage({ batch, error: error instanceof Error ? error.stack ?? error.message : String(error) });
  }
});
