// `papergraph serve`: open the store, load the read model, listen.
import { fileURLToPath } from 'node:url';
import type { Server } from 'node:http';
import type { Config } from '../config.ts';
import { prepareIndexes } from '../explore/prepareIndexes.ts';
import { loadSnapshot, type Snapshot } from '../explore/snapshot.ts';
import { EmbeddedStore } from '../store/embedded.ts';
import { openStore } from '../store/index.ts';
import { isolatedConsole } from '../store/isolatedConsole.ts';
import { createApp } from './app.ts';

export const WEB_DIR = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export async function startServer(config: Config, options: { quiet?: boolean } = {}): Promise<{ server: Server; url: string; close: () => Promise<void> }> {
  const store = await openStore(config);
  let snapshot = prepareIndexes(await loadSnapshot(store));
  const embedded = store instanceof EmbeddedStore ? store : null;
  const stopWatching = embedded ? watchForNewGraphs(embedded, (next) => (snapshot = next), options.quiet) : () => {};
  // Console queries run in child processes that can be killed and live under a memory
  // limit: the embedded engine cannot interrupt every query, and a crash stays there.
  const console = isolatedConsole(config, { prestart: true });
  const app = createApp({
    store,
    snapshot: () => snapshot,
    console,
    limits: config.console,
    webDir: WEB_DIR,
    storeKind: config.store,
    host: config.host,
    allowedHosts: config.allowedHosts,
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
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
 * An ingest run while the explorer is open swaps in a new database file; the server
 * notices within seconds and answers from the new graph (the old read model serves
 * until the new one is loaded).
 */
function watchForNewGraphs(store: EmbeddedStore, swap: (snapshot: Snapshot) => void, quiet = false, everyMs = 3_000): () => void {
  let file = store.currentFile();
  let loading = false;
  const timer = setInterval(() => {
    const now = store.currentFile();
    if (loading || !now || now === file) return;
    loading = true;
    loadSnapshot(store)
      .then((next) => {
        file = now;
        swap(prepareIndexes(next));
        if (!quiet) process.stdout.write(`papergraph: a new graph was ingested; now serving ${next.papers.size} papers, ${next.concepts.size} concepts\n`);
      })
      .catch((error: Error) => process.stderr.write(`papergraph: could not load the new graph: ${error.message}\n`))
      .finally(() => (loading = false));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
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
