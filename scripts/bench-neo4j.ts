// Load figures for both stores from one run: ingests a corpus into the embedded store
// (the whole pipeline), reads the graph back, then writes that same graph into the
// embedded store again and into Neo4j at several batch sizes. Prints papers/s,
// relationships/s (MENTIONS + CO_OCCURS + BROADER) and the peak RSS of this process
// during each write.
//
//   npx tsx scripts/bench-neo4j.ts [--corpus FILE.jsonl] [--batches 250:1000,500:2000,1000:5000] [--out DIR] [--rewrite]
//   npx tsx scripts/bench-neo4j.ts --graph-from DIR …   (skip the ingest: the graph of an embedded store DIR)
//
// --rewrite also times writing the same graph a second time (every MERGE finds its row).
//
// Neo4j: NEO4J_URI (NEO4J_USER, NEO4J_PASSWORD) names a server, whose papergraph graph
// is REPLACED; without it the script starts the test server of tests/neo4j/server
// (Java 17 and Maven), which goes when the script ends.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ingest } from '../src/ingest.ts';
import { readGraph } from '../src/export/readGraph.ts';
import { openEmbeddedStore } from '../src/store/embedded.ts';
import { openNeo4jStore, type Neo4jOptions } from '../src/store/neo4j.ts';
import type { GraphStore } from '../src/store/GraphStore.ts';
import type { KnowledgeGraph } from '../src/graph/model.ts';
import { locateCorpus } from '../tests/helpers/neuripsStore.ts';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    batches: { type: 'string', default: '250:1000,500:2000,1000:5000' },
    out: { type: 'string' },
    'graph-from': { type: 'string' },
    rewrite: { type: 'boolean', default: false },
  },
});
const located = values.corpus ? { file: values.corpus } : locateCorpus();
if ('missing' in located) throw new Error(`Give --corpus FILE.jsonl: ${located.missing}`);
const corpus = located.file;
const batches = values.batches.split(',').map((pair) => {
  const [nodeBatch, relationshipBatch] = pair.split(':').map(Number);
  if (!(nodeBatch > 0 && relationshipBatch > 0)) throw new Error(`--batches: expected NODES:RELATIONSHIPS pairs like 500:2000, got "${pair}"`);
  return { nodeBatch, relationshipBatch };
});
const scratch = values.out ?? mkdtempSync(path.join(os.tmpdir(), 'papergraph-bench-neo4j-'));

/** Peak RSS while `work` runs, sampled every 50 ms. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; peakRssMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  try {
    const result = await work();
    return { result, seconds: (performance.now() - started) / 1000, peakRssMb: Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20) };
  } finally {
    clearInterval(timer);
  }
}

const relationships = (g: KnowledgeGraph) => g.mentions.length + g.cooccurrences.length + g.broader.length;
function report(store: string, batch: string, what: string, g: KnowledgeGraph, m: { seconds: number; peakRssMb: number }) {
  const row = [store, batch, what, m.seconds.toFixed(1), Math.round(g.papers.length / m.seconds).toLocaleString('en'), Math.round(relationships(g) / m.seconds).toLocaleString('en'), String(m.peakRssMb)];
  console.log(row.join(' | '));
}

console.log(`corpus ${values['graph-from'] ? `the graph stored in ${values['graph-from']}` : corpus}`);
console.log('store | batch (nodes:rels) | step | seconds | papers/s | relationships/s | peak RSS MB');

let graph: KnowledgeGraph;
if (values['graph-from']) {
  const stored = await openEmbeddedStore(values['graph-from']);
  graph = await readGraph(stored);
  await stored.close();
} else {
  const embedded = await openEmbeddedStore(path.join(scratch, 'embedded'));
  const ingested = await measured(() => ingest(embedded, [corpus], {}));
  graph = await readGraph(embedded);
  await embedded.close();
  report('embedded', '5000 (per parameter batch)', 'ingest (read, extract, build, write)', graph, ingested);
}
console.log(`graph: ${graph.papers.length} papers, ${graph.concepts.length} concepts, ${graph.mentions.length} mentions, ${graph.cooccurrences.length} co-occurrences, ${graph.broader.length} broader`);
const again = await openEmbeddedStore(path.join(scratch, 'embedded-write'));
report('embedded', '5000 (per parameter batch)', 'write', graph, await measured(() => again.write(graph)));
await again.close();

let stopServer = async () => {};
let settings = { uri: process.env.NEO4J_URI ?? '', user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '', database: process.env.NEO4J_DATABASE || undefined };
if (!settings.uri) {
  const { startNeo4j } = await import('../tests/neo4j/server/globalSetup.ts');
  const server = await startNeo4j(1);
  settings = { ...settings, uri: server.uris[0] };
  stopServer = server.stop;
  console.log(`started the Neo4j test server at ${settings.uri}`);
}

const empty: KnowledgeGraph = { papers: [], concepts: [], mentions: [], cooccurrences: [], broader: [] };
try {
  for (const batch of batches) {
    const options: Neo4jOptions = { ...batch, lockFile: path.join(scratch, 'neo4j.lock') };
    const store: GraphStore = await openNeo4jStore(settings, options);
    try {
      await store.write(empty);
      const label = `${batch.nodeBatch}:${batch.relationshipBatch}`;
      report('neo4j', label, 'write into an empty database', graph, await measured(() => store.write(graph)));
      if (values.rewrite) report('neo4j', label, 'write the same graph again', graph, await measured(() => store.write(graph)));
    } finally {
      await store.close();
    }
  }
} finally {
  await stopServer();
  if (!values.out) rmSync(scratch, { recursive: true, force: true });
}
