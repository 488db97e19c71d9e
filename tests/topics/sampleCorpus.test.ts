// Topics, the concept hierarchy, related concepts and community names on the bundled
// sample corpus, through the real pipeline, the real embedded store and the HTTP API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConceptResponse, SearchResponse, TopicPapersResponse } from '../../src/graph/model.ts';
import { conceptDetails } from '../../src/explore/concept.ts';
import { cypherExamples } from '../../src/explore/examples.ts';
import { search } from '../../src/explore/search.ts';
import { loadSnapshot, type Snapshot } from '../../src/explore/snapshot.ts';
import { resolveTopic } from '../../src/explore/topics.ts';
import { startServer } from '../../src/server/serve.ts';
import { openEmbeddedStore } from '../../src/store/embedded.ts';
import type { GraphStore } from '../../src/store/GraphStore.ts';
import { expectDocumented } from '../api/openapiCheck.ts';
import { makeTestStore, type TestStore } from '../helpers/sampleStore.ts';

let sample: TestStore;
let store: GraphStore;
let snapshot: Snapshot;
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  sample = await makeTestStore();
  store = await openEmbeddedStore(sample.dir);
  snapshot = await loadSnapshot(store);
  server = await startServer({ ...sample.config }, { quiet: true });
}, 180_000);
afterAll(async () => {
  await server?.close();
  await store?.close();
  sample?.cleanup();
});

/** A GET whose answer must match the OpenAPI document (status and schema). */
async function get<T>(url: string): Promise<{ status: number; body: T }> {
  const res = await fetch(server.url + url);
  const body = (await res.json()) as T;
  expectDocumented('GET', url, res.status, body);
  return { status: res.status, body };
}

const DENDRITE = 'dendrite';

describe('a topic means a concept and its narrower concepts', () => {
  it('takes "dendrites" with the dendritic concepts below it, and names them', () => {
    const topic = resolveTopic(snapshot, 'dendrites');
    const ids = topic.concepts.map((c) => c.id);
    expect(topic.kind).toBe('concept');
    expect(ids).toContain(DENDRITE);
    expect(ids).toEqual(expect.arrayContaining(['dendritic tree', 'active dendrite']));
    expect(topic.note).toContain('narrower concepts');
    expect(topic.note).toContain(`"${snapshot.concepts.get('dendritic tree')!.label}"`);
    for (const id of ids.filter((id) => id !== DENDRITE)) {
      // Each one really is below "dendrite" in the stored hierarchy.
      const up = (c: string): boolean => (snapshot.broader.get(c) ?? []).some((l) => l.id === DENDRITE || up(l.id));
      expect(up(id), id).toBe(true);
    }
  });

  it('finds the papers of the whole family over the API, and says which concepts it took', async () => {
    // "language" in the sample: 14 papers of its own, more through "language models", "vision-language models"…
    const { status, body } = await get<TopicPapersResponse>('/api/topics?q=language&limit=200');
    expect(status).toBe(200);
    const own = new Set((snapshot.mentionsByConcept.get('language') ?? []).map((m) => m.paperId));
    const all = new Set(body.topic.concepts.flatMap((c) => (snapshot.mentionsByConcept.get(c.id) ?? []).map((m) => m.paperId)));
    expect(body.total).toBe(all.size);
    expect(body.total).toBeGreaterThan(own.size);
    expect(new Set(body.papers.map((p) => p.id))).toEqual(all);
    expect((await get('/api/topics?q=')).status).toBe(400);
    expect((await get('/api/topics?q=qwertyuiop')).status).toBe(404);
  });

  it('lists the narrower concepts after the concept in search, saying what they are under', () => {
    const results = search(snapshot, 'dendrites', { limit: 10 });
    expect(results[0].id).toBe(DENDRITE);
    const tree = results.find((r) => r.id === 'dendritic tree');
    expect(tree?.narrowerOf).toBe(snapshot.concepts.get(DENDRITE)!.label);
  });

  it('agrees with the Cypher example of cypher/examples/narrower.cypher on the embedded store', async () => {
    const example = cypherExamples().find((e) => e.name === 'narrower')!;
    expect(example.params).toEqual({ name: 'dendrites' });
    const result = await store.console(example.query, example.params, { timeoutMs: 30_000, maxRows: 500 });
    const narrower = result.rows.map((row) => row[result.columns.indexOf('narrower')]);
    const family = resolveTopic(snapshot, 'dendrites').concepts.filter((c) => c.id !== DENDRITE).map((c) => c.label);
    expect(new Set(narrower)).toEqual(new Set(family));
  });
});

describe('the concept panel', () => {
  it('returns broader and narrower concepts over the API, each a stored concept', async () => {
    const { status, body } = await get<ConceptResponse>(`/api/concepts/${encodeURIComponent('dendritic tree')}`);
    expect(status).toBe(200);
    expect(body.broader.map((c) => c.id)).toContain(DENDRITE);
    expect(body.broader.every((c) => c.kind === 'nesting' || c.kind === 'subsumption')).toBe(true);
    const up = await get<ConceptResponse>(`/api/concepts/${DENDRITE}`);
    expect(up.body.narrower.map((c) => c.id)).toContain('dendritic tree');
    expect(up.body.narrowerTotal).toBeGreaterThanOrEqual(up.body.narrower.length);
    expect(typeof up.body.relevance).toBe('number');
  });

  it('ranks related concepts by association strength, with papers in common, generic ones last, no broader or narrower repeated', () => {
    const concept = snapshot.concepts.get('spiking neural network')!;
    const details = conceptDetails(snapshot, concept.id);
    expect(details.related.length).toBeGreaterThan(0);
    const minShared = Math.min(3, concept.papers);
    expect(details.related.every((r) => r.papers >= minShared)).toBe(true);
    const firstGeneric = details.related.findIndex((r) => r.generic);
    const specific = firstGeneric < 0 ? details.related : details.related.slice(0, firstGeneric);
    expect(details.related.slice(specific.length).every((r) => r.generic)).toBe(true);
    for (let i = 1; i < specific.length; i++) expect(specific[i - 1].weight).toBeGreaterThanOrEqual(specific[i].weight);
    const family = new Set([...details.broader, ...details.narrower].map((c) => c.id));
    expect(details.related.some((r) => family.has(r.id))).toBe(false);
  });
});

describe('community names', () => {
  it('never name a community by a generic concept, nor repeat the words of one name in another', () => {
    for (const [id, summary] of snapshot.communities) {
      const names = summary.label.split(' · ').filter(Boolean);
      const members = snapshot.communityMembers.get(id)!.map((r) => r.concept);
      for (const name of names) {
        const concept = members.find((c) => c.label === name);
        expect(concept, `${name} in community ${id}`).toBeDefined();
        if (members.some((c) => !c.generic)) expect(concept!.generic, name).toBe(false);
      }
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('put the most distinctive concepts first (c-TF-IDF), all of the community', () => {
    const biggest = [...snapshot.communities.values()].sort((a, b) => b.papers - a.papers)[0];
    const ranked = snapshot.communityMembers.get(biggest.id)!;
    expect(ranked.every((r) => r.concept.community === biggest.id)).toBe(true);
    const scored = ranked.filter((r) => !r.concept.generic);
    for (let i = 1; i < scored.length; i++) expect(scored[i - 1].score).toBeGreaterThanOrEqual(scored[i].score);
    expect(biggest.label.split(' · ')[0]).toBe(scored[0].concept.label);
  });
});
