// The graph build on the bundled sample corpus (data/sample: five Daily Papers
// pages), read and extracted by the real write side.
import { beforeAll, describe, expect, it } from 'vitest';
import { dedupePapers, readCorpus } from '../../src/corpus/index.ts';
import { extractCorpus } from '../../src/extract/index.ts';
import louvain from 'graphology-communities-louvain';
import { associationStrength } from '../../src/graph/associationStrength.ts';
import { buildGraph } from '../../src/graph/buildGraph.ts';
import { createConceptGraph, toGraphology } from '../../src/graph/conceptGraph.ts';
import { countCooccurrences } from '../../src/graph/cooccurrence.ts';
import { louvainPartition } from '../../src/graph/louvain.ts';
import { createRandom } from '../../src/graph/random.ts';
import type { Extraction, KnowledgeGraph, Paper } from '../../src/graph/model.ts';

let papers: Paper[];
let extraction: Extraction;
let graph: KnowledgeGraph;

beforeAll(async () => {
  const read = await readCorpus(['data/sample']);
  papers = dedupePapers(read.records).papers;
  extraction = await extractCorpus(papers, { workers: 1 });
  graph = await buildGraph(papers, extraction);
}, 120_000);

describe('graph of the sample corpus', () => {
  it('keeps every paper and every mention of a known concept', () => {
    expect(graph.papers).toBe(papers);
    const ids = new Set(graph.concepts.map((c) => c.id));
    expect(graph.mentions.length).toBeGreaterThan(papers.length);
    for (const mention of graph.mentions) expect(ids.has(mention.conceptId)).toBe(true);
  });

  it('counts the papers of a concept the way a reader would', () => {
    const snn = graph.concepts.find((c) => c.id === 'spiking neural network')!;
    const mentioning = new Set(Array.from(extraction.mentions).filter((m) => m.conceptId === snn.id).map((m) => m.paperId));
    expect(snn.papers).toBe(mentioning.size);
    expect(snn.papers).toBeGreaterThanOrEqual(5);
    expect(snn.meanYear).not.toBeNull();
  });

  it('connects STDP to spiking neural networks through a shared paper', () => {
    const stdp = 'spike timing dependent plasticity';
    const neighbours = graph.cooccurrences
      .filter((e) => e.source === stdp || e.target === stdp)
      .map((e) => (e.source === stdp ? e.target : e.source));
    expect(neighbours.some((id) => id.includes('spiking'))).toBe(true);
  });

  it('stores well-formed edges: once per pair, source < target, weights in (0, 1] with a strongest edge of 1', () => {
    const seen = new Set<string>();
    for (const e of graph.cooccurrences) {
      expect(e.source < e.target).toBe(true);
      expect(seen.has(`${e.source}|${e.target}`)).toBe(false);
      seen.add(`${e.source}|${e.target}`);
      expect(e.weight).toBeGreaterThan(0);
      expect(e.weight).toBeLessThanOrEqual(1);
      expect(e.papers).toBeGreaterThanOrEqual(1);
    }
    expect(Math.max(...graph.cooccurrences.map((e) => e.weight))).toBe(1);
  });

  it('numbers communities by size and gives every concept analytics in range', () => {
    const sizes = new Map<number, number>();
    for (const c of graph.concepts) sizes.set(c.community, (sizes.get(c.community) ?? 0) + 1);
    const linked = new Set(graph.cooccurrences.flatMap((e) => [e.source, e.target]));
    const clustered = [...new Set(graph.concepts.filter((c) => linked.has(c.id)).map((c) => c.community))].sort((a, b) => a - b);
    expect(clustered[0]).toBe(0);
    for (let i = 1; i < clustered.length; i++) expect(sizes.get(clustered[i])!).toBeLessThanOrEqual(sizes.get(clustered[i - 1])!);
    for (const c of graph.concepts) {
      expect(Math.max(Math.abs(c.x), Math.abs(c.y))).toBeLessThanOrEqual(1000 + 1e-9);
      expect(c.betweenness).toBeGreaterThanOrEqual(0);
      expect(c.betweenness).toBeLessThanOrEqual(1);
      expect(c.participation).toBeGreaterThanOrEqual(0);
      expect(c.participation).toBeLessThan(1);
      expect(c.pagerank).toBeGreaterThan(0);
    }
  });

  it('has the communities graphology-communities-louvain finds, at several seeds and resolutions', () => {
    const concepts = createConceptGraph(
      extraction.concepts.map((c) => c.id),
      associationStrength(countCooccurrences(extraction.mentions)),
    );
    // Partitions compared as sets of members: the labels themselves are arbitrary.
    const groups = (labelOf: (i: number) => number) => {
      const members = new Map<number, string[]>();
      concepts.ids.forEach((id, i) => members.set(labelOf(i), [...(members.get(labelOf(i)) ?? []), id]));
      return [...members.values()].map((list) => list.join('|')).sort();
    };
    for (const [seed, resolution] of [[1, 1], [7, 1], [3, 1.5]]) {
      const ours = louvainPartition(concepts, { resolution, random: createRandom(seed) });
      const theirs = louvain(toGraphology(concepts), { getEdgeWeight: 'weight', resolution, rng: createRandom(seed) });
      const found = groups((i) => ours[i]);
      expect(found.length).toBeGreaterThan(3);
      expect(found).toEqual(groups((i) => theirs[concepts.ids[i]]));
    }
  });

  it('is the identical graph when built again', async () => {
    expect(await buildGraph(papers, extraction)).toEqual(graph);
  });
});
