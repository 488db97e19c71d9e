// The BROADER hierarchy: term nesting, document subsumption, their merge, on hand-made
// concepts and on the bundled sample corpus.
import { beforeAll, describe, expect, it } from 'vitest';
import { dedupePapers, readCorpus } from '../../src/corpus/index.ts';
import { extractCorpus } from '../../src/extract/index.ts';
import { buildGraph } from '../../src/graph/buildGraph.ts';
import { countCooccurrences } from '../../src/graph/cooccurrence.ts';
import { conceptHierarchy } from '../../src/graph/hierarchy.ts';
import type { BroaderEdge, KnowledgeGraph } from '../../src/graph/model.ts';
import { insertionVariants } from '../../src/graph/insertionVariants.ts';
import { termNesting } from '../../src/graph/nesting.ts';
import { documentSubsumption } from '../../src/graph/subsumption.ts';
import { handCorpus } from './handBuilt.ts';

const concept = (id: string, aliases: string[] = [id], papers = 5) => ({ id, aliases, papers });

describe('term nesting', () => {
  const edges = termNesting([
    concept('primary visual cortex', ['primary visual cortex', 'V1']),
    concept('visual cortex'),
    concept('cortex', ['cortex', 'cortices', 'cortical']),
    concept('hebbian plasticity rule', ['Hebbian plasticity rule']),
    concept('hebbian plasticity', ['Hebbian plasticity']),
    concept('dendritic tree', ['dendritic trees']),
    concept('dendrite', ['dendrites', 'dendritic']),
    concept('spike timing dependent plasticity synapse', ['STDP synapses']),
    concept('spike timing dependent plasticity', ['STDP', 'spike-timing-dependent plasticity']),
    concept('learning', ['learning'], 900),
    concept('LEARNING', ['LEARNING'], 13),
    concept('hebbian learning', ['Hebbian learning']),
  ]);
  const broaderOf = (id: string) => edges.filter((e) => e.narrower === id).map((e) => e.broader).sort();

  it('finds the nested concept at the head and as a modifier, only the longest', () => {
    expect(broaderOf('primary visual cortex')).toEqual(['visual cortex']);
    expect(broaderOf('visual cortex')).toEqual(['cortex']);
    expect(broaderOf('hebbian plasticity rule')).toEqual(['hebbian plasticity']);
  });

  it('reads aliases: a relational adjective and an acronym nest too', () => {
    expect(broaderOf('dendritic tree')).toEqual(['dendrite']);
    expect(broaderOf('spike timing dependent plasticity synapse')).toEqual(['spike timing dependent plasticity']);
  });

  it('takes a name shared by case variants as the id in more papers', () => {
    expect(broaderOf('hebbian learning')).toEqual(['learning']);
  });

  it('nests a sign-reversed form under its base, never a negated one', () => {
    const prefixed = termNesting([
      concept('hebbian learning', ['Hebbian learning']),
      concept('antihebbian learning', ['anti-Hebbian learning']),
      concept('nonhebbian learning', ['non-Hebbian learning']),
      concept('convex optimization'),
      concept('nonconvex optimization', ['non-convex optimization']),
      concept('optimization'),
      concept('learning'),
    ]);
    const up = (id: string) => prefixed.filter((e) => e.narrower === id).map((e) => e.broader).sort();
    expect(up('antihebbian learning')).toEqual(['hebbian learning']);
    expect(up('nonhebbian learning')).toEqual(['learning']);
    expect(up('nonconvex optimization')).toEqual(['optimization']);
  });
});

