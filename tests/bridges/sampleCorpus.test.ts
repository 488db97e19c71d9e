// Bridges on the bundled sample corpus through the real pipeline and store: the CLI's
// text and JSON answers, its exit codes, the HTTP route, and the Cypher examples.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import express from 'express';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBridges } from '../../src/explore/bridges/index.ts';
import { runBridgesCommand } from '../../src/explore/bridgesCommand.ts';
import type { BridgesResponse } from '../../src/graph/model.ts';
import { ExploreError } from '../../src/explore/errors.ts';
import { cypherExamples } from '../../src/explore/examples.ts';
import { foldText } from '../../src/explore/foldText.ts';
import { loadSnapshot, type Snapshot } from '../../src/explore/snapshot.ts';
import { bridgesRoute } from '../../src/server/bridgesRoute.ts';
import { openEmbeddedStore } from '../../src/store/embedded.ts';
import type { GraphStore } from '../../src/store/GraphStore.ts';
import { makeTestStore, type TestStore } from '../helpers/sampleStore.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

let sample: TestStore;
let store: GraphStore;
let snapshot: Snapshot;

beforeAll(async () => {
  sample = await makeTestStore();
  store = await openEmbeddedStore(sample.dir);
  snapshot = await loadSnapshot(store);
}, 180_000);
afterAll(async () => {
  await store?.close();
  sample?.cleanup();
});

/** The command as the CLI runs it: on a store of its own (a second snapshot load on one
 * embedded store returns wrong rows; reported to the store's owner). */
