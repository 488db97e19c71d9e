// A small knowledge graph with the awkward values real corpora have: commas, quotes
// and a line break in titles, a missing year, no authors, non-ASCII text.
import type { Concept, KnowledgeGraph, Paper } from '../../src/graph/model.ts';

function paper(id: string, title: string, overrides: Partial<Paper> = {}): Paper {
  return {
    id,
    title,
    abstract: `Abstract of ${id}.`,
    year: 2021,
    date: '2021-03-04',
    url: `https://example.org/${id}`,
    authors: ['Ada Lovelace', 'Alan Turing'],
    source: 'jsonl:fixture.jsonl',
    doi: null,
    arxivId: null,
    openalexId: null,
    pmid: null,
    wosId: null,
    keywords: [],
    sources: [`jsonl:${id}`],
    ...overrides,
  };
}

function concept(id: string, label: string, community: number, overrides: Partial<Concept> = {}): Concept {
  return {
    id,
    label,
    aliases: [label],
    papers: 2,
    mentions: 3,
    score: 1.5,
    community,
    x: 0.25,
    y: -1,
    pagerank: 0.2,
    // A whole-number double: it must stay a float in Neo4j, not turn into an integer.
    betweenness: 0,
    participation: 0.5,
    meanYear: 2021.5,
    // A whole-number double too.
    relevance: 1,
    generic: false,
    ...overrides,
  };
}

export const fixtureGraph: KnowledgeGraph = {
  papers: [
    paper('arxiv:2101.00001', 'Spike-timing-dependent plasticity, revisited: "STDP" in dendrites', { doi: '10.1/x', arxivId: '2101.00001' }),
    paper('arxiv:2101.00002', 'Catastrophic forgetting\nacross tasks', { year: null, date: null, authors: [] }),
    paper('title:3f2a', 'Dendritic computation in Purkinje cells — a review', { sources: ['jsonl:a', 'bibtex:b'] }),
  ],
  concepts: [
    concept('spike timing dependent plasticity', 'spike-timing-dependent plasticity', 0, { aliases: ['spike-timing-dependent plasticity', 'STDP'] }),
    concept('catastrophic forgetting', 'catastrophic forgetting', 1, { papers: 1, mentions: 1, meanYear: null }),
    concept('dendrite', 'dendrites', 0),
  ],
  mentions: [
    { paperId: 'arxiv:2101.00001', conceptId: 'spike timing dependent plasticity', count: 2, inTitle: true, score: 0.9, spans: [{ field: 'title', start: 0, end: 33 }, { field: 'title', start: 46, end: 50 }] },
    { paperId: 'arxiv:2101.00001', conceptId: 'dendrite', count: 1, inTitle: true, score: 0.5, spans: [{ field: 'title', start: 55, end: 64 }] },
    { paperId: 'arxiv:2101.00002', conceptId: 'catastrophic forgetting', count: 1, inTitle: true, score: 1, spans: [{ field: 'title', start: 0, end: 23 }] },
    { paperId: 'title:3f2a', conceptId: 'dendrite', count: 1, inTitle: true, score: 0.7, spans: [{ field: 'title', start: 0, end: 10 }] },
    { paperId: 'title:3f2a', conceptId: 'spike timing dependent plasticity', count: 1, inTitle: false, score: 0.2, spans: [] },
  ],
  cooccurrences: [
    { source: 'dendrite', target: 'spike timing dependent plasticity', papers: 2, weight: 1 },
  ],
  broader: [{ narrower: 'spike timing dependent plasticity', broader: 'dendrite', kind: 'subsumption' }],
};

/** The fixture with one paper, its mentions and a concept only it had taken away. */
export function smallerGraph(): KnowledgeGraph {
  const gone = 'arxiv:2101.00002';
  return {
    papers: fixtureGraph.papers.filter((p) => p.id !== gone),
    concepts: fixtureGraph.concepts.filter((c) => c.id !== 'catastrophic forgetting'),
    mentions: Array.from(fixtureGraph.mentions).filter((m) => m.paperId !== gone),
    cooccurrences: fixtureGraph.cooccurrences,
    broader: fixtureGraph.broader,
  };
}
