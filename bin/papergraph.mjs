#!/usr/bin/env node
// The published entry point: the CLI is TypeScript run through tsx, so there is no build step.
//
// `ingest` runs in a child Node whose V8 heap is capped (INGEST_HEAP_MB, or
// PAPERGRAPH_INGEST_HEAP_MB): left at V8's default (4 GB on a machine of 16 GB or more)
// the heap grows far past what the ingest keeps alive before the collector compacts it:
// a 40,000-paper ingest peaked at 3.1 GB uncapped and at 1.8 GB with a 1 GB cap.
// A corpus whose ingest needs more than the cap (200,000 papers do) would die of it: V8
// aborts the child (SIGABRT) when its heap is full, before anything is stored, so the
// ingest runs again with twice the heap, up to three quarters of the machine's memory;
// the papers tagged before are in the extraction cache, and only the rest is tagged anew.
// Most such runs never get that far: once the child has read the papers it knows roughly
// what they need (src/ingestHeap.ts), and when that is more than its heap it says so and
// stops before tagging; the launcher runs it again at once with that heap.
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
import { constants, totalmem } from 'node:os';
import { register } from 'tsx/esm/api';

const INGEST_HEAP_MB = Number(process.env.PAPERGRAPH_INGEST_HEAP_MB) || 1536;
const capped = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((arg) => arg.includes('--max-old-space-size'));

if (process.argv[2] === 'ingest' && !capped) {
  const mostHeapMb = Math.floor((0.75 * totalmem()) / 2 ** 20);
  let child;
  const run = (heapMb) => {
    /** What the child asked for before it stopped (src/ingestHeap.ts), if it did. */
    let asked = null;
    child = spawn(process.execPath, [...process.execArgv, `--max-old-space-size=${heapMb}`, '--expose-gc', ...process.argv.slice(1)], {
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
      env: { MALLOC_ARENA_MAX: '2', ...process.env, PAPERGRAPH_INGEST_CHILD: '1', PAPERGRAPH_INGEST_HEAP_MOST_MB: String(mostHeapMb) },
    });
    child.on('message', (message) => {
      if (message && Number.isFinite(message.heapNeededMb)) asked = message;
    });
    child.on('exit', (code, signal) => {
      if (asked) {
        // What the papers need, in steps of 256 MB, within what the machine can give (the child asks only when that is more than it had).
        const more = Math.min(mostHeapMb, Math.ceil(asked.heapNeededMb / 256) * 256);
        process.stderr.write(
          `papergraph: ${asked.papers} papers need about ${asked.heapNeededMb} MB of heap, more than this ingest's ${heapMb} MB; nothing was tagged or stored yet. Running it with ${more} MB.\n`,
        );
        run(more);
        return;
      }
      if (signal === 'SIGABRT') {
        const more = Math.min(2 * heapMb, mostHeapMb);
        const stopped = `\npapergraph: the ingest stopped (SIGABRT): out of its ${heapMb} MB heap, most likely; nothing was stored.`;
        if (more > heapMb) {
          process.stderr.write(`${stopped} Running it again with ${more} MB (papers tagged so far come from the extraction cache).\n`);
          run(more);
          return;
        }
        process.stderr.write(`${stopped} This machine has no more to give it.\n`);
      }
      process.exit(code ?? (signal ? 128 + (constants.signals[signal] ?? 15) : 1));
    });
  };
  run(INGEST_HEAP_MB);
  // Ctrl-C reaches the child from the terminal itself; a signal sent to this process alone is passed on.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
} else {
  if (process.env.PAPERGRAPH_INGEST_CHILD && process.channel) {
    delete process.env.PAPERGRAPH_INGEST_CHILD;
    process.channel.unref();
    process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'));
  }
  register();
  await import('../src/cli.ts');
}