async function capture(a: string, b: string, options: { limit?: string; json?: boolean } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const own = await openEmbeddedStore(sample.dir);
  try {
    const code = await runBridgesCommand(own, a, b, options, { out: (t) => out.push(t), err: (t) => err.push(t) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    await own.close();
  }
}

describe('bridges on the sample corpus', () => {
  it('connects STDP and catastrophic forgetting, with paths when few papers mention both', async () => {
    const result = await findBridges(store, snapshot, 'STDP', 'catastrophic forgetting');
    expect(result.a.concepts.map((c) => c.id)).toContain('spike timing dependent plasticity');
    expect(result.b.concepts.map((c) => c.id)).toContain('catastrophic forgetting');
    if (result.papers.length < 10) expect(result.paths.length).toBeGreaterThan(0);
    for (const path of result.paths) {
      expect(path.steps[0].kind).toBe('concept');
      expect(path.steps.at(-1)!.kind).toBe('concept');
      expect(path.via.every((c) => c.papers <= 10)).toBe(true);
    }
  });

  it('quotes the sentence where the two topics meet', async () => {
    const result = await findBridges(store, snapshot, 'STDP', 'SNNs');
    expect(result.papers.length).toBeGreaterThan(0);
    for (const paper of result.papers) {
      const sentence = foldText(paper.sentence);
      const named = (ids: { id: string }[]) =>
        ids.some(({ id }) => snapshot.concepts.get(id)!.aliases.some((alias) => sentence.includes(foldText(alias))));
      expect(named(paper.viaA), paper.sentence).toBe(true);
      expect(named(paper.viaB), paper.sentence).toBe(true);
    }
  });

  it('prints papers, paths and structural bridges as text, or one JSON document', async () => {
    const text = await capture('dendrites', 'continual learning', { limit: '5' });
    expect(text.code, text.err).toBe(0);
    expect(text.out).toMatch(/^A: dendrites → /);
    expect(text.out).toContain('Connecting paths');
    expect(text.out).toContain('why: ');
    const json = await capture('dendrites', 'continual learning', { limit: '5', json: true });
    expect(json.code, json.err).toBe(0);
    const parsed = JSON.parse(json.out) as BridgesResponse;
    expect(parsed.a.query).toBe('dendrites');
    expect(parsed.papers.length + parsed.paths.length).toBeGreaterThan(0);
    expect(parsed.papers.length + parsed.paths.length).toBeLessThanOrEqual(5);
  });

  it('exits 1 on an unknown topic and 2 on the same topic twice or a bad --limit', async () => {
    const unknown = await capture('xyzzy plugh', 'STDP');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('No concept matches the topic "xyzzy plugh"');
    const same = await capture('STDP', 'stdp');
    expect(same.code, same.err).toBe(2);
    expect(same.err).toContain('same topic');
    const limit = await capture('STDP', 'SNNs', { limit: 'ten' });
    expect(limit.code).toBe(2);
    expect(limit.err).toContain('--limit');
  });

  it('answers through the papergraph command', async () => {
    const { stdout } = await promisify(execFile)('node', [path.join(ROOT, 'bin/papergraph.mjs'), 'bridges', 'STDP', 'catastrophic forgetting', '--db', sample.dir, '--json'], {
      cwd: ROOT,
    });
    const parsed = JSON.parse(stdout) as BridgesResponse;
    expect(parsed.a.concepts.map((c) => c.id)).toContain('spike timing dependent plasticity');
    expect(parsed.paths.length + parsed.papers.length).toBeGreaterThan(0);
  }, 60_000);

  it('serves GET /api/bridges, with 404 for an unknown topic and 400 for the same topic', async () => {
    const app = express();
    app.get('/api/bridges', bridgesRoute({ store, snapshot: () => snapshot }));
    // The app's own handler maps ExploreError codes the same way (src/server/app.ts).
    app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      const code = error instanceof ExploreError ? error.code : 'internal';
      res.status(code === 'not_found' ? 404 : code === 'bad_input' ? 400 : 500).json({ error: { code, message: (error as Error).message } });
    });
    const server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const port = (server.address() as { port: number }).port;
    const get = (query: string) => fetch(`http://127.0.0.1:${port}/api/bridges?${query}`);
    try {
      const ok = await get('a=STDP&b=catastrophic%20forgetting&limit=3');
      expect(ok.status).toBe(200);
      const body = (await ok.json()) as BridgesResponse;
      expect(body.b.label).toBe('catastrophic forgetting');
      expect(body.paths.length).toBeGreaterThan(0);
      expect((await get('a=STDP&b=xyzzy')).status).toBe(404);
      expect((await get('a=STDP&b=stdp')).status).toBe(400);
      expect((await get('a=STDP')).status).toBe(400);
      expect((await get('a=STDP&b=SNNs&limit=0')).status).toBe(400);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('runs the bridges and paths Cypher examples on the embedded store', async () => {
    const examples = cypherExamples().filter((e) => /^(bridges|paths)/.test(e.name));
    expect(examples.map((e) => e.name).sort()).toEqual(['bridges', 'paths', 'paths-shortest']);
    const limits = { timeoutMs: 30_000, maxRows: 100 };
    const rows = async (name: string) => {
      const example = examples.find((e) => e.name === name)!;
      const result = await store.console(example.query, example.params, limits);
      return result.rows.map((row) => Object.fromEntries(result.columns.map((c, i) => [c, row[i]])));
    };
    const bridges = await rows('bridges');
    expect(bridges.length).toBeGreaterThan(0);
    const direct = await findBridges(store, snapshot, 'STDP', 'SNNs');
    expect(new Set(bridges.map((r) => r.paper))).toEqual(new Set(direct.papers.map((p) => p.id)));
    const paths = await rows('paths');
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.every((r) => typeof r.sharedPapers === 'number' && r.sharedPapers <= 10)).toBe(true);
    const app = await findBridges(store, snapshot, 'STDP', 'catastrophic forgetting', { longerPaths: false });
    expect(paths.map((r) => r.shared)).toContain(app.paths[0].via[0].label);
    const shortest = await rows('paths-shortest');
    expect(shortest.length).toBeGreaterThan(0);
    for (const r of shortest) {
      const chain = r.chain as string[];
      expect(chain[0]).toBe(snapshot.concepts.get('spike timing dependent plasticity')!.label);
      expect(chain.at(-1)).toBe(snapshot.concepts.get('catastrophic forgetting')!.label);
      expect(r.hops).toBe(chain.length - 1);
    }
  }, 90_000);
});
