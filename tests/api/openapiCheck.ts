// Validates API responses against the OpenAPI document the server serves, with ajv
// (JSON Schema 2020-12, OpenAPI 3.1's dialect): the status must be documented for the
// path and method, and the body must match its schema, which refuses fields the schema
// does not name (additionalProperties: false, from the model's types).
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { openApiDocument } from '../../src/server/openapi.ts';

type Operation = { responses: Record<string, { content?: { 'application/json': { schema: unknown } } }> };

export const OPENAPI = openApiDocument() as { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };
// strict: false only because the document wrapper carries OpenAPI keywords (components);
// every schema keyword is still checked by ajv's meta-schema.
const ajv = new Ajv2020({ allErrors: true, strict: false });
ajv.addSchema({ $id: 'openapi', components: OPENAPI.components });
const compiled = new Map<string, ValidateFunction>();

/** The documented path template (`/api/concepts/{id}`) that `path` matches. */
export function pathTemplate(path: string): string | null {
  const bare = path.split('?')[0];
  return Object.keys(OPENAPI.paths).find((template) => new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(bare)) ?? null;
}

/** Throws, naming what is wrong, unless the response is documented and matches its schema. */
export function expectDocumented(method: string, path: string, status: number, body: unknown): void {
  const template = pathTemplate(path);
  if (!template) throw new Error(`${method} ${path}: not in the OpenAPI document`);
  const operation = OPENAPI.paths[template][method.toLowerCase()];
  if (!operation) throw new Error(`${method} ${template}: method not in the OpenAPI document`);
  const response = operation.responses[String(status)];
  if (!response) throw new Error(`${method} ${template}: status ${status} not documented`);
  const schema = response.content?.['application/json'].schema;
  if (!schema) return;
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    const target = (schema as { $ref?: string }).$ref;
    validate = ajv.compile(target ? { $ref: `openapi${target}` } : schema);
    compiled.set(key, validate);
  }
  if (!validate(body)) {
    throw new Error(`${method} ${path} ${status}: body does not match the OpenAPI schema: ${ajv.errorsText(validate.errors, { dataVar: 'body' })}`);
  }
}
