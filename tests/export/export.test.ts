// Exports of a real store, read back with the parsers other tools would use.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse } from 'csv-parse/sync';
import { makeTestStore, type TestStore } from '../helpers/sampleStore.ts';
import { openEmbeddedStore } from '../../src/store/embedded.ts';
import { exportGraph } from '../../src/export/index.ts';
import { parseThesaurus } from '../../src/extract/index.ts';
import type { KnowledgeGraph } from '../../src/graph/model.ts';

let testStore: TestStore;
let out: string;
const TITLE = 'Spikes & "dendrites" <in> cortex';

beforeAll(async () => {
  out = mkdtempSync(path.join(os.tmpdir(), 'papergraph-export-'));
  const fixture = path.join(out, 'papers.jsonl');
  writeFileSync(
    fixture,
    [
      { id: 'p1', title: TITLE, abstract: 'Dendritic spikes and spike-timing-dependent plasticity (STDP) shape cortical learning.', year: 2021 },
      { id: 'p2', title: 'STDP in recurrent networks', abstract: 'STDP organises recurrent networks of cortical neurons; dendrites matter.', year: 2022 },
    ].map((r) => JSON.stringify(r)).join('\n'),
  );
  testStore = await makeTestStore([fixture]);
});
afterAll(() => {
  testStore.cleanup();
  rmSync(out, { recursive: true, force: true });
});

async function exportTo(format: string, target: string): Promise<string> {
  const store = await openEmbeddedStore(testStore.dir);
  try {
    return await exportGraph(store, format, target, () => createWriteStream(target));
  } finally {
    await store.close();
  }
}

describe('papergraph export', () => {
  it('writes GraphML that an XML parser reads, with every paper and concept', async () => {
    const file = path.join(out, 'graph.graphml');
    await exportTo('graphml', file);
    const xml = readFileSync(file, 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml);
    const nodes = doc.graphml.graph.node as { '@_id': string }[];
    expect(nodes.some((n) => n['@_id'] === 'p1')).toBe(true);
    expect(xml).toContain('Spikes &amp; &quot;dendrites&quot; &lt;in&gt; cortex');
  });

  it('writes GEXF with the stored layout', async () => {
    const file = path.join(out, 'graph.gexf');
    await exportTo('gexf', file);
    const xml = readFileSync(file, 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toMatch(/<viz:position x="-?[\d.e+-]+" y="-?[\d.e+-]+"/);
  });

  it('writes JSON that is the whole graph', async () => {
    const file = path.join(out, 'graph.json');
    await exportTo('json', file);
    const graph = JSON.parse(readFileSync(file, 'utf8')) as KnowledgeGraph;
    expect(graph.papers.map((p) => p.id).sort()).toEqual(['p1', 'p2']);
    expect(Array.from(graph.mentions).every((m) => m.spans.length > 0)).toBe(true);
    expect(graph.cooccurrences.every((e) => e.source < e.target)).toBe(true);
  });

  it('writes four CSV files that a CSV parser reads back', async () => {
    const dir = path.join(out, 'csv');
    await exportTo('csv', dir);
    const papers = parse(readFileSync(path.join(dir, 'papers.csv')), { columns: true }) as { id: string; title: string }[];
    expect(papers.find((p) => p.id === 'p1')?.title).toBe(TITLE);
    const concepts = parse(readFileSync(path.join(dir, 'concepts.csv')), { columns: true }) as { aliases: string }[];
    expect(concepts.some((c) => c.aliases.includes('STDP'))).toBe(true);
  });

  it('writes the merges as a thesaurus that parses and names the acronym', async () => {
    const file = path.join(out, 'thesaurus.txt');
    await exportTo('thesaurus', file);
    const thesaurus = parseThesaurus(readFileSync(file, 'utf8'), file);
    expect([...thesaurus.replace.keys()].some((k) => k.toLowerCase() === 'stdp')).toBe(true);
  });
});
