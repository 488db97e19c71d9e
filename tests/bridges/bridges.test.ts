// The bridges answer on hand-made graphs where the right answer is known: ranking by
// specificity, topic resolution, refusals, connecting paths and structural bridges.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBridges } from '../../src/explore/bridges/index.ts';
import { ExploreError } from '../../src/explore/errors.ts';
import { resolveTopic, resolveTopicPair } from '../../src/explore/topics.ts';
import { filler, handStore, type HandStore } from './handGraph.ts';

const STDP = 'spike timing dependent plasticity';
const CF = 'catastrophic forgetting';

async function rejection(promise: Promise<unknown> | (() => unknown)): Promise<ExploreError> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    if (error instanceof ExploreError) return error;
    throw error;
  }
  throw new Error('expected an ExploreError');
}

describe('direct bridges and topics', () => {
  let hand: HandStore;
  beforeAll(async () => {
    hand = await handStore(
      [
        { id: 'specific', mentions: [STDP, CF] },
        { id: 'mixed', mentions: [STDP, 'gradual forgetting'] },
        { id: 'generic', mentions: ['synaptic plasticity', 'gradual forgetting'] },
        { id: 'titled', title: 'STDP against catastrophic forgetting', mentions: [{ concept: STDP, inTitle: true }, { concept: CF, inTitle: true }] },
        ...filler('plastic', 8, ['synaptic plasticity', 'neural network']),
        ...filler('forget', 8, ['gradual forgetting', 'memory']),
        // Broad concepts appear beyond the topics too, so neither is subsumed by one (Sanderson & Croft).
        ...filler('broad', 4, ['neural network', 'memory']),
      ],
      {
        [STDP]: ['STDP', 'spike-timing-dependent plasticity', 'spike timing dependent plasticity'],
        [CF]: ['catastrophic forgetting'],
        'gradual forgetting': ['gradual forgetting'],
        'synaptic plasticity': ['synaptic plasticity'],
        'neural network': ['neural network', 'neural networks'],
        memory: ['memory'],
      },
    );
  }, 60_000);
  afterAll(() => hand?.cleanup());

  it('ranks papers on specific concepts above papers on generic ones, title mentions first', async () => {
    const result = await findBridges(hand.store, hand.snapshot, 'plasticity', 'forgetting');
    expect(result.papers.map((p) => p.id)).toEqual(['titled', 'specific', 'mixed', 'generic']);
    const specific = result.papers[1];
    expect(specific.viaA.map((c) => c.id)).toEqual([STDP]);
    expect(specific.viaB.map((c) => c.id)).toEqual([CF]);
    expect(specific.kind).toBe('direct');
    expect(specific.reason).toContain('"STDP"');
    expect(specific.reason).toContain('"catastrophic forgetting"');
    expect(result.papers[0].reason).toContain('in the title');
    expect(result.totalDirect).toBe(4);
  });

  it('resolves a concept by any alias, whatever the case and hyphens', () => {
    for (const query of ['STDP', 'stdp', 'Spike-Timing-Dependent Plasticity', STDP]) {
      const topic = resolveTopic(hand.snapshot, query);
      expect(topic.kind).toBe('concept');
      expect(topic.concepts.map((c) => c.id)).toEqual([STDP]);
    }
  });

  it('resolves free text to the concepts whose aliases contain it, and says which', () => {
    const topic = resolveTopic(hand.snapshot, 'forgetting');
    expect(topic.kind).toBe('text');
    expect(topic.concepts.map((c) => c.id).sort()).toEqual([CF, 'gradual forgetting']);
    expect(topic.note).toContain('catastrophic forgetting');
    expect(topic.note).toContain('gradual forgetting');
  });

  it('resolves a community by number and refuses one that does not exist', async () => {
    const community = hand.snapshot.concepts.get(STDP)!.community;
    const topic = resolveTopic(hand.snapshot, `community:${community}`);
    expect(topic.kind).toBe('community');
    expect(topic.concepts.map((c) => c.id)).toContain(STDP);
    const error = await rejection(() => resolveTopic(hand.snapshot, 'community:999'));
    expect(error.code).toBe('not_found');
    expect(error.message).toContain('No community 999');
  });

  it('answers an unknown topic with not found and near matches', async () => {
    const error = await rejection(findBridges(hand.store, hand.snapshot, 'STPD', 'forgetting'));
    expect(error.code).toBe('not_found');
    expect(error.message).toContain('"STPD"');
    expect(error.message).toContain('Did you mean "STDP"');
  });

  it('refuses the same topic on both sides, however it is written', async () => {
    const same = await rejection(findBridges(hand.store, hand.snapshot, 'STDP', 'spike-timing dependent plasticity'));
    expect(same.code).toBe('bad_input');
    expect(same.message).toContain('same topic');
    const inside = await rejection(() => resolveTopicPair(hand.snapshot, 'catastrophic', 'catastrophic forgetting'));
    expect(inside.code).toBe('bad_input');
  });

  it('gives a concept both topics match to the topic that names it exactly', () => {
    const { a, b } = resolveTopicPair(hand.snapshot, 'plasticity', 'STDP');
    expect(a.concepts.map((c) => c.id)).toEqual(['synaptic plasticity']);
    expect(b.concepts.map((c) => c.id)).toEqual([STDP]);
    expect(a.note).toContain('without STDP');
  });
});

