// Relevance (generic vs specific concepts) on hand-built corpora whose answer is known,
// and on the bundled sample corpus through the real extractor.
import { beforeAll, describe, expect, it } from 'vitest';
import { dedupePapers, readCorpus } from '../../src/corpus/index.ts';
import { extractCorpus } from '../../src/extract/index.ts';
import { buildGraph } from '../../src/graph/buildGraph.ts';
import type { KnowledgeGraph } from '../../src/graph/model.ts';
import { conceptRelevance } from '../../src/graph/relevance.ts';
import { clique, handCorpus, type HandPaper } from './handBuilt.ts';

/**
 * Three topics of three concepts, each topic in 8 papers; "method" appears in every
 * paper of every topic, "spike" only in topic a's papers.
 */
function threeTopics(): HandPaper[] {
  const topic = (name: string, extra: string[]) =>
    clique(name, [`${name}1`, `${name}2`, `${name}3`], 8).map((p, i) => ({ ...p, concepts: [...p.concepts, ...(i % 2 === 0 ? extra : [])] }));
  return [...topic('a', ['method', 'spike']), ...topic('b', ['method']), ...topic('c', ['method'])];
}

describe('relevance on hand-built topics', () => {
  const { papers, extraction } = handCorpus(threeTopics());
  const communities = new Map<string, number>();
  for (const id of new Set(Array.from(extraction.mentions, (m) => m.conceptId))) communities.set(id, id === 'method' ? 1 : 'abc'.indexOf(id[0]));
  communities.set('spike', 0);

  it('scores a concept spread over every topic below one confined to a topic', () => {
    const relevance = conceptRelevance(extraction.mentions, communities, null, { minPapers: 1, minShare: 0 });
    expect(relevance.get('method')!.relevance).toBeLessThan(relevance.get('spike')!.relevance);
    expect(relevance.get('spike')!.relevance).toBeGreaterThan(0);
  });

  it('flags the least relevant share of the frequent concepts, and never a rare one', () => {
    // Ten concepts reach 8 papers ("method" and the nine topic concepts); "spike" has 4.
    const relevance = conceptRelevance(extraction.mentions, communities, null, { minPapers: 8, minShare: 0, genericShare: 0.1 });
    const tooFew = conceptRelevance(extraction.mentions, communities, null, { minPapers: 8, minShare: 0, genericShare: 0.1, minCandidates: 11 });
    expect([...tooFew.values()].some((r) => r.generic)).toBe(false);
    expect([...relevance].filter(([, r]) => r.generic).map(([id]) => id)).toEqual(['method']);
    const stricter = conceptRelevance(extraction.mentions, communities, null, { minPapers: 13, minShare: 0 });
    expect([...stricter.values()].some((r) => r.generic)).toBe(false);
    expect(papers.length).toBe(24);
  });

  it('tells nothing apart when there is one topic', () => {
    const one = new Map([...communities.keys()].map((id) => [id, 0]));
    const relevance = conceptRelevance(extraction.mentions, one, null, { minPapers: 1, minShare: 0 });
    expect([...relevance.values()].every((r) => r.relevance === 0 && !r.generic)).toBe(true);
  });
});

describe('relevance on the sample corpus', () => {
  let graph: KnowledgeGraph;
  beforeAll(async () => {
    const read = await readCorpus(['data/sample']);
    const papers = dedupePapers(read.records).papers;
    graph = await buildGraph(papers, await extractCorpus(papers, { workers: 1 }));
  }, 120_000);

  it('flags the words every subfield uses and keeps the topics specific', () => {
    const byId = new Map(graph.concepts.map((c) => [c.id, c]));
    for (const id of ['neural network', 'neuron', 'representation', 'learning']) expect(byId.get(id)?.generic, id).toBe(true);
    for (const id of ['spiking neural network', 'large language model', 'segmentation']) expect(byId.get(id)?.generic, id).toBe(false);
    expect(byId.get('spiking neural network')!.relevance).toBeGreaterThan(byId.get('neural network')!.relevance);
  });

  it('flags about 40% of the concepts in at least 5 papers, none below, and scores every concept ≥ 0', () => {
    const frequent = graph.concepts.filter((c) => c.papers >= 5);
    const share = frequent.filter((c) => c.generic).length / frequent.length;
    expect(share).toBeGreaterThanOrEqual(0.4);
    expect(share).toBeLessThan(0.6);
    expect(graph.concepts.filter((c) => c.papers < 5 && c.generic)).toEqual([]);
    expect(graph.concepts.every((c) => Number.isFinite(c.relevance) && c.relevance >= 0)).toBe(true);
  });
});
