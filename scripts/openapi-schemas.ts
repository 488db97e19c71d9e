// Writes src/server/openapi.schemas.json: JSON Schemas of the HTTP API's response types,
// generated from the TypeScript types in src/graph/model.ts (the one module the server
// and web/ share), so the OpenAPI document at /api/openapi.json never restates a type by
// hand. Run after changing a response type:
//   npx tsx scripts/openapi-schemas.ts
// tests/api/openapi.test.ts regenerates the schemas and fails when the file is stale.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createGenerator } from 'ts-json-schema-generator';

const ROOT = path.resolve(import.meta.dirname, '..');
export const SCHEMAS_FILE = path.join(ROOT, 'src/server/openapi.schemas.json');

/** OpenAPI component names allow `[A-Za-z0-9._-]`: `SerializedGraph<A,B>` becomes `SerializedGraph_A_B`. */
// The generator names a defaulted type argument after its source position (`alias-7314…`):
// named by what it is instead, so an edit elsewhere in model.ts changes no name.
const componentName = (name: string) => name.replace(/alias-[\d-]+/g, 'Record').replace(/[^A-Za-z0-9._-]+/g, '_').replace(/_+$/, '');

/** The bodies the API sends: each endpoint's response type in src/graph/model.ts. */
export const RESPONSE_TYPES = [
  'HealthResponse', 'SearchResponse', 'OverviewResponse', 'ConceptResponse', 'NeighbourhoodResponse', 'ConceptPapersResponse',
  'PaperResponse', 'EdgeEvidenceResponse', 'CommunityResponse', 'BridgesResponse', 'TopicPapersResponse', 'ExamplesResponse', 'CypherResponse', 'ApiError',
];

/** The response types of model.ts and everything they use, as JSON Schemas (2020-12 compatible), refs pointing into components.schemas. */
export function generateApiSchemas(): Record<string, unknown> {
  const generator = createGenerator({
    path: path.join(ROOT, 'src/graph/model.ts'),
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    expose: 'export',
    topRef: true,
    jsDoc: 'extended',
    additionalProperties: false,
    skipTypeCheck: true,
  });
  const definitions: Record<string, unknown> = {};
  for (const type of RESPONSE_TYPES) {
    const schema = generator.createSchema(type) as { definitions?: Record<string, unknown> };
    Object.assign(definitions, schema.definitions);
  }
  const text = JSON.stringify(definitions).replace(/"#\/definitions\/([^"]+)"/g, (_m, ref: string) => JSON.stringify(`#/components/schemas/${componentName(decodeURIComponent(ref))}`));
  const renamed = Object.fromEntries(Object.entries(JSON.parse(text) as Record<string, unknown>).map(([name, schema]) => [componentName(name), schema]));
  return Object.fromEntries(Object.keys(renamed).sort().map((k) => [k, renamed[k]]));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  writeFileSync(SCHEMAS_FILE, `${JSON.stringify(generateApiSchemas(), null, 2)}\n`);
  console.log(`Wrote ${path.relative(ROOT, SCHEMAS_FILE)}`);
}
