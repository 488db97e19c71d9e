// The console's first line of defence: user-typed Cypher is checked before it
// reaches any database. A read-only database alone is not enough: in LadybugDB a
// read-only database still runs `LOAD FROM '/etc/passwd'`, table functions read files
// and `INSTALL`/`UPDATE` call out; in Neo4j `LOAD CSV` and APOC read files and URLs.
//
// So the query is tokenised exactly (guard/lexer.ts) and recognised against an
// allow-list grammar of read clauses, functions and procedures (guard/recogniser.ts,
// guard/allowLists.ts): what is not on the list is refused, however it is quoted,
// commented, spaced or cased. The engines' own checks stay behind it as a second wall
// (LadybugDB's isReadOnly(), Neo4j's READ access mode).
//
// Why not Neo4j's own parser (@neo4j-cypher/language-support)? It reads only Neo4j's
// dialect (it rejects LadybugDB's `* ALL SHORTEST 1..6 (r, n | WHERE …)` and lambdas in
// cypher/examples/), it is 86 MB, and loading it takes 0.8 s and the first parse 1 s.
import { ConsoleError } from './GraphStore.ts';
import type { Dialect } from './guard/allowLists.ts';
import { lex } from './guard/lexer.ts';
import { recognise } from './guard/recogniser.ts';

export { ALLOWED_FUNCTIONS, ALLOWED_PROCEDURES, type Dialect } from './guard/allowLists.ts';

/** Checked before anything parses; chosen so every query a researcher writes fits with room to spare. */
export const GUARD_LIMITS = {
  /** Characters of query text. */
  maxLength: 20_000,
  /** Nesting of ( [ { : LadybugDB's parser slows down past ~60 and crashes on thousands. */
  maxDepth: 32,
  /** Nesting of CASE … END: LadybugDB's parse time nearly doubles with each level (16 levels: 4.5 s). */
  maxCaseDepth: 8,
} as const;

/**
 * Throws ConsoleError unless `query` is one read-only statement in the console's
 * allow-listed subset of `dialect`: 'forbidden' names what was refused, 'syntax' says
 * where the query could not be read, 'too_complex' names the limit it broke.
 */
export function assertReadOnly(query: string, dialect: Dialect): void {
  if (query.length > GUARD_LIMITS.maxLength) {
    throw new ConsoleError('too_complex', `The query is ${query.length.toLocaleString('en')} characters long; the console takes at most ${GUARD_LIMITS.maxLength.toLocaleString('en')}.`);
  }
  const tokens = lex(query, GUARD_LIMITS);
  recognise(tokens, dialect, query);
}
