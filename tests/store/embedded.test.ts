// The embedded store on real @ladybugdb/core in a temp directory, through the real
// ingest pipeline: idempotent re-ingest, incremental ingest, failed ingest, console.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ingest } from '../../src/ingest.ts';
import { openEmbeddedStore, type EmbeddedOptions } from '../../src/store/embedded.ts';
import { parse } from 'csv-parse/sync';
import { SAMPLE_DIR } from '../helpers/sampleStore.ts';
import type { KnowledgeGraph } from '../../src/graph/model.ts';
import { conceptFromRow } from '../../src/store/rows.ts';

const LIMITS = { timeoutMs: 5_000, maxRows: 1_000 };
let dir: string;
let scratch: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'papergraph-store-'));
  scratch = mkdtempSync(path.join(os.tmpdir(), 'papergraph-input-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

type EmbeddedStore = Awaited<ReturnType<typeof openEmbeddedStore>>;

async function withStore<T>(fn: (store: EmbeddedStore) => Promise<T>): Promise<T> {
  const store = await openEmbeddedStore(dir);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}


/** Everything a store holds, in an order that does not depend on how it was loaded. */
const storeSnapshot = async (store: EmbeddedStore) => ({
  stats: await store.stats(),
  papers: await store.papers(),
  concepts: await store.run('snapshot-concepts'),
  mentions: (await store.run('all-mentions')).map((r) => JSON.stringify(r)).sort(),
  cooccurs: (await store.run('snapshot-cooccurs')).map((r) => JSON.stringify(r)).sort(),
  broader: (await store.run('snapshot-broader')).map((r) => JSON.stringify(r)).sort(),
});

/** The graph a store holds, read back as the writer takes it. */
const storedGraph = async (store: EmbeddedStore): Promise<KnowledgeGraph> => ({
  papers: await store.papers(),
  concepts: (await store.run('snapshot-concepts')).map(conceptFromRow),
  mentions: (await store.run('all-mentions')).map((r) => ({ paperId: String(r.paper), conceptId: String(r.concept), count: Number(r.count), inTitle: r.inTitle === true, score: Number(r.score), spans: JSON.parse(String(r.spans)) })),
  cooccurrences: (await store.run('snapshot-cooccurs')).map((r) => ({ source: String(r.source), target: String(r.target), papers: Number(r.papers), weight: Number(r.weight) })),
  broader: (await store.run('snapshot-broader')).map((r) => ({ narrower: String(r.narrower), broader: String(r.broader), kind: r.kind as 'nesting' | 'subsumption' })),
});

/** Empty stores in new temporary directories, one per options object, closed and removed afterwards. */
async function withFreshStores(options: EmbeddedOptions[], fn: (stores: EmbeddedStore[]) => Promise<void>): Promise<void> {
  const stores = await Promise.all(options.map((o) => openEmbeddedStore(mkdtempSync(path.join(os.tmpdir(), 'papergraph-fresh-')), o)));
  try {
    await fn(stores);
  } finally {
    for (const store of stores) {
      await store.close();
      rmSync(store.location, { recursive: true, force: true });
    }
  }
}

const dump = () =>
  withStore(async (store) => ({
    stats: await store.stats(),
    papers: await store.papers(),
    concepts: await store.run('snapshot-concepts'),
    // The store returns edges in storage order; compare them as a set.
    edges: (await store.run('snapshot-cooccurs')).map((e) => `${e.source}|${e.target}|${e.papers}|${e.weight}`).sort(),
  }));

describe('embedded store', () => {
  it('reports an empty store before the first ingest', async () => {
    await withStore(async (store) => {
      expect(await store.stats()).toMatchObject({ papers: 0, concepts: 0 });
      await expect(store.run('snapshot-concepts')).rejects.toThrow(/No graph .*papergraph ingest/);
    });
  });

  it('ingests the sample corpus: one paper per distinct title, concepts, mentions, co-occurrences', async () => {
    const summary = await withStore((store) => ingest(store, [SAMPLE_DIR], { workers: 1 }));
    const titles = new Set<string>();
    const { stats, papers } = await dump();
    for (const p of papers) titles.add(p.title.toLowerCase());
    expect(stats.papers).toBe(papers.length);
    expect(titles.size).toBe(papers.length);
    expect(summary.records).toBeGreaterThan(stats.papers);
    expect(stats.concepts).toBeGreaterThan(100);
    expect(stats.mentions).toBeGreaterThan(stats.papers);
    expect(stats.cooccurrences).toBeGreaterThan(0);
  });

  it('stores the same graph when the same input is ingested again', async () => {
    const before = await dump();
    await withStore((store) => ingest(store, [SAMPLE_DIR], { workers: 1 }));
    const after = await dump();
    expect(after).toEqual(before);
  });

  it('adds new papers and refreshes concept statistics', async () => {
    const before = await dump();
    const extra = path.join(scratch, 'extra.jsonl');
    writeFileSync(
      extra,
      [
        { id: 'extra-1', title: 'Spike-timing-dependent plasticity in dendrites of cortical neurons', abstract: 'We study spike-timing-dependent plasticity (STDP) in active dendrites and show how STDP shapes dendritic computation.', year: 2024 },
        { id: 'extra-2', title: 'Catastrophic forgetting under STDP', abstract: 'Catastrophic forgetting is reduced when STDP acts on sparse synapses.', year: 2025 },
      ].map((r) => JSON.stringify(r)).join('\n'),
    );
    await withStore((store) => ingest(store, [extra], { workers: 1 }));
    const after = await dump();
    expect(after.stats.papers).toBe(before.stats.papers + 2);
    const stdp = (rows: typeof before.concepts) => rows.find((c) => (c.aliases as string[]).includes('STDP'));
    expect(Number(stdp(after.concepts)?.papers)).toBe(Number(stdp(before.concepts)?.papers) + 2);
  });

  it('leaves the previous graph intact when a write fails part-way', async () => {
    const before = await dump();
    const broken: KnowledgeGraph = {
      papers: before.papers,
      concepts: [],
      // A mention of a concept that does not exist makes the relationship load fail.
      mentions: [{ paperId: before.papers[0].id, conceptId: 'no such concept', count: 1, inTitle: false, score: 1, spans: [] }],
      cooccurrences: [],
      broader: [],
    };
    await expect(withStore((store) => store.write(broken))).rejects.toThrow(/previous graph is unchanged/);
    expect(await dump()).toEqual(before);
    const files = readdirSync(dir).filter((f) => f.startsWith('graph-'));
    expect(files.length).toBeLessThanOrEqual(2);
    expect(readFileSync(path.join(dir, 'CURRENT'), 'utf8').trim()).toMatch(/^graph-.*\.lbug$/);
  });

  it('stores the same graph when it loads in many small batches, and nothing when a later batch fails', async () => {
    // Each batch is its own COPY (so the buffer pool holds one batch, not a table): the
    // batches together must be the whole graph, and a failure after some have committed
    // must still leave the previous graph as it was.
    // Part of the sample's graph (every paper, the concepts of its first 150 mentions), so
    // that each table takes a few batches of 40 rows.
    const sample = await withStore(storedGraph);
    const mentions = Array.from(sample.mentions).slice(0, 150);
    const kept = new Set(mentions.map((m) => m.conceptId));
    const graph: KnowledgeGraph = {
      papers: sample.papers,
      concepts: sample.concepts.filter((c) => kept.has(c.id)),
      mentions,
      cooccurrences: sample.cooccurrences.filter((e) => kept.has(e.source) && kept.has(e.target)),
      broader: sample.broader.filter((e) => kept.has(e.narrower) && kept.has(e.broader)),
    };
    expect(graph.papers.length).toBeGreaterThan(80);
    expect(graph.concepts.length).toBeGreaterThan(80);
    expect(graph.cooccurrences.length).toBeGreaterThan(80);
    await withFreshStores([{}, { batch: 40 }], async ([whole, batched]) => {
      await whole.write(graph);
      await batched.write(graph);
      const expected = await storeSnapshot(whole);
      expect(expected.stats).toMatchObject({ papers: graph.papers.length, concepts: graph.concepts.length, mentions: graph.mentions.length });
      expect(await storeSnapshot(batched)).toEqual(expected);
      const failsLate = { ...graph, mentions: [...graph.mentions, { ...graph.mentions.at(0)!, conceptId: 'no such concept' }] };
      await expect(batched.write(failsLate)).rejects.toThrow(/previous graph is unchanged/);
      expect(await storeSnapshot(batched)).toEqual(expected);
    });
  }, 300_000);

  it('builds the graph again with a larger buffer pool when a write fills its pool, and stores the same graph', async () => {
    // A COPY into a relationship table that holds rows works on the table's pages, so a
    // pool sized for a smaller corpus fills (the 85k corpus filled 512 MB): the write
    // must still complete, with the graph a roomy pool stores.
    const graph = await withStore(storedGraph);
    await withFreshStores([{}, { writeBufferPoolBytes: 1 << 20, writePoolBytesPerRow: 0 }], async ([roomy, small]) => {
      await roomy.write(graph);
      await small.write(graph);
      const expected = await storeSnapshot(roomy);
      expect(expected.stats).toMatchObject({ papers: graph.papers.length, mentions: graph.mentions.length, cooccurrences: graph.cooccurrences.length });
      expect(await storeSnapshot(small)).toEqual(expected);
    });
  }, 300_000);

  it('stores ids with quotes, apostrophes, brackets and commas exactly (they come from math and code in abstracts)', async () => {
    // Real co-occurrences from an ingest of Inspec abstracts that once failed to load:
    // LadybugDB's CSV sniffer took the apostrophes for quote characters.
    const rows = parse(readFileSync(path.join(import.meta.dirname, 'fixtures/cooccurs-apostrophes.csv')), { columns: true }) as { source: string; target: string; papers: string; weight: string }[];
    const ids = [...new Set([...rows.flatMap((r) => [r.source, r.target]), 'O({M(n', '"quoted"', 'back\\slash'])].sort();
    const concept = (id: string) => ({ id, label: id, aliases: [id], papers: 1, mentions: 1, score: 1, community: 0, x: 0, y: 0, pagerank: 0, betweenness: 0, participation: 0, meanYear: null, relevance: 0, generic: false });
    const paper = { id: "p'1", title: 'T', abstract: 'A', year: null, date: null, url: null, authors: [], source: 's', doi: null, arxivId: null, openalexId: null, pmid: null, wosId: null, keywords: [], sources: ['s'] };
    const graph: KnowledgeGraph = {
      papers: [paper],
      concepts: ids.map(concept),
      mentions: ids.map((id) => ({ paperId: paper.id, conceptId: id, count: 1, inTitle: false, score: 1, spans: [{ field: 'abstract', start: 0, end: 1 }] })),
      cooccurrences: rows.map((r) => ({ source: r.source, target: r.target, papers: Number(r.papers), weight: Number(r.weight) })),
      broader: [],
    };
    const scratchStore = await openEmbeddedStore(mkdtempSync(path.join(os.tmpdir(), 'papergraph-ids-')));
    try {
      await scratchStore.write(graph);
      const mentioned = (await scratchStore.run('snapshot-mentions')).map((r) => String(r.concept)).sort();
      expect(mentioned).toEqual(ids);
      const edges = (await scratchStore.run('snapshot-cooccurs')).map((r) => `${r.source}|${r.target}`).sort();
      expect(edges).toEqual(rows.map((r) => `${r.source}|${r.target}`).sort());
    } finally {
      rmSync(scratchStore.location, { recursive: true, force: true });
      await scratchStore.close();
    }
  });

  it('runs console reads with a row cap and returns nodes for drawing', async () => {
    await withStore(async (store) => {
      const result = await store.console('MATCH (p:Paper)-[m:MENTIONS]->(c:Concept) RETURN p, m, c', {}, { ...LIMITS, maxRows: 5 });
      expect(result.rows).toHaveLength(5);
      expect(result.truncated).toBe(true);
      expect(result.nodes.some((n) => n.labels[0] === 'Paper')).toBe(true);
      expect(result.relationships.length).toBeGreaterThan(0);
      const ids = new Set(result.nodes.map((n) => n.id));
      for (const r of result.relationships) expect(ids.has(r.start) && ids.has(r.end)).toBe(true);
    });
  });

  it('refuses writes and file access in the console, whatever the spelling', async () => {
    await withStore(async (store) => {
      for (const query of ["CREATE (:Paper {id: 'x'})", "load from '/etc/passwd' (file_format='csv') return *", "EXPORT DATABASE '/tmp/papergraph-leak'"]) {
        await expect(store.console(query, {}, LIMITS)).rejects.toMatchObject({ code: 'forbidden' });
      }
      expect((await store.stats()).papers).toBeGreaterThan(0);
    });
  });

  it('takes parameters and reports syntax errors', async () => {
    await withStore(async (store) => {
      const result = await store.console('MATCH (c:Concept) WHERE $alias IN c.aliases RETURN c.id AS id', { alias: 'STDP' }, LIMITS);
      expect(result.rows.length).toBe(1);
      await expect(store.console('MATCH (c:Concept RETURN c', {}, LIMITS)).rejects.toMatchObject({ code: 'syntax' });
    });
  });
});
