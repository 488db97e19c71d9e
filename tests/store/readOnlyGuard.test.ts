import { describe, expect, it } from 'vitest';
import { assertReadOnly } from '../../src/store/readOnlyGuard.ts';
import { ConsoleError } from '../../src/store/GraphStore.ts';

function refusal(query: string): ConsoleError | null {
  try {
    assertReadOnly(query);
    return null;
  } catch (error) {
    if (error instanceof ConsoleError) return error;
    throw error;
  }
}

describe('the console guard', () => {
  it.each([
    'MATCH (c:Concept) RETURN c.label LIMIT 5',
    "MATCH (p:Paper) WHERE p.title CONTAINS 'CREATE' RETURN p.title",
    'MATCH (p:Paper) RETURN p.title // then DELETE everything',
    'MATCH (p:Paper) /* SET p.x = 1 */ RETURN p',
    'MATCH (n) RETURN n.set AS set, $delete AS d',
    'MATCH (c:Concept) RETURN {create: c.label} AS m',
    'CALL show_tables() RETURN *',
    'CALL db.labels()',
    'MATCH (c:Concept) CALL { WITH c RETURN c.label AS l } RETURN l',
    'MATCH (p:Paper) RETURN p;',
  ])('lets a read through: %s', (query) => {
    expect(refusal(query)).toBeNull();
  });

  it.each([
    ["CREATE (:Paper {id: 'x'})", 'CREATE'],
    ["match (p:Paper) set p.title = 'x'", 'SET'],
    ['MATCH (p) DETACH DELETE p', 'DETACH'],
    ["MERGE (c:Concept {id: 'x'})", 'MERGE'],
    ['MATCH (p) REMOVE p.title', 'REMOVE'],
    ['DROP TABLE Paper', 'DROP'],
    ["COPY Paper FROM '/tmp/x.csv'", 'COPY'],
    ["LOAD FROM '/etc/passwd' (file_format='csv') RETURN *", 'LOAD'],
    ["  load\n  from '/etc/passwd' RETURN *", 'LOAD'],
    ["LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row", 'LOAD'],
    ["ATTACH '/tmp/other.db' AS other (dbtype lbug)", 'ATTACH'],
    ['INSTALL httpfs', 'INSTALL'],
    ["EXPORT DATABASE '/tmp/x'", 'EXPORT'],
    ["IMPORT DATABASE '/tmp/x'", 'IMPORT'],
    ['/* hi */ cReAtE (n)', 'CREATE'],
    ["CALL apoc.load.json('http://example.com')", 'apoc'],
    ['CALL dbms.listConfig()', 'dbms'],
    ["RETURN apoc.text.join(['a'], '')", 'apoc'],
    ['MATCH (n) RETURN n; MATCH (m) DELETE m', 'one statement'],
    ['MATCH (n) RETURN n ; CREATE (x)', 'one statement'],
    ['CALL some.procedure()', 'cannot CALL'],
    ['FOREACH (x IN [1] | CREATE (:P))', 'FOREACH'],
  ])('refuses %s', (query, mentioned) => {
    const error = refusal(query);
    expect(error?.code).toBe('forbidden');
    expect(error?.message).toContain(mentioned);
  });

  it('reports an unclosed string as a syntax error, not as a pass', () => {
    expect(refusal("MATCH (n) WHERE n.title = 'oops RETURN n")?.code).toBe('syntax');
  });

  it('refuses an empty query', () => {
    expect(refusal('  \n ')?.code).toBe('syntax');
  });
});
