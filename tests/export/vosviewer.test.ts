// The VOSviewer JSON export checked against VOSviewer's documented format (a JSON
// Schema transcribed from its documentation; provenance in tests/corpus/fixtures/SOURCES.md),
// with a real validator, on the sample corpus's graph; and the schema itself checked
// against a file VOSviewer Online ships, so it is VOSviewer's format and not ours.
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportGraph } from '../../src/export/index.ts';
import { readGraph } from '../../src/export/readGraph.ts';
import type { KnowledgeGraph } from '../../src/graph/model.ts';
import { openEmbeddedStore } from '../../src/store/embedded.ts';
import { makeTestStore, type TestStore } from '../helpers/sampleStore.ts';


const schema = JSON.parse(readFileSync(path.join(import.meta.dirname, 'vosviewer-json.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
let sample: TestStore;
let out: string;
let graph: KnowledgeGraph;
const dir = mkdtempSync(path.join(os.tmpdir(), 'papergraph-vos-'));

beforeAll(async () => {
  sample = await makeTestStore();
  const store = await openEmbeddedStore(sample.dir);
  try {
    out = path.join(dir, 'map.json');
    await exportGraph(store, 'vosviewer', out, () => createWriteStream(out));
    graph = await readGraph(store);
  } finally {
    await store.close();
  }
}, 180_000);
afterAll(() => {
  sample?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('VOSviewer JSON export', () => {
  it('the documented schema accepts a file VOSviewer Online ships', () => {
    const real = JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures/vosviewer-qss-3.json'), 'utf8'));
    expect(validate(real), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ network: { items: [{ id: 1, cluster: 0 }] } })).toBe(false);
  });

  it('is a valid VOSviewer JSON map of every concept, with co-occurrence links and cluster labels', () => {
    const map = JSON.parse(readFileSync(out, 'utf8'));
    expect(validate(map), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const { items, links, clusters } = map.network;
    expect(items).toHaveLength(graph.concepts.length);
    expect(links).toHaveLength(graph.cooccurrences.length);
    const ids = new Set(items.map((i: { id: number }) => i.id));
    for (const l of links) expect(ids.has(l.source_id) && ids.has(l.target_id)).toBe(true);
    // The concept in most papers leads, with VOSviewer's term-map weights.
    const top = [...graph.concepts].sort((a, b) => b.papers - a.papers)[0];
    expect(items[0]).toMatchObject({ label: top.label, cluster: top.community + 1, weights: { Occurrences: top.papers } });
    const linked = links.filter((l: { source_id: number; target_id: number }) => l.source_id === items[0].id || l.target_id === items[0].id);
    expect(items[0].weights.Links).toBe(linked.length);
    expect(items[0].weights['Total link strength']).toBe(linked.reduce((s: number, l: { strength: number }) => s + l.strength, 0));
    expect(new Set(clusters.map((c: { cluster: number }) => c.cluster))).toEqual(new Set(items.map((i: { cluster: number }) => i.cluster)));
  });
});
