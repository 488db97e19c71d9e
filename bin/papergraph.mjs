#!/usr/bin/env node
// The published entry point: the CLI is TypeScript run through tsx, so there is no build step.
//
// `ingest` runs in a child Node whose V8 heap is capped (INGEST_HEAP_MB): left at V8's
// default (4 GB on a machine of 16 GB or more) the heap grows far past what the ingest
// keeps alive before the collector compacts it: a 40,000-paper ingest peaked at 3.1 GB
// uncapped and at 1.8 GB with a 1 GB cap.
// A cap given in NODE_OPTIONS or to node itself is the user's and is kept; no child then.
// The child may collect at will (--expose-gc): the store write does once it has written its
// load files and let the graph go, before the database's buffer pool is allocated.
// The child also gets two malloc arenas (MALLOC_ARENA_MAX, unless set): the embedded
// database's loader threads otherwise each keep an arena of freed memory, ~160 MB more at
// the peak of a 40,000-paper store write.
// The child dies with this process: it holds an IPC channel to it, and when the channel
// closes (this process killed, even by SIGKILL) it kills itself the same way, so a killed
// ingest stops where it was, as an ingest without a child would.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { register } from 'tsx/esm/api';

const INGEST_HEAP_MB = 1536;
const capped = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((arg) => arg.includes('--max-old-space-size'));

if (process.argv[2] === 'ingest' && !capped) {
  const child = spawn(process.execPath, [...process.execArgv, `--max-old-space-size=${INGEST_HEAP_MB}`, '--expose-gc', ...process.argv.slice(1)], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { MALLOC_ARENA_MAX: '2', ...process.env, PAPERGRAPH_INGEST_CHILD: '1' },
  });
  // Ctrl-C reaches the child from the terminal itself; a signal sent to this process alone is passed on.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (constants.signals[signal] ?? 15) : 1)));
} else {
  if (process.env.PAPERGRAPH_INGEST_CHILD && process.channel) {
    delete process.env.PAPERGRAPH_INGEST_CHILD;
    process.channel.unref();
    process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'));
  }
  register();
  await import('../src/cli.ts');
}
