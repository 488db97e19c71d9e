// API latency under load: p50/p99 of search, neighbourhood and overview with 50
// concurrent clients (autocannon), against `papergraph serve` on a real store.
//
//   npx tsx scripts/bench-api.ts --db DIR [--connections 50] [--seconds 10]
//
// DIR must hold an ingested corpus of at least 10,000 papers, e.g.
//   npx papergraph ingest ../shared/corpora/neurips-icml-iclr-1987-2019.jsonl --db /tmp/neurips-store
import autocannon from 'autocannon';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { startServer } from '../src/server/serve.ts';
import type { OverviewResponse } from '../src/graph/model.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    connections: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '10' },
  },
});
if (!values.db) throw new Error('Give --db DIR: a store with an ingested corpus of at least 10,000 papers.');

const server = await startServer(loadConfig({ db: values.db, port: '0' }, {}), { quiet: true });
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
await server.close();
