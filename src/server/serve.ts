// `papergraph serve`: open the store, load the read model, listen.
import { fileURLToPath } from 'node:url';
import type { Server } from 'node:http';
import type { Config } from '../config.ts';
import { loadSnapshot } from '../explore/snapshot.ts';
import { openStore } from '../store/index.ts';
import { isolatedConsole } from '../store/isolatedConsole.ts';
import { createApp } from './app.ts';

export const WEB_DIR = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export async function startServer(config: Config, options: { quiet?: boolean } = {}): Promise<{ server: Server; url: string; close: () => Promise<void> }> {
  const store = await openStore(config);
  const snapshot = await loadSnapshot(store);
  // The embedded engine cannot interrupt every query from JavaScript; a child process can be killed.
  const console = config.store === 'embedded' ? isolatedConsole(config) : store;
  const app = createApp({
    store,
    snapshot: () => snapshot,
    console,
    limits: config.console,
    webDir: WEB_DIR,
    storeKind: config.store,
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
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if ('close' in console && console !== store) await console.close();
      await store.close();
    },
  };
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
