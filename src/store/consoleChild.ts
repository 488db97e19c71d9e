// The child process behind isolatedConsole.ts. It opens the store, limits its own
// address space, says it is ready, then runs the queries its parent sends, one at a
// time, one reply each. Everything it returns has passed the row and byte caps.
//
// The memory limit is set after the store is open: LadybugDB reserves about 1 TiB of
// address space for a database it opens (MAX_DB_BYTES) plus its buffer pool, none of
// it memory in use. Counting those reservations into the limit would make it either
// huge or impossible; so the limit is the address space in use once the store is
// open, plus the memory the console may use on top. `prlimit` (util-linux) sets it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Config } from '../config.ts';
import { openReader } from './index.ts';
import type { ConsoleLimits, GraphReader, Params } from './GraphStore.ts';

export type ToChild =
  | { type: 'start'; config: Config; bufferPoolBytes: number; headroomBytes: number }
  | { type: 'query'; id: number; query: string; params: Params; limits: ConsoleLimits };

/** An error as it crosses the process boundary. */
export interface WireError {
  name: string;
  code: string;
  message: string;
}

export type FromChild =
  | { type: 'ready'; memoryLimited: boolean; reason?: string }
  | { type: 'failed'; error: WireError }
  | { type: 'reply'; id: number; result?: unknown; error?: WireError };

let store: GraphReader | null = null;

const reply = (message: FromChild) => {
  if (!process.connected) process.exit(0);
  process.send?.(message, undefined, {}, (error) => {
    if (error) process.exit(0); // the parent is gone: nothing is waiting for the answer
  });
};

process.on('message', (message: ToChild) => {
  if (message.type === 'start') void start(message);
  else void run(message);
});
process.on('disconnect', () => process.exit(0));

async function start(message: Extract<ToChild, { type: 'start' }>): Promise<void> {
  try {
    store = await openReader(message.config, { readBufferPoolBytes: message.bufferPoolBytes });
  } catch (error) {
    reply({ type: 'failed', error: wire(error) });
    return;
  }
  // Open the database now, so its reservations are in place before the limit.
  await store.console('RETURN 1', {}, { timeoutMs: 10_000, maxRows: 1 }).catch(() => {});
  const notLimited = limitAddressSpace(message.headroomBytes);
  reply({ type: 'ready', memoryLimited: notLimited === null, reason: notLimited ?? undefined });
}

async function run(message: Extract<ToChild, { type: 'query' }>): Promise<void> {
  try {
    const result = await store!.console(message.query, message.params, message.limits);
    reply({ type: 'reply', id: message.id, result });
  } catch (error) {
    reply({ type: 'reply', id: message.id, error: wire(error) });
  }
}

function wire(error: unknown): WireError {
  const e = error as { name?: string; code?: string; message?: string };
  return { name: e.name ?? 'Error', code: e.code ?? 'syntax', message: e.message ?? String(error) };
}

/** Caps this process's address space at what it maps now plus `headroom`; null when done, else why not. */
function limitAddressSpace(headroom: number): string | null {
  if (process.platform !== 'linux') return `no address-space limit on ${process.platform}`;
  const mapped = Number(/VmSize:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN) * 1024;
  if (!Number.isFinite(mapped)) return 'could not read /proc/self/status';
  const limit = Math.ceil(mapped + headroom);
  try {
    execFileSync('prlimit', ['--pid', String(process.pid), `--as=${limit}:${limit}`], { stdio: 'ignore' });
    return null;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'prlimit (util-linux) is not installed' : `prlimit failed: ${(error as Error).message}`;
  }
}
