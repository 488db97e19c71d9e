// The OpenAPI document: generated schemas current with src/graph/model.ts, every route
// of the app described, served at /api/openapi.json, and every schema a valid JSON Schema.
// (tests/api/api.test.ts validates each of its responses against it, openapiCheck.ts.)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiSchemas, SCHEMAS_FILE } from '../../scripts/openapi-schemas.ts';
import { startServer } from '../../src/server/serve.ts';
import { makeTestStore, type TestStore } from '../helpers/sampleStore.ts';
import { OPENAPI, expectDocumented, pathTemplate } from './openapiCheck.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Every `app.get('/api/…')` / `app.post(…)` route the server registers (`fast.get`: also Express's, fastReads.ts), as OpenAPI path templates. */
function appRoutes(): string[] {
  const source = ['src/server/app.ts'].map((f) => readFileSync(path.join(ROOT, f), 'utf8')).join('\n');
  return [...source.matchAll(/\b(?:app|fast)\.(get|post|put|patch|delete)\('(\/api\/[^']+)'/g)].map((m) => `${m[1].toUpperCase()} ${m[2].replace(/:(\w+)/g, '{$1}')}`);
}

describe('OpenAPI document', () => {
  it('has response schemas generated from src/graph/model.ts, current (else run: npx tsx scripts/openapi-schemas.ts)', () => {
    expect(JSON.parse(readFileSync(SCHEMAS_FILE, 'utf8'))).toEqual(generateApiSchemas());
  }, 60_000);

  it('describes every route of the app, and no route the app does not have', () => {
    const documented = Object.entries(OPENAPI.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    expect(documented.sort()).toEqual(appRoutes().sort());
  });

  it('has schemas that are valid JSON Schema 2020-12 and compile strictly', () => {
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });
    for (const [name, schema] of Object.entries(OPENAPI.components.schemas)) {
      const standalone = JSON.parse(JSON.stringify(schema).replace(/"#\/components\/schemas\//g, '"#/$defs/'));
      expect(() => ajv.compile({ ...standalone, $defs: JSON.parse(JSON.stringify(OPENAPI.components.schemas).replace(/"#\/components\/schemas\//g, '"#/$defs/')) }), name).not.toThrow();
    }
  });

  it('knows a documented path from an undocumented one, and an undocumented field', () => {
    expect(pathTemplate('/api/concepts/STDP/papers?limit=3')).toBe('/api/concepts/{id}/papers');
    expect(() => expectDocumented('GET', '/api/nothing', 200, {})).toThrow(/not in the OpenAPI document/);
    expect(() => expectDocumented('GET', '/api/health', 200, { status: 'ok', store: 'embedded', papers: 1, concepts: 1, mentions: 1, secret: 1 })).toThrow(/must NOT have additional properties/);
    expect(() => expectDocumented('GET', '/api/health', 418, {})).toThrow(/status 418 not documented/);
  });
});

describe('GET /api/openapi.json', () => {
  let store: TestStore;
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    store = await makeTestStore([path.join(ROOT, 'tests/corpus/fixtures/real/wos-wosfile-plaintext-5.txt')]);
    server = await startServer(store.config, { quiet: true });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    store?.cleanup();
  });

  it('serves the document, and a paper with its keywords matches it', async () => {
    const doc = await (await fetch(`${server.url}/api/openapi.json`)).json();
    expect(doc).toEqual(JSON.parse(JSON.stringify(OPENAPI)));
    expect(doc.openapi).toBe('3.1.0');
    const res = await fetch(`${server.url}/api/papers/${encodeURIComponent('doi:10.1287/orsc.1030.0054')}`);
    const paper = await res.json();
    expectDocumented('GET', '/api/papers/x', res.status, paper);
    expect(paper.keywords).toEqual(['knowledge networks', 'economic geography', 'spillovers', 'biotechnology', 'patenting']);
    expect(paper.wosId).toBe('WOS:000220015600001');
  });
});
