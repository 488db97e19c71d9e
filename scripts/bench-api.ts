// API latency: p50/p99 of search, neighbourhood and overview under 50 concurrent
// clients and of bridges one request at a time, against `papergraph serve` on a real
// store, printed beside issue 14's targets. Servers, each its own process, measured
// endpoint by endpoint in the same run so every column sees the same machine:
//
//   baseline   (with --baseline CHECKOUT) another checkout, e.g. main before a change,
//              with its own defaults (a checkout with answerCache.ts keeps answers too);
//   kept       this checkout as users run it: answers kept per graph (answerCache.ts),
//              so a repeated question is a lookup;
//   computed   this checkout with PAPERGRAPH_ANSWER_CACHE_MB=0: every answer computed
//              and serialised, the cost of a question never asked before.
//
// The client (httpLoad.ts) keeps `connections` requests in flight, each connection
// opened and answered once before any measured request, and counts body bytes without
// decoding them: it shares the two cores with the server, so its own CPU per answer is
// printed too. Rows marked "unseen" ask questions outside the repeated sets (prefixes
// of labels and concepts ranked 2,000th and below by papers), each once, so no kept
// answer serves them; the other rows run for --seconds. Before an unseen row each
// server answers as many other unseen questions of the same kind, not measured: a
// server that has just started compiles its code on its first few hundred
// computations (V8's JIT), which more than doubled the CPU of a first 800 depth-2
// neighbourhoods (1.2 ms each against 0.5 ms for the next 800, each server alike), and
// the kept server had computed fewer answers than the computing one before the row.
//
// Each cell: p50 / p99 ms, answers/s, the server's CPU time per answer (from /proc),
// the client's (process.cpuUsage), and the body's bytes as sent (compressed when the
// server compresses). On a shared machine CPU per answer is the figure to compare:
// with 50 connections on one Node thread, p99 ≈ 50 × (server CPU per answer) plus what
// the client and other processes take of the cores. The load average (uptime) is
// printed with every row.
//
//   npx tsx scripts/bench-api.ts --db DIR [--baseline CHECKOUT] [--connections 50] [--seconds 10] [--bridges 30] [--unseen 3000] [--only TEXT]
//   (--only: the rows whose name contains TEXT, e.g. --only unseen)
//   NEO4J_URI=bolt://… NEO4J_PASSWORD=… npx tsx scripts/bench-api.ts --store neo4j [--baseline CHECKOUT] …
//
// The store must hold an ingested corpus of at least 10,000 papers, e.g.
//   npx papergraph ingest ../shared/corpora/neurips-icml-iclr-1987-2019.jsonl --db /tmp/neurips-store
// (for Neo4j: the same with --store neo4j; every server reads the NEO4J_* variables).
// Requests carry `Accept-Encoding: gzip, deflate, br`, as every browser sends. Load goes
// only to the server's own address (127.0.0.1), bounded in time (--seconds per
// endpoint) and in count (--bridges requests one at a time, --unseen questions).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import type { OverviewResponse } from '../src/graph/model.ts';
import { openReader } from '../src/store/index.ts';
import { conceptFromRow } from '../src/store/rows.ts';
import { runLoad } from './httpLoad.ts';
import { cpuTimeMs, percentile } from './measure.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    store: { type: 'string', default: 'embedded' },
    baseline: { type: 'string' },
    connections: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '10' },
    bridges: { type: 'string', default: '30' },
    unseen: { type: 'string', default: '3000' },
    only: { type: 'string' },
  },
});
if (values.store === 'embedded' && !values.db) throw new Error('Give --db DIR: a store with an ingested corpus of at least 10,000 papers.');
const storeArgs = values.store === 'embedded' ? ['--db', values.db!] : ['--store', values.store];
const connections = Number(values.connections);
const seconds = Number(values.seconds);
const bridgeRequests = Number(values.bridges);
const unseenCount = Number(values.unseen);
const HEADERS = { 'accept-encoding': 'gzip, deflate, br' };

interface Server {
  name: string;
  url: string;
  child: ChildProcess;
}

