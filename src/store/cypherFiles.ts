// Every query the app runs lives in cypher/. A query whose dialects differ has a
// per-dialect twin (`schema.lbug.cypher`, `schema.neo4j.cypher`); the twin wins
// over the shared file of the same name.
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export type Dialect = 'lbug' | 'neo4j';

export const CYPHER_DIR = fileURLToPath(new URL('../../cypher/', import.meta.url));

const cache = new Map<string, string>();

/** The text of query `name` for `dialect`, e.g. `cypherQuery('paper', 'neo4j')`. */
export function cypherQuery(name: string, dialect: Dialect): string {
  const key = `${dialect}/${name}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const twin = path.join(CYPHER_DIR, `${name}.${dialect}.cypher`);
  const shared = path.join(CYPHER_DIR, `${name}.cypher`);
  const file = existsSync(twin) ? twin : shared;
  if (!existsSync(file)) throw new Error(`No query "${name}" in ${CYPHER_DIR} for ${dialect}`);
  const text = readFileSync(file, 'utf8');
  cache.set(key, text);
  return text;
}

/** A multi-statement file (schema) split into its statements, comments dropped. */
export function cypherStatements(name: string, dialect: Dialect): string[] {
  return cypherQuery(name, dialect)
    .split(/;\s*(?:\n|$)/)
    .map((s) => stripLineComments(s).trim())
    .filter((s) => s.length > 0);
}

/** Whole-line `//` comments only: `//` inside a string (a URL) must survive. */
export function stripLineComments(query: string): string {
  return query
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n');
}
