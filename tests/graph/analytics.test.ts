import { describe, expect, it } from 'vitest';
import { associationStrength } from '../../src/graph/associationStrength.ts';
import { betweenness } from '../../src/graph/betweenness.ts';
import { buildGraph } from '../../src/graph/buildGraph.ts';
import { detectCommunities } from '../../src/graph/communities.ts';
import { createConceptGraph } from '../../src/graph/conceptGraph.ts';
import { countCooccurrences, listPairs } from '../../src/graph/cooccurrence.ts';
import type { Concept, KnowledgeGraph } from '../../src/graph/model.ts';
import { weightedPagerank } from '../../src/graph/pagerank.ts';
import { clique, handCorpus, twoCliquesAndABridge } from './handBuilt.ts';

function build(hand = twoCliquesAndABridge()): Promise<KnowledgeGraph> {
  const { papers, extraction } = handCorpus(hand);
  return buildGraph(papers, extraction);
}

function byId(graph: KnowledgeGraph): Map<string, Concept> {
  return new Map(graph.concepts.map((c) => [c.id, c]));
}

describe('co-occurrence and association strength', () => {
  it('matches association strength worked out by hand', () => {
    // occurrences a=3, b=3, c=2; c_ab=2, c_ac=2, c_bc=1
    // s_ab = 2/9, s_ac = 2/6, s_bc = 1/6; the strongest (a–c) becomes 1.
    const { extraction } = handCorpus([
      { id: 'p1', concepts: ['a', 'b'] },
      { id: 'p2', concepts: ['a', 'b', 'c'] },
      { id: 'p3', concepts: ['a', 'c'] },
      { id: 'p4', concepts: ['b'] },
    ]);
    const edges = associationStrength(countCooccurrences(extraction.mentions));
    expect(edges.map(({ source, target, papers }) => [source, target, papers])).toEqual([
      ['a', 'b', 2],
      ['a', 'c', 2],
      ['b', 'c', 1],
    ]);
    expect(edges[0].weight).toBeCloseTo(2 / 3, 12);
    expect(edges[1].weight).toBeCloseTo(1, 12);
    expect(edges[2].weight).toBeCloseTo(1 / 2, 12);
  });

  it('pairs up only the most central concepts of a very long paper', () => {
    const concepts = Array.from({ length: 40 }, (_, i) => `c${String(i).padStart(2, '0')}`);
    const { extraction } = handCorpus([{ id: 'long', concepts }]);
    const counts = countCooccurrences(extraction.mentions, { maxConceptsPerPaper: 30 });
    expect(listPairs(counts)).toHaveLength((30 * 29) / 2);
    const paired = new Set(listPairs(counts).flatMap((p) => [p.source, p.target]));
    expect(paired).toEqual(new Set(concepts.slice(0, 30)));
  });

  it('counts a concept listed twice for a paper once', () => {
    const { extraction } = handCorpus([{ id: 'p', concepts: ['a', 'b'] }]);
    const twice = [...extraction.mentions, { ...extraction.mentions.at(0)! }];
    expect(listPairs(countCooccurrences(twice))).toEqual([{ source: 'a', target: 'b', papers: 1 }]);
  });

  it('counts the same pairs when it sorts them a few sources at a time', () => {
    const { extraction } = handCorpus([
      ...clique('ab', ['a', 'b', 'c'], 3),
      ...clique('cd', ['c', 'd', 'e', 'f'], 2),
      { id: 'long', concepts: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] },
      { id: 'one', concepts: ['g'] },
    ]);
    const atOnce = countCooccurrences(extraction.mentions);
    // Runs of at most 2 pair occurrences: every source is a run of its own, or several.
    const inRuns = countCooccurrences(extraction.mentions, { keysPerRun: 2 });
    expect(listPairs(inRuns)).toEqual(listPairs(atOnce));
    expect(inRuns.occurrences).toEqual(atOnce.occurrences);
    expect(listPairs(atOnce)).toContainEqual({ source: 'c', target: 'd', papers: 3 });
  });

  it('prunes one-paper pairs and keeps each concept’s strongest edges once the corpus is large', () => {
    const { extraction } = handCorpus([
      ...clique('ab', ['a', 'b'], 3),
      ...clique('ac', ['a', 'c'], 2),
      { id: 'ad', concepts: ['a', 'd'] },
    ]);
    const counts = countCooccurrences(extraction.mentions);
    const all = associationStrength(counts, { largeCorpus: 100 });
    expect(all.map((e) => e.target)).toEqual(['b', 'c', 'd']);

    const pruned = associationStrength(counts, { largeCorpus: 6, minPapers: 2, topK: 1 });
    // a–d was seen once; a's top edge is a–b, but a–c is c's only edge and so survives.
    expect(pruned.map((e) => [e.source, e.target])).toEqual([
      ['a', 'b'],
      ['a', 'c'],
    ]);
    expect(Math.max(...pruned.map((e) => e.weight))).toBe(1);
  });
});

