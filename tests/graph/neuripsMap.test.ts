// The default overview map on the real NeurIPS/ICML/ICLR corpus (12,717 papers): its
// communities must be regions (issue 11's target: community kNN purity ≥ 0.7 at 500
// concepts; scripts/map-purity.ts prints the figure), with no generic concept on it.
//
// The store is built once per version of the code (tests/helpers/neuripsStore.ts).
// Without the corpus every test here is reported skipped, with the reason.
import { beforeAll, describe, expect, it } from 'vitest';
import { overview } from '../../src/explore/overview.ts';
import { loadSnapshot, type Snapshot } from '../../src/explore/snapshot.ts';
import { knnPurity } from '../../src/graph/knnPurity.ts';
import type { MapGraph } from '../../src/graph/model.ts';
import { openEmbeddedStore } from '../../src/store/embedded.ts';
import { corpusStore, locateCorpus } from '../helpers/neuripsStore.ts';
import { overviewGraph } from '../../web/src/map/overviewGraph.ts';

const corpus = locateCorpus();
const missing = 'missing' in corpus ? corpus.missing : null;
if (missing) console.warn(`NeurIPS/ICML/ICLR map checks (tests/graph/neuripsMap.test.ts) skipped: ${missing}`);

describe.skipIf(missing !== null)('the default map of the NeurIPS/ICML/ICLR store', () => {
  let snapshot: Snapshot;
  let map: MapGraph;

  beforeAll(async () => {
    const store = await openEmbeddedStore(await corpusStore());
    try {
      snapshot = await loadSnapshot(store);
    } finally {
      await store.close();
    }
    map = overviewGraph(overview(snapshot));
  }, 20 * 60_000);

  it('separates its communities: kNN purity ≥ 0.7 (k = 10), the stored layout of the same concepts far below', () => {
    expect(map.nodes).toHaveLength(500);
    const community = new Map(map.nodes.map((n) => [n.key, n.attributes.community]));
    const communityOf = (id: string) => community.get(id)!;
    const positions = new Map(map.nodes.map((n) => [n.key, { x: n.attributes.x, y: n.attributes.y }]));
    const purity = knnPurity(positions, communityOf);
    expect(purity).toBeGreaterThanOrEqual(0.7);
    const stored = new Map(map.nodes.map((n) => [n.key, { x: snapshot.concepts.get(n.key)!.x, y: snapshot.concepts.get(n.key)!.y }]));
    expect(knnPurity(stored, communityOf)).toBeLessThan(purity - 0.2);
  });

  it('shows specific concepts, not generic ones, and gives the largest topics of the corpus their regions', () => {
    for (const n of map.nodes) expect(snapshot.concepts.get(n.key)!.generic, n.attributes.label).toBe(false);
    const labels = new Set(map.nodes.map((n) => n.attributes.label.toLowerCase()));
    for (const topic of ['reinforcement learning', 'synapses', 'regret', 'convolutional neural networks']) expect(labels.has(topic), topic).toBe(true);
    const regions = new Set(map.nodes.map((n) => n.attributes.community));
    const largest = [...snapshot.communities.values()].sort((a, b) => b.ownPapers - a.ownPapers).slice(0, 10);
    for (const c of largest) expect(regions.has(c.id), c.label).toBe(true);
  });
});
