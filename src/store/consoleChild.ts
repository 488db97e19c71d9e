// The child process behind isolatedConsole.ts: opens the store read-only and runs
// the queries its parent sends, one reply per message.
import type { Config } from '../config.ts';
import { openStore } from './index.ts';
import type { ConsoleLimits, Params } from './GraphStore.ts';

const config = JSON.parse(process.env.PAPERGRAPH_CHILD_CONFIG ?? '{}') as Config;
const store = await openStore(config);

process.on('message', async (message: { id: number; query: string; params: Params; limits: ConsoleLimits }) => {
  try {
    const result = await store.console(message.query, message.params, message.limits);
    process.send?.({ id: message.id, result });
  } catch (error) {
    const e = error as { name?: string; code?: string; message?: string };
    process.send?.({ id: message.id, error: { name: e.name ?? 'Error', code: e.code ?? 'syntax', message: e.message ?? String(error) } });
  }
});
process.on('disconnect', () => process.exit(0));
