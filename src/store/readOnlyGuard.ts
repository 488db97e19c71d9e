// The console's first line of defence: user-typed Cypher is checked before it
// reaches any database. A read-only database alone is not enough: in LadybugDB a
// read-only database still runs `LOAD FROM '/etc/passwd'`, `EXPORT DATABASE` writes
// files and `INSTALL` calls out; in Neo4j `LOAD CSV` and APOC read files and URLs.
// So we tokenise (comments and string literals cannot hide or fake a keyword) and
// refuse any clause that writes, touches files, calls out or changes the session.
import { ConsoleError } from './GraphStore.ts';

/** Clauses that write, change schema, touch files or the network, or manage the server. */
const FORBIDDEN = new Set([
  'CREATE', 'MERGE', 'SET', 'DELETE', 'DETACH', 'REMOVE', 'DROP', 'ALTER', 'RENAME',
  'COPY', 'LOAD', 'ATTACH', 'INSTALL', 'EXPORT', 'IMPORT', 'USE', 'FOREACH',
  'BEGIN', 'COMMIT', 'ROLLBACK', 'CHECKPOINT', 'GRANT', 'REVOKE', 'DENY',
  'TERMINATE', 'START', 'STOP', 'ENABLE', 'PERIODIC', 'TRANSACTIONS',
]);

/** Procedures a reader may CALL: schema introspection and full-text search only. */
export const ALLOWED_PROCEDURES = new Set([
  // Neo4j
  'db.labels', 'db.relationshiptypes', 'db.propertykeys', 'db.schema.visualization',
  'db.schema.nodetypeproperties', 'db.schema.reltypeproperties', 'db.index.fulltext.querynodes',
  // LadybugDB
  'show_tables', 'table_info', 'db_version', 'show_connection',
]);

/** Namespaces whose functions read files or URLs whatever clause calls them. */
const FORBIDDEN_NAMESPACES = ['apoc.', 'gds.', 'dbms.'];

interface Token {
  text: string;
  /** The character before the token, to tell `n.set` (a property) from `SET`. */
  before: string;
}

/** Words and symbols of a query, with comments, strings and backticked names removed. */
function tokenise(query: string): { tokens: Token[]; statements: number } {
  const tokens: Token[] = [];
  let statements = 1;
  let pendingSemicolon = false;
  let prev = '';
  let i = 0;
  const n = query.length;
  while (i < n) {
    const ch = query[i];
    const next = query[i + 1];
    if (ch === '/' && next === '/') {
      while (i < n && query[i] !== '\n') i++;
      continue;
    }
    if (ch === '/' && next === '*') {
      const end = query.indexOf('*/', i + 2);
      i = end === -1 ? n : end + 2;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') {
      let j = i + 1;
      while (j < n && query[j] !== ch) j += query[j] === '\\' && ch !== '`' ? 2 : 1;
      if (j >= n) throw new ConsoleError('syntax', `Unclosed ${ch === '`' ? 'backtick' : 'string'} starting at character ${i + 1}.`);
      i = j + 1;
      prev = ch;
      if (pendingSemicolon) { statements++; pendingSemicolon = false; }
      continue;
    }
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === ';') {
      pendingSemicolon = true;
      prev = ch;
      i++;
      continue;
    }
    if (pendingSemicolon) {
      statements++;
      pendingSemicolon = false;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(query.slice(i, i + 200));
    if (word) {
      tokens.push({ text: word[0], before: prev });
      i += word[0].length;
      prev = 'w';
      continue;
    }
    tokens.push({ text: ch, before: prev });
    prev = ch;
    i++;
  }
  return { tokens, statements };
}

/**
 * Throws ConsoleError('forbidden') unless `query` is a single read-only statement.
 * Case, spacing, comments and string literals cannot disguise a forbidden clause.
 */
export function assertReadOnly(query: string): void {
  if (query.trim() === '') throw new ConsoleError('syntax', 'The query is empty.');
  const { tokens, statements } = tokenise(query);
  if (statements > 1) {
    throw new ConsoleError('forbidden', 'The console runs one statement at a time: remove the ";" between statements.');
  }
  for (let k = 0; k < tokens.length; k++) {
    const { text, before } = tokens[k];
    // `n.set`, `$delete`, `{create: 1}`, `AS set` name things; they are not clauses.
    if (before === '.' || before === '$' || tokens[k + 1]?.text === ':' || tokens[k - 1]?.text.toUpperCase() === 'AS') continue;
    const upper = text.toUpperCase();
    const lower = text.toLowerCase();
    if (FORBIDDEN.has(upper)) {
      throw new ConsoleError('forbidden', `The console is read-only: ${upper} is not allowed. It runs MATCH … RETURN queries; writes, schema changes, file access and extensions are refused.`);
    }
    if (FORBIDDEN_NAMESPACES.some((ns) => lower.startsWith(ns))) {
      throw new ConsoleError('forbidden', `The console cannot call ${text}: procedures and functions that read files, call out or manage the server are refused.`);
    }
    if (upper === 'CALL') {
      const target = tokens[k + 1];
      // `CALL { … }` and `CALL (x) { … }` are subqueries: their clauses are checked like any other.
      if (target && (target.text === '{' || target.text === '(')) continue;
      const procedure = target?.text.toLowerCase() ?? '';
      if (!ALLOWED_PROCEDURES.has(procedure)) {
        throw new ConsoleError('forbidden', `The console cannot CALL ${target?.text ?? '(nothing)'}: only ${[...ALLOWED_PROCEDURES].join(', ')} are allowed.`);
      }
    }
  }
}
