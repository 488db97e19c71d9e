// API latency under load: p50/p99 of search, neighbourhood and overview with 50
// concurrent clients (autocannon), against `papergraph serve` on a real store.
//
//   npx tsx scripts/bench-api.ts --db DIR [--connections 50] [--seconds 10]
//
// DIR must hold an ingested corpus of at least 10,000 papers, e.g.
//   npx papergraph ingest ../shared/corpora/neurips-icml-iclr-1987-2019.jsonl --db /tmp/neurips-store
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { OverviewResponse } from '../src/graph/model.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    connections: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '10' },
  },
});
if (!values.db) throw new Error('Give --db DIR: a store with an ingested corpus of at least 10,000 papers.');

// The server runs as its own process, as users run it: autocannon in the same event
// loop would slow the server it measures.
const bin = path.resolve(import.meta.dirname, '../bin/papergraph.mjs');
const child = spawn(process.execPath, [bin, 'serve', '--db', values.db, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
let announced = '';
const url = await new Promise<string>((resolve, reject) => {
  child.stdout.on('data', (chunk: Buffer) => {
    announced += chunk.toString();
    const m = /explorer at (http:\/\/\S+)/.exec(announced);
    if (m) resolve(m[1]);
  });
  child.once('exit', (code) => reject(new Error(`papergraph serve exited with ${code}`)));
});
const server = { url };
const health = (await (await fetch(`${server.url}/api/health`)).json()) as { papers: number; concepts: number; mentions: number };
const overview = (await (await fetch(`${server.url}/api/overview?limit=200`)).json()) as OverviewResponse;
const concepts = overview.graph.nodes.map((n) => n.key);
// Search terms: prefixes of real concept labels, as someone typing would send them.
const prefixes = overview.graph.nodes.map((n) => n.attributes.label.slice(0, 4));

console.log(`store: ${values.db}: ${health.papers} papers, ${health.concepts} concepts, ${health.mentions} mentions`);
console.log(`${values.connections} connections, ${values.seconds} s per endpoint\n`);
console.log('endpoint                         req/s     p50 ms   p99 ms   errors');

async function load(name: string, path: (i: number) => string): Promise<void> {
  let i = 0;
  const result = await autocannon({
    url: server.url,
    connections: Number(values.connections),
    duration: Number(values.seconds),
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: path(i++) }) }],
  });
  const errors = result.errors + result.non2xx;
  console.log(
    `${name.padEnd(31)} ${result.requests.average.toFixed(0).padStart(6)}   ${String(result.latency.p50).padStart(6)}   ${String(result.latency.p99).padStart(6)}   ${errors}`,
  );
}

await load('search (4-letter prefixes)', (i) => `/api/search?q=${encodeURIComponent(prefixes[i % prefixes.length])}&limit=10`);
await load('neighbourhood depth 1', (i) => `/api/concepts/${encodeURIComponent(concepts[i % concepts.length])}/neighbourhood?depth=1`);
await load('neighbourhood depth 2', (i) => `/api/concepts/${encodeURIComponent(concepts[i % concepts.length])}/neighbourhood?depth=2`);
await load('overview (500 concepts)', () => '/api/overview?limit=500');
await load('overview (2,000 concepts)', () => '/api/overview?limit=2000');
child.kill();
await once(child, 'exit');