describe('connecting paths', () => {
  let hand: HandStore;
  beforeAll(async () => {
    hand = await handStore(
      [
        { id: 'pa', mentions: [STDP, 'synaptic consolidation', 'model'] },
        { id: 'pb', mentions: [CF, 'synaptic consolidation', 'model'] },
        { id: 'pc', mentions: [STDP, 'learning', 'model'] },
        { id: 'pd', mentions: [CF, 'learning', 'model'] },
        ...filler('learn', 3, ['learning', 'dataset']),
        { id: 'pa2', mentions: [STDP, 'replay', 'model'] },
        { id: 'q', mentions: ['replay', 'sleep', 'model'] },
        { id: 'pb2', mentions: [CF, 'sleep', 'model'] },
        { id: 'island', mentions: ['island concept', 'lonely concept'] },
        ...filler('hub', 12, ['model', 'dataset']),
      ],
      {
        [STDP]: ['STDP'],
        [CF]: ['catastrophic forgetting'],
        'synaptic consolidation': ['synaptic consolidation'],
        learning: ['learning'],
        replay: ['replay'],
        sleep: ['sleep'],
        model: ['model'],
        dataset: ['dataset'],
        'island concept': ['island concept'],
        'lonely concept': ['lonely concept'],
      },
    );
  }, 60_000);
  afterAll(() => hand?.cleanup());

  it('finds paths through shared concepts when no paper mentions both, specific ones first, never through hubs', async () => {
    const result = await findBridges(hand.store, hand.snapshot, 'STDP', 'catastrophic forgetting');
    expect(result.papers).toEqual([]);
    const chains = result.paths.map((p) => p.via.map((c) => c.id).join(' > '));
    expect(chains.slice(0, 2)).toEqual(['synaptic consolidation', 'learning']);
    expect(chains).toContain('replay > sleep');
    expect(chains.some((c) => c.includes('model'))).toBe(false);
    const first = result.paths[0];
    expect(first.hops).toBe(2);
    expect(first.steps.map((s) => s.id)).toEqual([STDP, 'pa', 'synaptic consolidation', 'pb', CF]);
    expect(first.steps.map((s) => s.role)).toEqual(['a', 'a', 'via', 'b', 'b']);
    expect(first.reason).toContain('"synaptic consolidation"');
    const longer = result.paths.find((p) => p.via.length === 2)!;
    expect(longer.hops).toBe(4);
    expect(longer.steps.map((s) => s.id)).toEqual([STDP, 'pa2', 'replay', 'q', 'sleep', 'pb2', CF]);
  });

  it('leaves out the longer paths when asked', async () => {
    const result = await findBridges(hand.store, hand.snapshot, 'STDP', 'catastrophic forgetting', { longerPaths: false });
    expect(result.paths.every((p) => p.hops === 2)).toBe(true);
  });

  it('says so when the topics are not connected at all', async () => {
    const result = await findBridges(hand.store, hand.snapshot, 'island concept', 'catastrophic forgetting');
    expect(result.papers).toEqual([]);
    expect(result.paths).toEqual([]);
    expect(result.pathNote).toMatch(/No path/);
  });
});

describe('structural bridges', () => {
  let hand: HandStore;
  beforeAll(async () => {
    const cliqueA = ['a1', 'a2', 'a3', 'a4', 'a5'];
    const cliqueB = ['b1', 'b2', 'b3', 'b4'];
    hand = await handStore(
      [
        ...filler('pa', 4, cliqueA),
        ...filler('pb', 4, cliqueB),
        { id: 'x1', mentions: ['bridge', 'a1', 'a2'] },
        { id: 'x2', mentions: ['bridge', 'b1', 'b2'] },
      ],
      Object.fromEntries([...cliqueA, ...cliqueB, 'bridge'].map((id) => [id, [id]])),
    );
  }, 60_000);
  afterAll(() => hand?.cleanup());

  it('lists the concept that links the two communities, and the paper that spans them', async () => {
    expect(hand.snapshot.concepts.get('a3')!.community).not.toBe(hand.snapshot.concepts.get('b3')!.community);
    const result = await findBridges(hand.store, hand.snapshot, 'a3', 'b3');
    const concepts = result.structural.filter((s) => s.kind === 'concept');
    expect(concepts[0].id).toBe('bridge');
    expect(concepts[0].reason).toContain('participation');
    const papers = result.structural.filter((s) => s.kind === 'paper').map((s) => s.id);
    expect(['x1', 'x2']).toContain(papers[0]);
    expect(result.paths[0].via.map((c) => c.id)).toContain('bridge');
  });
});