describe('buildGraph on two cliques joined by a bridge', async () => {
  const graph = await build();
  const concepts = byId(graph);

  it('finds the two cliques as communities, the larger one first', () => {
    const a = ['a1', 'a2', 'a3', 'a4', 'a5'].map((id) => concepts.get(id)!.community);
    const b = ['b1', 'b2', 'b3', 'b4'].map((id) => concepts.get(id)!.community);
    expect(new Set(a)).toEqual(new Set([0]));
    expect(new Set(b)).toEqual(new Set([1]));
  });

  it('gives the bridge the highest betweenness', () => {
    const bridge = concepts.get('bridge')!.betweenness;
    for (const concept of graph.concepts) {
      if (concept.id !== 'bridge') expect(concept.betweenness).toBeLessThan(bridge);
    }
    expect(bridge).toBeGreaterThan(0);
    expect(bridge).toBeLessThanOrEqual(1);
    expect(concepts.get('a5')!.betweenness).toBe(0);
  });

  it('gives the bridge a participation coefficient above 0 and inner clique members 0', () => {
    expect(concepts.get('bridge')!.participation).toBeGreaterThan(0.3);
    for (const id of ['a3', 'a4', 'a5', 'b3', 'b4']) expect(concepts.get(id)!.participation).toBe(0);
  });

  it('lays the cliques out apart', () => {
    const members = (ids: string[]) => ids.map((id) => concepts.get(id)!);
    const a = members(['a1', 'a2', 'a3', 'a4', 'a5']);
    const b = members(['b1', 'b2', 'b3', 'b4']);
    const distance = (p: Concept, q: Concept) => Math.hypot(p.x - q.x, p.y - q.y);
    const mean = (pairs: [Concept, Concept][]) => pairs.reduce((s, [p, q]) => s + distance(p, q), 0) / pairs.length;
    const within = (group: Concept[]) => group.flatMap((p, i) => group.slice(i + 1).map((q) => [p, q] as [Concept, Concept]));
    const intra = mean([...within(a), ...within(b)]);
    const inter = mean(a.flatMap((p) => b.map((q) => [p, q] as [Concept, Concept])));
    expect(intra * 2).toBeLessThan(inter);
    for (const c of graph.concepts) {
      expect(Math.abs(c.x)).toBeLessThanOrEqual(1000 + 1e-9);
      expect(Math.abs(c.y)).toBeLessThanOrEqual(1000 + 1e-9);
    }
  });

  it('stores each co-occurrence once with source < target', () => {
    const pairs = graph.cooccurrences.map((e) => `${e.source}|${e.target}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    for (const edge of graph.cooccurrences) expect(edge.source < edge.target).toBe(true);
    // clique A: 10 pairs, clique B: 6, bridge: 4 (a1–a2 and b1–b2 already counted)
    expect(graph.cooccurrences).toHaveLength(20);
    expect(graph.cooccurrences.find((e) => e.source === 'a1' && e.target === 'a2')!.papers).toBe(5);
  });

  it('counts papers and mentions per concept', () => {
    expect(concepts.get('a1')!).toMatchObject({ papers: 5, mentions: 5, label: 'A1', meanYear: 2020 });
    expect(concepts.get('bridge')!).toMatchObject({ papers: 2, mentions: 2 });
  });
});

describe('buildGraph', () => {
  it('builds the identical graph twice, whatever the input order', async () => {
    const hand = twoCliquesAndABridge();
    const first = await build(hand);
    expect(await build(hand)).toEqual(first);

    const { papers, extraction } = handCorpus([...hand].reverse());
    const shuffled = await buildGraph(papers, {
      concepts: [...extraction.concepts].reverse(),
      mentions: [...extraction.mentions].reverse(),
    });
    expect(shuffled.concepts).toEqual(first.concepts);
    expect(shuffled.cooccurrences).toEqual(first.cooccurrences);
  });

  it('gives the same graph with betweenness and the layout on worker threads', async () => {
    const { papers, extraction } = handCorpus(twoCliquesAndABridge());
    const threaded = await buildGraph(papers, extraction, { threadsFrom: 0 });
    expect(threaded).toEqual(await buildGraph(papers, extraction, { threadsFrom: Infinity }));
    expect(threaded.concepts.find((c) => c.id === 'bridge')!.betweenness).toBeGreaterThan(0);
  });

  it('changes the layout, not the communities, with another seed', async () => {
    const { papers, extraction } = handCorpus(twoCliquesAndABridge());
    const one = await buildGraph(papers, extraction, { seed: 1 });
    const two = await buildGraph(papers, extraction, { seed: 2 });
    expect(two.concepts.map((c) => c.community)).toEqual(one.concepts.map((c) => c.community));
    expect(two.concepts.map((c) => c.x)).not.toEqual(one.concepts.map((c) => c.x));
  });

  it('drops mentions of unknown papers and concepts, and concepts no paper mentions', async () => {
    const { papers, extraction } = handCorpus([{ id: 'p1', year: 2010, concepts: ['a', 'b'] }, { id: 'p2', year: 2014, concepts: ['a'] }]);
    const mentions = [
      ...extraction.mentions,
      { ...extraction.mentions.at(0)!, paperId: 'ghost' },
      { ...extraction.mentions.at(0)!, conceptId: 'unknown' },
    ];
    const concepts = [...extraction.concepts, { id: 'unused', label: 'unused', aliases: ['unused'], score: 0 }];
    const graph = await buildGraph(papers, { concepts, mentions });
    expect(Array.from(graph.mentions)).toEqual(Array.from(extraction.mentions));
    expect(graph.concepts.map((c) => c.id)).toEqual(['a', 'b']);
    expect(graph.concepts[0].meanYear).toBe(2012);
    expect(graph.papers).toBe(papers);
  });

  it('gives concepts without an edge one shared community after the real ones', async () => {
    const graph = await build([...clique('p', ['a', 'b', 'c'], 2), { id: 'lone1', concepts: ['x'] }, { id: 'lone2', concepts: ['y'] }]);
    const concepts = byId(graph);
    expect(concepts.get('a')!.community).toBe(0);
    expect(concepts.get('x')!.community).toBe(1);
    expect(concepts.get('y')!.community).toBe(1);
    expect(concepts.get('x')!.participation).toBe(0);
  });

  it('reports its phases in order', async () => {
    const { papers, extraction } = handCorpus(twoCliquesAndABridge());
    const phases: string[] = [];
    await buildGraph(papers, extraction, { onPhase: (p) => phases.push(p) });
    expect(phases).toEqual(['cooccurrence', 'communities', 'pagerank', 'participation', 'relevance', 'hierarchy', 'layout', 'betweenness']);
  });

  it('rejects duplicate concept ids', async () => {
    const { papers, extraction } = handCorpus([{ id: 'p', concepts: ['a'] }]);
    const concepts = [...extraction.concepts, ...extraction.concepts];
    await expect(buildGraph(papers, { concepts, mentions: extraction.mentions })).rejects.toThrow(/duplicate concept id "a"/);
  });

  it('builds an empty graph from no papers', async () => {
    expect(await buildGraph([], { concepts: [], mentions: [] })).toEqual({ papers: [], concepts: [], mentions: [], cooccurrences: [], broader: [] });
  });
});

describe('centrality', () => {
  it('ranks the hub of a star first by PageRank, leaves equal', () => {
    const { extraction } = handCorpus(['l1', 'l2', 'l3', 'l4'].map((leaf) => ({ id: leaf, concepts: ['hub', leaf] })));
    const graph = createConceptGraph(['hub', 'l1', 'l2', 'l3', 'l4'], associationStrength(countCooccurrences(extraction.mentions)));
    const rank = weightedPagerank(graph);
    for (const leaf of ['l1', 'l2', 'l3', 'l4']) {
      expect(rank.get('hub')!).toBeGreaterThan(rank.get(leaf)!);
      expect(rank.get(leaf)!).toBeCloseTo(rank.get('l1')!, 12);
    }
    expect([...rank.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });

  it('estimates betweenness from sampled pivots close to the exact value on a path', () => {
    // On a path of n nodes, node i (0-based) lies between i·(n-1-i) pairs.
    const n = 60;
    const ids = Array.from({ length: n }, (_, i) => `n${String(i).padStart(2, '0')}`);
    const edges = ids.slice(1).map((id, i) => ({ source: ids[i], target: id, papers: 1, weight: 1 }));
    const graph = createConceptGraph(ids, edges);
    const exact = betweenness(graph);
    const norm = ((n - 1) * (n - 2)) / 2;
    expect(exact.get('n10')!).toBeCloseTo((10 * (n - 11)) / norm, 12);
    expect(exact.get('n00')!).toBe(0);
    const sampled = betweenness(graph, { exactUpTo: 10, pivots: 40, seed: 7 });
    expect(sampled.get('n30')!).toBeGreaterThan(sampled.get('n05')!);
    expect(Math.abs(sampled.get('n30')! - exact.get('n30')!)).toBeLessThan(0.2 * exact.get('n30')!);
    expect(betweenness(graph, { exactUpTo: 10, pivots: 40, seed: 7 })).toEqual(sampled);
  });

  it('gives the same PageRank and betweenness for edges given in any order or direction', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const edges = [['a', 'b', 1], ['a', 'c', 0.5], ['b', 'c', 0.25], ['c', 'd', 0.75], ['d', 'e', 0.1]].map(([source, target, weight]) => ({ source: source as string, target: target as string, papers: 2, weight: weight as number }));
    const sorted = createConceptGraph(ids, edges);
    const shuffled = createConceptGraph([...ids].reverse(), [...edges].reverse().map((e, i) => (i % 2 ? { ...e, source: e.target, target: e.source } : e)));
    expect(shuffled).toEqual(sorted);
    expect(weightedPagerank(shuffled)).toEqual(weightedPagerank(sorted));
    expect(betweenness(shuffled).get('c')!).toBeGreaterThan(betweenness(shuffled).get('b')!);
    expect(() => createConceptGraph(ids, [...edges, { ...edges[0], source: 'b', target: 'a' }])).toThrow(/listed twice/);
  });

  it('numbers communities by size', () => {
    const { extraction } = handCorpus([...clique('s', ['s1', 's2', 's3'], 2), ...clique('l', ['l1', 'l2', 'l3', 'l4', 'l5', 'l6'], 2)]);
    const ids = extraction.concepts.map((c) => c.id);
    const communities = detectCommunities(createConceptGraph(ids, associationStrength(countCooccurrences(extraction.mentions))));
    expect(communities.byConcept.get('l1')).toBe(0);
    expect(communities.byConcept.get('s1')).toBe(1);
    expect(communities).toMatchObject({ count: 2, unclustered: null });
  });
});
