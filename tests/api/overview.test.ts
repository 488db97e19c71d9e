// The overview map over HTTP, on a real store of the sample corpus: which concepts it
// shows, where, and what the year filter and the legend need (papers per year, the
// corpus's years, every community's own papers), checked against the store's own
// papers and the read model.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSnapshot, type Snapshot } from '../../src/explore/snapshot.ts';
import { MAP_CONCEPT_DEFAULTS } from '../../src/explore/mapConcepts.ts';
import { knnPurity } from '../../src/graph/knnPurity.ts';
import type { CommunityResponse, ConceptPapersResponse, OverviewResponse } from '../../src/graph/model.ts';
import { startServer } from '../../src/server/serve.ts';
import { openEmbeddedStore } from '../../src/store/embedded.ts';
import { makeTestStore, type TestStore } from '../helpers/sampleStore.ts';
import { expectDocumented } from './openapiCheck.ts';
import { overviewGraph } from '../../web/src/map/overviewGraph.ts';

let testStore: TestStore;
let server: Awaited<ReturnType<typeof startServer>>;
let snapshot: Snapshot;

beforeAll(async () => {
  testStore = await makeTestStore();
  const store = await openEmbeddedStore(testStore.dir);
  snapshot = await loadSnapshot(store);
  await store.close();
  server = await startServer(testStore.config, { quiet: true });
});

afterAll(async () => {
  await server?.close();
  testStore?.cleanup();
});

async function get<T>(url: string): Promise<T> {
  const res = await fetch(server.url + url);
  const body = (await res.json()) as T;
  expectDocumented('GET', url, res.status, body);
  expect(res.status, url).toBe(200);
  return body;
}

const score = (id: string) => snapshot.concepts.get(id)!.papers * snapshot.concepts.get(id)!.relevance;

describe('GET /api/overview', () => {
  it('shows no generic concept, and within each community its concepts of most papers × specificity', async () => {
    const body = await get<OverviewResponse>('/api/overview?limit=100');
    expect(overviewGraph(body).nodes).toHaveLength(100);
    const onMap = new Set(overviewGraph(body).nodes.map((n) => n.key));
    for (const id of onMap) expect(snapshot.concepts.get(id)!.generic, id).toBe(false);
    expect(body.map.genericLeftOut).toBeGreaterThan(0);
    expect(body.map.rankedBy).toBe('papers');
    // No concept left off scores above one shown from its community.
    const lowest = new Map<number, number>();
    for (const id of onMap) {
      const c = snapshot.concepts.get(id)!.community;
      lowest.set(c, Math.min(lowest.get(c) ?? Infinity, score(id)));
    }
    for (const concept of snapshot.concepts.values()) {
      if (onMap.has(concept.id) || concept.generic || !lowest.has(concept.community) || !snapshot.neighbours.get(concept.id)?.length) continue;
      expect(score(concept.id), concept.id).toBeLessThanOrEqual(lowest.get(concept.community)!);
    }
    const pagerank = await get<OverviewResponse>('/api/overview?limit=100&by=pagerank');
    expect(pagerank.map.rankedBy).toBe('pagerank');
    for (const n of overviewGraph(pagerank).nodes) expect(snapshot.concepts.get(n.key)!.generic, n.key).toBe(false);
  });

  it('draws each community on the map as a region: each with the least places a community gets (nine concepts) or more, kNN purity as reported and above chance', async () => {
    const body = await get<OverviewResponse>('/api/overview?limit=100');
    const community = new Map(overviewGraph(body).nodes.map((n) => [n.key, n.attributes.community]));
    const sizes = new Map<number, number>();
    for (const c of community.values()) sizes.set(c, (sizes.get(c) ?? 0) + 1);
    for (const [c, n] of sizes) expect(n, `community ${c}`).toBeGreaterThanOrEqual(MAP_CONCEPT_DEFAULTS.minPerCommunity);
    const positions = new Map(overviewGraph(body).nodes.map((n) => [n.key, { x: n.attributes.x, y: n.attributes.y }]));
    const purity = knnPurity(positions, (id) => community.get(id)!);
    expect(body.map.purity).toBeCloseTo(purity, 2);
    const chance = [...sizes.values()].reduce((sum, n) => sum + (n / positions.size) ** 2, 0);
    expect(purity).toBeGreaterThan(Math.max(0.7, 3 * chance));
    // The stored whole-graph layout of the same concepts mixes them far more.
    const stored = new Map(overviewGraph(body).nodes.map((n) => [n.key, { x: snapshot.concepts.get(n.key)!.x, y: snapshot.concepts.get(n.key)!.y }]));
    expect(purity).toBeGreaterThan(knnPurity(stored, (id) => community.get(id)!) + 0.1);
  });

  it('gives the same positions on every load, and after the server reloads the store', async () => {
    const first = await get<OverviewResponse>('/api/overview?limit=100&edges=5');
    const second = await get<OverviewResponse>('/api/overview?limit=100');
    const at = (body: OverviewResponse) => new Map(overviewGraph(body).nodes.map((n) => [n.key, [n.attributes.x, n.attributes.y]]));
    expect(at(second)).toEqual(at(first));
    const again = await startServer(testStore.config, { quiet: true });
    try {
      const reloaded = (await (await fetch(`${again.url}/api/overview?limit=100`)).json()) as OverviewResponse;
      expect(at(reloaded)).toEqual(at(first));
    } finally {
      await again.close();
    }
  });

  it('gives each concept its papers per year, as its paper list has them, and the corpus’s papers per year', async () => {
    const body = await get<OverviewResponse>('/api/overview?limit=40');
    let checked = 0;
    for (const node of overviewGraph(body).nodes.slice(0, 8)) {
      const list = await get<ConceptPapersResponse>(`/api/concepts/${encodeURIComponent(node.key)}/papers?limit=500`);
      const expected = new Map<number, number>();
      for (const p of list.papers) if (p.year !== null) expected.set(p.year, (expected.get(p.year) ?? 0) + 1);
      const got = new Map<number, number>();
      node.attributes.yearCounts!.counts.forEach((n, i) => n > 0 && got.set(node.attributes.yearCounts!.from + i, n));
      expect(got, node.key).toEqual(expected);
      expect(node.attributes.yearCounts!.counts[0]).toBeGreaterThan(0);
      checked++;
    }
    expect(checked).toBe(8);
    const { min, max, counts } = body.years;
    expect(counts).toHaveLength(max! - min! + 1);
    const withYear = [...snapshot.papers.values()].filter((p) => p.year !== null);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(withYear.length);
    expect(counts[0]).toBe(withYear.filter((p) => p.year === min).length);
  });

  it('lists every community with its own papers: each paper with a specific concept counted once, in the community of most of them', async () => {
    const body = await get<OverviewResponse>('/api/overview?limit=100');
    expect(body.communities.length).toBe(snapshot.communities.size);
    const withSpecific = [...snapshot.mentionsByPaper.values()].filter((ms) => ms.some((m) => !snapshot.concepts.get(m.conceptId)!.generic)).length;
    expect(body.communities.reduce((sum, c) => sum + c.ownPapers, 0)).toBe(withSpecific);
    for (const c of body.communities) expect(c.ownPapers, `community ${c.id}`).toBeLessThanOrEqual(c.papers);
    // A community's own papers mention at least one of its concepts: its panel lists them.
    const biggest = [...body.communities].sort((a, b) => b.ownPapers - a.ownPapers)[0];
    const details = await get<CommunityResponse>(`/api/communities/${biggest.id}`);
    expect(details.ownPapers).toBe(biggest.ownPapers);
  });
});