describe('insertion variants (Jacquemin 2001; distributional check, Grefenstette 1994)', () => {
  // Rows of co-occurrence: "spiking network" and "spiking neural network" share their
  // neighbours; "bayesian network" and "bayesian neural network" do not.
  const neighbours: Record<string, [string, number][]> = {
    'spiking network': [['neuron', 4], ['synapse', 3], ['stdp', 2]],
    'spiking neural network': [['neuron', 6], ['synapse', 4], ['stdp', 3], ['neuromorphic hardware', 2]],
    'bayesian network': [['graphical model', 5], ['structure learning', 4], ['inference', 2]],
    'bayesian neural network': [['variational inference', 5], ['uncertainty', 4], ['inference', 1]],
  };
  const occurrences = new Map<string, number>();
  const pairs: { source: string; target: string; papers: number }[] = [];
  for (const [id, row] of Object.entries(neighbours)) {
    occurrences.set(id, Math.max(...row.map(([, n]) => n)) + 1);
    for (const [other, n] of row) {
      occurrences.set(other, Math.max(occurrences.get(other) ?? 0, n + 2));
      pairs.push(id < other ? { source: id, target: other, papers: n } : { source: other, target: id, papers: n });
    }
  }
  // As countCooccurrences gives them: concepts by index in code-unit order, pairs sorted.
  const ids = [...occurrences.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const index = new Map(ids.map((id, i) => [id, i]));
  pairs.sort((a, b) => index.get(a.source)! - index.get(b.source)! || index.get(a.target)! - index.get(b.target)!);
  const edges = insertionVariants({
    ids,
    pairs: {
      source: Uint32Array.from(pairs, (p) => index.get(p.source)!),
      target: Uint32Array.from(pairs, (p) => index.get(p.target)!),
      papers: Uint32Array.from(pairs, (p) => p.papers),
    },
    occurrences,
    papers: 100,
  });

  it('puts the variant in fewer papers under the other when both are used alike', () => {
    expect(edges).toEqual([{ narrower: 'spiking network', broader: 'spiking neural network' }]);
  });
});

describe('document subsumption (Sanderson & Croft 1999)', () => {
  // "stdp" in 5 papers, all of them about "spiking"; "spiking" in 10; "network" in all 12.
  const { extraction } = handCorpus([
    ...Array.from({ length: 5 }, (_, i) => ({ id: `s${i}`, concepts: ['stdp', 'spiking', 'network'] })),
    ...Array.from({ length: 5 }, (_, i) => ({ id: `p${i}`, concepts: ['spiking', 'network'] })),
    { id: 'r1', concepts: ['rare', 'spiking', 'network'] },
    { id: 'x1', concepts: ['network'] },
  ]);
  const counts = countCooccurrences(extraction.mentions);
  const pairs = (edges: { narrower: string; broader: string }[]) => edges.map((e) => `${e.narrower}→${e.broader}`).sort();

  it('keeps x over y when P(x|y) ≥ 0.8 and P(y|x) < 1, with enough support', () => {
    expect(pairs(documentSubsumption(counts, () => false))).toEqual(['spiking→network', 'stdp→network', 'stdp→spiking']);
  });

  it('never makes a generic concept the broader one', () => {
    expect(pairs(documentSubsumption(counts, (id) => id === 'network'))).toEqual(['stdp→spiking']);
  });

  it('asks for support: a one-paper concept subsumes nothing and is subsumed by nothing', () => {
    expect(pairs(documentSubsumption(counts, () => false, { minPapers: 1 }))).toContain('rare→spiking');
    expect(pairs(documentSubsumption(counts, () => false)).some((e) => e.includes('rare'))).toBe(false);
  });
});

describe('merged hierarchy', () => {
  it('drops edges implied through another broader concept and never closes a cycle', () => {
    const merged = conceptHierarchy(
      [
        { narrower: 'primary visual cortex', broader: 'visual cortex' },
        { narrower: 'visual cortex', broader: 'cortex' },
      ],
      [
        { narrower: 'primary visual cortex', broader: 'cortex', share: 1 }, // implied
        { narrower: 'cortex', broader: 'primary visual cortex', share: 0.9 }, // a cycle
        { narrower: 'orientation map', broader: 'visual cortex', share: 0.85 },
      ],
    );
    expect(merged).toEqual<BroaderEdge[]>([
      { narrower: 'orientation map', broader: 'visual cortex', kind: 'subsumption' },
      { narrower: 'primary visual cortex', broader: 'visual cortex', kind: 'nesting' },
      { narrower: 'visual cortex', broader: 'cortex', kind: 'nesting' },
    ]);
  });
});

describe('hierarchy of the sample corpus', () => {
  let graph: KnowledgeGraph;
  beforeAll(async () => {
    const read = await readCorpus(['data/sample']);
    const papers = dedupePapers(read.records).papers;
    graph = await buildGraph(papers, await extractCorpus(papers, { workers: 1 }));
  }, 120_000);

  it('links real concepts by nesting and by subsumption, between stored concepts', () => {
    const ids = new Set(graph.concepts.map((c) => c.id));
    expect(graph.broader.every((e) => ids.has(e.narrower) && ids.has(e.broader) && e.narrower !== e.broader)).toBe(true);
    const has = (narrower: string, broader: string) => graph.broader.some((e) => e.narrower === narrower && e.broader === broader);
    expect(has('large language model', 'language model')).toBe(true);
    expect(has('convolutional neural network', 'neural network')).toBe(true);
    expect(graph.broader.some((e) => e.kind === 'subsumption')).toBe(true);
  });

  it('is a directed acyclic graph', () => {
    const up = new Map<string, string[]>();
    for (const e of graph.broader) up.set(e.narrower, [...(up.get(e.narrower) ?? []), e.broader]);
    const state = new Map<string, 'open' | 'done'>();
    const cyclic = (id: string): boolean => {
      if (state.get(id) === 'done') return false;
      if (state.get(id) === 'open') return true;
      state.set(id, 'open');
      const found = (up.get(id) ?? []).some(cyclic);
      state.set(id, 'done');
      return found;
    };
    expect([...up.keys()].some(cyclic)).toBe(false);
  });
});
