// `papergraph serve`: open the store, load the read model, listen.
import { fileURLToPath } from 'node:url';
import { createServer, type Server } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Config } from '../config.ts';
import { prepareIndexes } from '../explore/prepareIndexes.ts';
import { loadSnapshot, type Snapshot } from '../explore/snapshot.ts';
import { openReader, type GraphReader, type StopWatching } from '../store/index.ts';
import { isolatedConsole } from '../store/isolatedConsole.ts';
import { createListener } from './app.ts';

export const WEB_DIR = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export async function startServer(config: Config, options: { quiet?: boolean } = {}): Promise<{ server: Server; url: string; close: () => Promise<void> }> {
  const store = await openReader(config);
  let snapshot = prepareIndexes(await loadSnapshot(store));
  collectLoadGarbage();
  const stopWatching = watchForNewGraphs(store, (next) => (snapshot = next), options.quiet);
  // Console queries run in child processes that can be killed and live under a memory
  // limit: the embedded engine cannot interrupt every query, and a crash stays there.
  const console = isolatedConsole(config, { prestart: true });
  const listener = createListener({
    store,
    snapshot: () => snapshot,
    console,
    limits: config.console,
    webDir: WEB_DIR,
    storeKind: config.store,
    host: config.host,
    allowedHosts: config.allowedHosts,
    answerCacheBytes: config.answerCacheMb * 1_000_000,
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = createServer(listener).listen(config.port, config.host, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  if (!options.quiet) process.stdout.write(`papergraph explorer at ${url}\n`);
  return {
    server,
    url,
    close: async () => {
      stopWatching();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await console.close();
      await store.close();
    },
  };
}

/**
 * Loading a read model leaves garbage (rows, intermediate maps: about 100 MB beside the
 * 220 MB kept, for the 12,659 NeurIPS/ICML/ICLR papers). Collected before the server
 * listens, not by the first full collection under the first visitors' requests: that
 * one's marking steps (a quarter of a second of the event loop on two busy cores) were
 * the p99 of the first questions asked.
 */
function collectLoadGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/**
 * An ingest run while the explorer is open stores a new graph (a new database file, or
 * a new version in Neo4j); the server notices within seconds and answers from it (the
 * old read model serves until the new one is loaded).
 */
function watchForNewGraphs(store: GraphReader, swap: (snapshot: Snapshot) => void, quiet = false): StopWatching {
  let loading = false;
  let again = false;
  const reload = () => {
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    loadSnapshot(store)
      .then((next) => {
        swap(prepareIndexes(next));
        if (!quiet) process.stdout.write(`papergraph: a new graph was ingested; now serving ${next.papers.size} papers, ${next.concepts.size} concepts\n`);
      })
      .catch((error: Error) => process.stderr.write(`papergraph: could not load the new graph: ${error.message}\n`))
      .finally(() => {
        loading = false;
        if (again) {
          again = false;
          reload();
        }
      });
  };
  return store.watch(reload);
}

export async function serve(config: Config): Promise<void> {
  const { close } = await startServer(config);
  const stop = () => {
    void close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await new Promise(() => {});
}
