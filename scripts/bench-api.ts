// API latency: p50/p99 of search, neighbourhood and overview under 50 concurrent
// clients and of bridges one request at a time (autocannon), against `papergraph serve`
// on a real store, printed beside issue 14's targets. With --baseline, the same loads
// also run against a server from another checkout (e.g. main before a change), in the
// same run, endpoint by endpoint, so the two columns see the same machine load. Each
// cell also gives the server's CPU time per request (from /proc): on a shared machine
// latency under load measures the queue, CPU per request what a request costs.
//
//   npx tsx scripts/bench-api.ts --db DIR [--baseline CHECKOUT] [--connections 50] [--seconds 10] [--bridges 30]
//
// DIR must hold an ingested corpus of at least 10,000 papers, e.g.
//   npx papergraph ingest ../shared/corpora/neurips-icml-iclr-1987-2019.jsonl --db /tmp/neurips-store
// Requests carry `Accept-Encoding: gzip, deflate, br`, as every browser sends. Load goes
// only to the server's own address (127.0.0.1), bounded in time (--seconds per
// endpoint) and, for bridges, in count (--bridges requests).
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { OverviewResponse } from '../src/graph/model.ts';
import { cpuTimeMs } from './measure.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    baseline: { type: 'string' },
    connections: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '10' },
    bridges: { type: 'string', default: '30' },
  },
});
if (!values.db) throw new Error('Give --db DIR: a store with an ingested corpus of at least 10,000 papers.');
const connections = Number(values.connections);
const seconds = Number(values.seconds);
const bridgeRequests = Number(values.bridges);
const HEADERS = { 'accept-encoding': 'gzip, deflate, br' };

interface Server {
  name: string;
  url: string;
  child: ChildProcess;
}

// Each server runs as its own process, as users run it: autocannon in the same event
// loop would slow the server it measures.
async function startServer(name: string, checkout: string): Promise<Server> {
  const bin = path.resolve(checkout, 'bin/papergraph.mjs');
  const child = spawn(process.execPath, [bin, 'serve', '--db', values.db!, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let announced = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      announced += chunk.toString();
      const m = /explorer at (http:\/\/\S+)/.exec(announced);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`papergraph serve (${checkout}) exited with ${code}`)));
  });
  if (!url.startsWith('http://127.0.0.1:')) throw new Error(`${name} listens on ${url}; load goes to 127.0.0.1 only.`);
  return { name, url, child };
}

const here = path.resolve(import.meta.dirname, '..');
const servers: Server[] = [];
if (values.baseline) servers.push(await startServer('baseline', values.baseline));
servers.push(await startServer('this checkout', here));
const main = servers[servers.length - 1];

const health = (await (await fetch(`${main.url}/api/health`)).json()) as { papers: number; concepts: number; mentions: number };
const top = (await (await fetch(`${main.url}/api/overview?limit=200`)).json()) as OverviewResponse;
const concepts = top.graph.nodes.map((n) => n.key);
// Search terms: prefixes of real concept labels, as someone typing would send them.
const prefixes = top.graph.nodes.map((n) => n.attributes.label.slice(0, 4));

interface Load {
  name: string;
  path: (i: number) => string;
  /** Sequential requests, counted, instead of `connections` clients for `seconds`. */
  sequential?: boolean;
  target?: { stat: 'p50' | 'p99'; ms: number };
}

const LOADS: Load[] = [
  { name: 'search (4-letter prefixes)', path: (i) => `/api/search?q=${encodeURIComponent(prefixes[i % prefixes.length])}&limit=10`, target: { stat: 'p99', ms: 50 } },
  { name: 'neighbourhood depth 1', path: (i) => `/api/concepts/${encodeURIComponent(concepts[i % concepts.length])}/neighbourhood?depth=1` },
  { name: 'neighbourhood depth 2', path: (i) => `/api/concepts/${encodeURIComponent(concepts[i % concepts.length])}/neighbourhood?depth=2`, target: { stat: 'p99', ms: 50 } },
  { name: 'overview (500 concepts)', path: () => '/api/overview?limit=500' },
  { name: 'overview (2,000 concepts)', path: () => '/api/overview?limit=2000', target: { stat: 'p99', ms: 100 } },
  { name: 'bridges STDP / catastrophic forgetting', path: () => `/api/bridges?a=STDP&b=${encodeURIComponent('catastrophic forgetting')}`, sequential: true, target: { stat: 'p50', ms: 100 } },
];

/** Latency percentiles, rate and failures of one load, and the server's CPU time per answered request. */
type Figures = Record<'rate' | 'p50' | 'p99' | 'errors' | 'cpuMs', number>;


async function measure(server: Server, load: Load): Promise<Figures> {
  // One request first: what a server builds on first use is not what a visitor waits for.
  await (await fetch(server.url + load.path(0), { headers: HEADERS })).arrayBuffer();
  let i = 0;
  const cpuBefore = cpuTimeMs(server.child.pid!);
  const result = await autocannon({
    url: server.url,
    headers: HEADERS,
    ...(load.sequential ? { connections: 1, amount: bridgeRequests } : { connections, duration: seconds }),
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: load.path(i++) }) }],
  });
  const answered = Math.max(1, result.requests.total);
  const cpuMs = (cpuTimeMs(server.child.pid!) - cpuBefore) / answered;
  return { rate: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx, cpuMs };
}

console.log(`store: ${values.db}: ${health.papers} papers, ${health.concepts} concepts, ${health.mentions} mentions`);
console.log(`${connections} connections for ${seconds} s per endpoint; bridges: ${bridgeRequests} requests one at a time\n`);
const columns = servers.map((s) => `${s.name} p50 / p99 ms (req/s, errors; server CPU ms per request)`);
console.log(`| endpoint | load | target | ${columns.join(' | ')} | measured |`);
console.log(`| --- | --- | --- | ${columns.map(() => '---').join(' | ')} | --- |`);
for (const load of LOADS) {
  const figures: Figures[] = [];
  for (const server of servers) figures.push(await measure(server, load));
  const mine = figures[figures.length - 1];
  const target = load.target ? `${load.target.stat === 'p50' ? 'median' : 'p99'} < ${load.target.ms} ms` : '';
  const verdict = load.target ? `${load.target.stat} ${mine[load.target.stat]} ms: ${mine[load.target.stat] < load.target.ms ? 'met' : 'NOT met'}` : '';
  const cells = figures.map((f) => `${f.p50} / ${f.p99} (${f.rate.toFixed(0)}/s${f.errors ? `, ${f.errors} errors` : ''}; CPU ${f.cpuMs.toFixed(2)})`);
  console.log(`| ${load.name} | ${load.sequential ? 'sequential' : `${connections} connections`} | ${target} | ${cells.join(' | ')} | ${verdict} |`);
}
for (const server of servers) {
  server.child.kill();
  await once(server.child, 'exit');
}