// Each server runs as its own process, as users run it: the client in the same event
// loop would slow the server it measures.
async function startServer(name: string, checkout: string, env: NodeJS.ProcessEnv = {}): Promise<Server> {
  const bin = path.resolve(checkout, 'bin/papergraph.mjs');
  const child = spawn(process.execPath, [bin, 'serve', ...storeArgs, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
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
servers.push(await startServer('kept', here));
servers.push(await startServer('computed', here, { PAPERGRAPH_ANSWER_CACHE_MB: '0' }));
const main = servers[servers.length - 1];

const health = (await (await fetch(`${main.url}/api/health`)).json()) as { papers: number; concepts: number; mentions: number };
const top = (await (await fetch(`${main.url}/api/overview?limit=200`)).json()) as OverviewResponse;
const concepts = top.concepts.ids;
// Search terms: prefixes of real concept labels, as someone typing would send them.
const prefixes = top.concepts.labels.map((label) => label.slice(0, 4));
// Unseen questions: the concepts ranked 2,000 and below by papers, read from the store
// itself, and their labels' 4-letter prefixes not among the repeated ones.
const reader = await openReader(loadConfig({ db: values.db, store: values.store }));
const ranked = (await reader.run('snapshot-concepts')).map(conceptFromRow).sort((a, b) => b.papers - a.papers || (a.id < b.id ? -1 : 1)).slice(2000);
await reader.close();
const repeated = new Set(prefixes.map((p) => p.toLowerCase()));
const allUnseenPrefixes = [...new Set(ranked.map((c) => c.label.slice(0, 4).toLowerCase()))].filter((p) => p.length === 4 && !repeated.has(p));
const allUnseenConcepts = ranked.map((c) => c.id).filter((id) => !concepts.includes(id));
// The measured questions, and after them the warm-up's (as many, where there are).
const unseenPrefixes = allUnseenPrefixes.slice(0, unseenCount);
const unseenConcepts = allUnseenConcepts.slice(0, unseenCount);
const warmPrefixes = allUnseenPrefixes.slice(unseenCount, 2 * unseenCount);
const warmConcepts = allUnseenConcepts.slice(unseenCount, 2 * unseenCount);
if (warmPrefixes.length === 0 || warmConcepts.length === 0) throw new Error(`The store has too few concepts below rank 2,000 for ${unseenCount} unseen questions and a warm-up of as many: give a smaller --unseen.`);

interface Load {
  name: string;
  path: (i: number) => string;
  /** Sequential requests, counted, instead of `connections` clients for `seconds`. */
  sequential?: boolean;
  /** Each of this many questions asked once, instead of for `seconds`. */
  once?: number;
  /** With `once`: as many other questions of the same kind, asked once each before the measured ones. */
  warm?: (i: number) => string;
  target?: { stat: 'p50' | 'p99'; ms: number };
}

const neighbourhoodOf = (id: string, depth: number) => `/api/concepts/${encodeURIComponent(id)}/neighbourhood?depth=${depth}`;
const LOADS: Load[] = [
  // The floor: what the HTTP stack and the middleware cost a request that does no work.
  { name: 'health (no work: the HTTP floor)', path: () => '/api/health' },
  { name: 'search (4-letter prefixes of the top 200 labels, repeated)', path: (i) => `/api/search?q=${encodeURIComponent(prefixes[i % prefixes.length])}&limit=10`, target: { stat: 'p99', ms: 50 } },
  { name: `search (unseen: ${unseenPrefixes.length} 4-letter prefixes of labels ranked 2,000+, each once)`, path: (i) => `/api/search?q=${encodeURIComponent(unseenPrefixes[i % unseenPrefixes.length])}&limit=10`, once: unseenPrefixes.length, warm: (i) => `/api/search?q=${encodeURIComponent(warmPrefixes[i % warmPrefixes.length])}&limit=10`, target: { stat: 'p99', ms: 50 } },
  { name: 'neighbourhood depth 1 (top 200 concepts, repeated)', path: (i) => neighbourhoodOf(concepts[i % concepts.length], 1) },
  { name: 'neighbourhood depth 2 (top 200 concepts, repeated)', path: (i) => neighbourhoodOf(concepts[i % concepts.length], 2), target: { stat: 'p99', ms: 50 } },
  { name: `neighbourhood depth 2 (unseen: ${unseenConcepts.length} concepts ranked 2,000+, each once)`, path: (i) => neighbourhoodOf(unseenConcepts[i % unseenConcepts.length], 2), once: unseenConcepts.length, warm: (i) => neighbourhoodOf(warmConcepts[i % warmConcepts.length], 2), target: { stat: 'p99', ms: 50 } },
  { name: 'overview (500 concepts)', path: () => '/api/overview?limit=500' },
  { name: 'overview (2,000 concepts)', path: () => '/api/overview?limit=2000', target: { stat: 'p99', ms: 100 } },
  { name: 'bridges STDP / catastrophic forgetting', path: () => `/api/bridges?a=STDP&b=${encodeURIComponent('catastrophic forgetting')}`, sequential: true, target: { stat: 'p50', ms: 100 } },
];

/** Latency percentiles, rate and failures of one load, the server's and the client's CPU time and the bytes per answer. */
type Figures = Record<'rate' | 'p50' | 'p99' | 'errors' | 'cpuMs' | 'clientCpuMs' | 'kB', number>;


async function measure(server: Server, load: Load): Promise<Figures> {
  // One request first: what a server builds on first use is not what a visitor waits for
  // (for unseen questions, a repeated one: the unseen list itself stays unasked).
  await (await fetch(server.url + (load.once ? '/api/health' : load.path(0)), { headers: HEADERS })).arrayBuffer();
  if (load.warm) await runLoad(server.url, { connections, path: load.warm, count: load.once, warmUp: '/api/health', headers: HEADERS });
  let cpuBefore = NaN;
  const result = await runLoad(server.url, {
    onStart: () => (cpuBefore = cpuTimeMs(server.child.pid!)),
    connections: load.sequential ? 1 : connections,
    path: load.path,
    ...(load.once ? { count: load.once } : load.sequential ? { count: bridgeRequests } : { seconds }),
    warmUp: '/api/health',
    headers: HEADERS,
  });
  const answered = Math.max(1, result.latencies.length);
  return {
    rate: answered / result.seconds,
    p50: percentile(result.latencies, 50),
    p99: percentile(result.latencies, 99),
    errors: result.errors,
    cpuMs: (cpuTimeMs(server.child.pid!) - cpuBefore) / answered,
    clientCpuMs: result.clientCpuMs / answered,
    kB: result.bytes / answered / 1000,
  };
}

const load = () => loadavg()[0].toFixed(1);
const ms = (v: number) => (v < 10 ? v.toFixed(1) : v.toFixed(0));
console.log(`store: ${values.store === 'embedded' ? values.db : values.store}: ${health.papers} papers, ${health.concepts} concepts, ${health.mentions} mentions; ${availableParallelism()} cores`);
console.log(`${connections} connections for ${seconds} s per endpoint (unseen rows: each question once); bridges: ${bridgeRequests} requests one at a time`);
console.log('servers: ' + servers.map((s) => s.name).join(', ') + ' (see the header of scripts/bench-api.ts)\n');
const columns = servers.map((s) => `${s.name}: p50 / p99 ms (answers/s; CPU ms per answer: server, client; kB)`);
console.log(`| endpoint | clients | target | load avg | ${columns.join(' | ')} | ${servers.length > 1 ? 'verdict (kept / computed)' : 'verdict'} |`);
console.log(`| --- | --- | --- | --- | ${columns.map(() => '---').join(' | ')} | --- |`);
for (const row of LOADS.filter((l) => !values.only || l.name.includes(values.only))) {
  const figures: Figures[] = [];
  const loadBefore = load();
  for (const server of servers) figures.push(await measure(server, row));
  const target = row.target ? `${row.target.stat === 'p50' ? 'median' : 'p99'} < ${row.target.ms} ms` : '';
  const ours = figures.slice(values.baseline ? 1 : 0);
  const verdict = row.target ? ours.map((f) => `${ms(f[row.target!.stat])} ms ${f[row.target!.stat] < row.target!.ms ? 'met' : 'NOT met'}`).join(' / ') : '';
  const cells = figures.map((f) => `${ms(f.p50)} / ${ms(f.p99)} (${f.rate.toFixed(0)}/s${f.errors ? `, ${f.errors} errors` : ''}; CPU ${f.cpuMs.toFixed(2)}, ${f.clientCpuMs.toFixed(2)}; ${f.kB.toFixed(f.kB < 10 ? 1 : 0)} kB)`);
  const clients = row.sequential ? 'sequential' : `${connections}`;
  console.log(`| ${row.name} | ${clients} | ${target} | ${loadBefore}–${load()} | ${cells.join(' | ')} | ${verdict} |`);
}
for (const server of servers) {
  server.child.kill();
  await once(server.child, 'exit');
}
