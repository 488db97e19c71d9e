#!/usr/bin/env node
// The published entry point: the CLI is TypeScript run through tsx, so there is no build step.
//
// `ingest` runs in a child Node whose V8 heap is capped (INGEST_HEAP_MB): left at V8's
// default (a quarter of the RAM, 4 GB here) the heap grows far past what the ingest
// keeps alive before the collector compacts it, which at 85,000 papers doubled the peak.
// A cap given in NODE_OPTIONS or to node itself is the user's and is kept; no child then.
import { spawn } from 'node:child_process';
import { register } from 'tsx/esm/api';

const INGEST_HEAP_MB = 1536;
const capped = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((arg) => arg.includes('--max-old-space-size'));

if (process.argv[2] === 'ingest' && !capped) {
  const child = spawn(process.execPath, [...process.execArgv, `--max-old-space-size=${INGEST_HEAP_MB}`, ...process.argv.slice(1)], { stdio: 'inherit' });
  // Ctrl-C reaches the child from the terminal itself; a signal sent to this process alone is passed on.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (signal === 'SIGINT' ? 2 : 15) : 1)));
} else {
  register();
  await import('../src/cli.ts');
}
