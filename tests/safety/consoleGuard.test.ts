// The console guard (src/store/readOnlyGuard.ts): an allow-list of read clauses,
// functions and procedures over an exact tokenizer and a recogniser of read-only
// Cypher. Rows 2, 3, 5 and 9 of issue 12's attack table and its Neo4j variants, what
// held before and must keep holding, the allow-lists against the engines' own
// catalogues, and a property-based sweep: quoting, comment, whitespace, case and
// nesting variants of forbidden queries are all refused, while the example queries
// stay accepted. (The same attacks through the CLI, HTTP and a real store are in
// attacks.test.ts.)
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import lbug from '@ladybugdb/core';
import { testData } from '@neo4j-cypher/language-support';
import { ALLOWED_FUNCTIONS, ALLOWED_PROCEDURES, assertReadOnly, type Dialect } from '../../src/store/readOnlyGuard.ts';
import { lex } from '../../src/store/guard/lexer.ts';
import { ConsoleError } from '../../src/store/GraphStore.ts';
import { cypherExamples } from '../../src/explore/examples.ts';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CYPHER_DIR, stripLineComments } from '../../src/store/cypherFiles.ts';

function refusal(query: string, dialect: Dialect = 'lbug'): ConsoleError | null {
  try {
    assertReadOnly(query, dialect);
    return null;
  } catch (error) {
    if (error instanceof ConsoleError) return error;
    throw error;
  }
}

/** Every example query with the dialect it is written for (paths-shortest has a per-dialect twin). */
function examples(): { name: string; dialect: Dialect; query: string }[] {
  const dir = path.join(CYPHER_DIR, 'examples');
  return readdirSync(dir).flatMap((file) => {
    const query = stripLineComments(readFileSync(path.join(dir, file), 'utf8')).trim();
    const twin = readdirSync(dir).includes(file.replace(/\.cypher$/, '.neo4j.cypher'));
    if (file.endsWith('.neo4j.cypher')) return [{ name: file, dialect: 'neo4j' as const, query }];
    if (twin) return [{ name: file, dialect: 'lbug' as const, query }];
    return (['lbug', 'neo4j'] as const).map((dialect) => ({ name: file, dialect, query }));
  });
}

describe('issue 12 attacks on the guard', () => {
  it('row 2: a back-ticked alias no longer hides LOAD FROM (file read)', () => {
    const error = refusal("WITH 1 AS `x` LOAD FROM '/etc/passwd' (file_format='csv', header=false, delim=':') RETURN *");
    expect(error?.code).toBe('forbidden');
    expect(error?.message).toMatch(/LOAD is not allowed/);
  });

  it.each(['current_setting', 'show_functions', 'read_csv_serial'])('row 3: CALL `%s`(…) is refused by name', (name) => {
    const error = refusal(`CALL \`${name}\`('threads') RETURN *`);
    expect(error?.code).toBe('forbidden');
    expect(error?.message).toContain(`CALL ${name} is not allowed`);
  });

  it.each([
    ['UNINSTALL json', 'UNINSTALL'],
    ['UPDATE httpfs', 'UPDATE'],
    ['ANALYZE', 'ANALYZE'],
    ['INSTALL httpfs', 'INSTALL'],
    ['FORCE INSTALL httpfs', 'FORCE'],
    ['LOAD EXTENSION json', 'LOAD'],
    ['LOAD json', 'LOAD'],
    ['CHECKPOINT', 'CHECKPOINT'],
  ])('row 5: %s is refused', (query, named) => {
    const error = refusal(query);
    expect(error?.code).toBe('forbidden');
    expect(error?.message).toContain(`${named} is not allowed`);
  });

  it('row 9: 5,000 nested parentheses are refused by the depth limit before any parser', () => {
    const deep = `RETURN ${'('.repeat(5_000)}1${')'.repeat(5_000)}`;
    const error = refusal(deep);
    expect(error?.code).toBe('too_complex');
    expect(error?.message).toMatch(/nested more than 32 deep/);
    // The limit is counted while tokenising: the tokenizer stops at the 33rd bracket.
    expect(() => lex(deep, { maxDepth: 32, maxCaseDepth: 8 })).toThrow(/nested more than 32/);
  });

  it('row 9: nested CASE, which LadybugDB parses in exponential time, is limited too', () => {
    const nested = (n: number) => `RETURN ${'CASE WHEN true THEN '.repeat(n)}1${' END'.repeat(n)}`;
    expect(refusal(nested(8))).toBeNull();
    expect(refusal(nested(9))?.code).toBe('too_complex');
  });

  it('refuses queries longer than 20,000 characters before reading them', () => {
    expect(refusal(`RETURN '${'x'.repeat(20_000)}'`)?.code).toBe('too_complex');
  });

  it.each([
    ["WITH 1 AS `x` LOAD CSV FROM 'http://127.0.0.1:9/x' AS l RETURN l", 'LOAD is not allowed'],
    ["CALL `apoc.load.json`('file:///etc/passwd')", 'CALL apoc.load.json is not allowed'],
    ["CALL `apoc`.`load`.`json`('file:///etc/passwd') YIELD value RETURN value", 'CALL apoc.load.json is not allowed'],
    ["RETURN `apoc.text.join`(['a'], '')", 'function apoc.text.join is not allowed'],
    ['CALL dbms.listConfig()', 'CALL dbms.listConfig is not allowed'],
    ["CALL db.createLabel('X')", 'CALL db.createLabel is not allowed'],
    ['MATCH (n) CALL { WITH n SET n.x = 1 } RETURN n', 'SET is not allowed'],
    ['CALL { MATCH (n) RETURN n } IN TRANSACTIONS RETURN 1', 'IN TRANSACTIONS is not allowed'],
    ['CALL () { MATCH (n) RETURN count(n) AS c } IN TRANSACTIONS OF 10 ROWS RETURN c', 'IN TRANSACTIONS is not allowed'],
    ['USE system SHOW USERS', 'USE is not allowed'],
    ['SHOW DATABASES', 'SHOW is not allowed'],
    ["LOAD CSV WITH HEADERS FROM 'file:///etc/passwd' AS row RETURN row", 'LOAD is not allowed'],
    ["RETURN file(), linenumber()", 'function file is not allowed'],
    ['CYPHER runtime=interpreted MATCH (n) RETURN n', 'CYPHER is not allowed'],
    ['PROFILE MATCH (n) RETURN n', 'PROFILE is not allowed'],
    ["MATCH (n) WHERE EXISTS { MATCH (n)-->(m) DELETE m } RETURN n", 'DELETE is not allowed'],
    ['FOREACH (x IN [1] | CREATE (:P))', 'FOREACH is not allowed'],
  ])('Neo4j: refuses %s', (query, named) => {
    const error = refusal(query, 'neo4j');
    expect(error?.code).toBe('forbidden');
    expect(error?.message).toContain(named);
  });
});

describe('what held before and must keep holding', () => {
  it.each([
    ["CREATE (:Paper {id: 'x'})", 'CREATE'],
    ["match (p:Paper) set p.title = 'x'", 'SET'],
    ['MATCH (p) DETACH DELETE p', 'DETACH'],
    ["MERGE (c:Concept {id: 'x'})", 'MERGE'],
    ['MATCH (p) REMOVE p.title', 'REMOVE'],
    ['DROP TABLE Paper', 'DROP'],
    ["COPY Paper FROM '/tmp/x.csv'", 'COPY'],
    ["COPY (MATCH (p:Paper) RETURN p.title) TO '/tmp/x.csv'", 'COPY'],
    ["  load\n  from '/etc/passwd' RETURN *", 'LOAD'],
    ["ATTACH '/tmp/other.db' AS other (dbtype lbug)", 'ATTACH'],
    ["EXPORT DATABASE '/tmp/x'", 'EXPORT'],
    ["IMPORT DATABASE '/tmp/x'", 'IMPORT'],
    ['/* hi */ cReAtE (n)', 'CREATE'],
    ['BEGIN TRANSACTION', 'BEGIN'],
    ['CREATE MACRO m(x) AS x + 1', 'CREATE'],
    ["CALL threads = 1", 'CALL threads is not allowed'],
    ["RETURN nextval('seq')", 'function nextval'],
    ['RETURN setseed(0.5)', 'function setseed'],
  ])('refuses %s', (query, named) => {
    const error = refusal(query);
    expect(error?.code).toBe('forbidden');
    expect(error?.message).toContain(named);
  });

  it.each([
    'MATCH (n) RETURN n; MATCH (m) DELETE m',
    'MATCH (n) RETURN n ; CREATE (x)',
    'RETURN 1; RETURN 2',
  ])('runs one statement at a time: %s', (query) => {
    expect(refusal(query)?.message).toMatch(/one statement at a time/);
  });

  it.each([
    ['a Cyrillic О in LОAD', "RETURN 1 AS x LОAD FROM '/etc/passwd' RETURN *"],
    ['a zero-width space', "RETURN 1 AS x LO\u200bAD FROM '/etc/passwd' RETURN *"],
    ['a zero-width joiner in a name', 'MATCH (n) RETURN lo\u200dwer(n.title)'],
    ['a look-alike dash', 'MATCH (a)\u2212[:MENTIONS]->(b) RETURN a'],
    ['a soft hyphen', 'MATCH (a)\u00ad-(b) RETURN a'],
  ])('refuses %s', (_what, query) => {
    expect(refusal(query)).not.toBeNull();
  });

  it.each([
    ['a \\u escape that spells a quote', "RETURN '\\u0027 LOAD FROM \"/etc/passwd\" RETURN * //'"],
    ['an eight-digit \\U escape that spells a quote', "RETURN '\\U00000027 x'"],
    ['a \\u escape in a comment (a line break to a pre-decoding parser)', "RETURN 1 // \\u000a LOAD FROM '/etc/passwd' RETURN *"],
    ['a \\u escape in a block comment', "RETURN 1 /* \\u002a/ LOAD FROM '/etc/passwd' RETURN * */"],
    ['a \\u escape in a back-ticked name', 'RETURN 1 AS `x\\u0060`'],
    ['an unknown escape', "RETURN '\\q'"],
  ])('refuses %s', (_what, query) => {
    expect(refusal(query)).not.toBeNull();
  });

  it('reports unclosed strings, names and comments as syntax errors, not as a pass', () => {
    expect(refusal("MATCH (n) WHERE n.title = 'oops RETURN n")?.code).toBe('syntax');
    expect(refusal('MATCH (n) RETURN n.`title')?.code).toBe('syntax');
    expect(refusal('MATCH (n) RETURN n /* LOAD FROM x')?.code).toBe('syntax');
    expect(refusal('MATCH (n RETURN n')?.code).toBe('syntax');
  });

  it('refuses an empty query', () => {
    expect(refusal('  \n ')?.code).toBe('syntax');
    expect(refusal('// nothing but a comment')?.code).toBe('syntax');
  });
});

describe('reads the console runs', () => {
  it.each([
    'MATCH (c:Concept) RETURN c.label LIMIT 5',
    "MATCH (p:Paper) WHERE p.title CONTAINS 'CREATE' RETURN p.title",
    "MATCH (p:Paper) WHERE p.title = 'it''s' OR p.title = \"say \\\"LOAD\\\"\" RETURN p.title",
    'MATCH (p:Paper) RETURN p.title // then DELETE everything',
    'MATCH (p:Paper) /* SET p.x = 1 */ RETURN p',
    'MATCH (n) RETURN n.set AS set, $delete AS d',
    'MATCH (c:Concept) RETURN {create: c.label} AS m',
    'WITH 1 AS load RETURN load',
    'WITH 1 AS `LOAD` RETURN `LOAD`',
    'MATCH (`match`:Concept) RETURN `match`.label',
    'CALL show_tables() RETURN *',
    "CALL `table_info`('Paper') RETURN *",
    'MATCH (c:Concept) CALL { WITH c RETURN c.label AS l } RETURN l',
    'MATCH (p:Paper) RETURN p;',
    'MATCH (a:Concept)-[e:CO_OCCURS]-(b) WHERE e.weight > 0.5 RETURN a.label, b.label ORDER BY e.weight DESC SKIP 1 LIMIT 10',
    'MATCH (c:Concept) WITH c.community AS k, count(*) AS n WHERE n > 2 RETURN k, n ORDER BY n DESC',
    'UNWIND [1, 2, 3] AS x RETURN x * 2 AS y UNION ALL RETURN 0 AS y',
    'OPTIONAL MATCH (p:Paper)-[:MENTIONS]->(c:Concept) RETURN p.title, collect(DISTINCT c.label)[0..3] AS concepts',
    'MATCH (p:Paper) WHERE p.year IS NOT NULL AND NOT p.title STARTS WITH "A" RETURN p.year % 10, CASE WHEN p.year > 2020 THEN "new" ELSE "old" END',
    'MATCH (c:Concept) WHERE EXISTS { MATCH (c)<-[:MENTIONS]-(:Paper) } RETURN count(*)',
    'MATCH (c:Concept) RETURN COUNT { MATCH (c)<-[:MENTIONS]-(:Paper) } AS papers LIMIT 3',
    'MATCH p = (a:Concept)-[:CO_OCCURS*1..2]-(b:Concept) RETURN length(p), nodes(p), rels(p) LIMIT 3',
    'MATCH (c:Concept) RETURN CAST(c.papers AS STRING), cast(c.score, "INT64"), list_filter(c.aliases, x -> size(x) > 3) LIMIT 1',
    'RETURN list_reduce([1, 2, 3], (a, b) -> a + b) AS s, {a: 1, `b`: [1, 2]} AS m, 5! AS f',
    "RETURN date('2024-01-01') + interval('1 day'), lower('ABC') =~ 'a.*', [1, 2, 3][1:2]",
  ])('lets a LadybugDB read through: %s', (query) => {
    expect(refusal(query)).toBeNull();
  });

  it.each([
    'CALL db.labels()',
    'CALL db.labels() YIELD label RETURN label',
    "CALL db.index.fulltext.queryNodes('papergraph_text', 'STDP') YIELD node, score RETURN node.label, score",
    'MATCH (c:Concept) CALL (c) { RETURN c.label AS l } RETURN l',
    'MATCH (c:Concept) RETURN c {.label, .papers, related: [(c)-[:CO_OCCURS]-(o) | o.label][..5]} AS concept',
    'MATCH (n) WHERE n:Concept OR n:Paper RETURN labels(n), elementId(n) LIMIT 5',
    'MATCH p = shortestPath((a:Concept)-[:MENTIONS*..6]-(b:Concept)) WHERE a <> b RETURN p LIMIT 1',
    'MATCH (a:Concept) WHERE all(x IN a.aliases WHERE size(x) > 1) RETURN reduce(s = 0, x IN a.aliases | s + size(x)) LIMIT 1',
    'MATCH (a:Concept) RETURN [x IN a.aliases WHERE x STARTS WITH "s" | toUpper(x)] LIMIT 1',
    'MATCH (a:Concept) RETURN COLLECT { MATCH (a)-[:CO_OCCURS]-(b) RETURN b.label } AS others LIMIT 1',
    'MATCH ((a:Concept)-[:CO_OCCURS]-(b:Concept)){1,3} RETURN count(*)',
    'RETURN duration.between(date("2020-01-01"), date()) AS d, point.distance(point({x: 0, y: 0}), point({x: 1, y: 1})) AS dist',
  ])('lets a Neo4j read through: %s', (query) => {
    expect(refusal(query, 'neo4j')).toBeNull();
  });

  it.each(examples())('accepts the example $name ($dialect)', ({ query, dialect }) => {
    expect(refusal(query, dialect)).toBeNull();
  });

  it('serves every example to the explorer (none is hidden by the guard)', () => {
    expect(cypherExamples().length).toBeGreaterThanOrEqual(9);
  });
});

describe('the allow-lists', () => {
  it('lists only functions LadybugDB has, and none that writes or changes the session', async () => {
    const db = new lbug.Database(':memory:', 1 << 26, true, false, 1 << 30);
    const conn = new lbug.Connection(db);
    const result = await conn.query('CALL show_functions() RETURN name, type');
    const rows = (await (Array.isArray(result) ? result[0] : result).getAll()) as { name: string; type: string }[];
    await conn.close();
    await db.close();
    const callable = new Set(rows.filter((r) => /SCALAR|AGGREGATE|REWRITE/.test(r.type)).map((r) => r.name.toLowerCase()));
    const tables = new Set(rows.filter((r) => r.type === 'TABLE FUNCTION').map((r) => r.name.toLowerCase()));
    expect([...ALLOWED_FUNCTIONS.lbug].filter((f) => !callable.has(f))).toEqual([]);
    for (const f of ['nextval', 'currval', 'setseed']) expect(ALLOWED_FUNCTIONS.lbug.has(f)).toBe(false);
    expect([...ALLOWED_PROCEDURES.lbug].filter((p) => !tables.has(p))).toEqual([]);
    for (const p of ['read_csv_serial', 'read_csv_parallel', 'read_parquet', 'read_npy', 'current_setting', 'file_info', 'show_functions']) {
      expect(ALLOWED_PROCEDURES.lbug.has(p)).toBe(false);
    }
  });

  it("lists only Neo4j 5's own functions and read-only db procedures, none that touches files or calls out", () => {
    const functions = new Set(Object.keys(testData.mockSchema.functions?.['CYPHER 5'] ?? {}).map((f) => f.toLowerCase()));
    const procedures = new Set(Object.keys(testData.mockSchema.procedures?.['CYPHER 5'] ?? {}).map((p) => p.toLowerCase()));
    expect(functions.size).toBeGreaterThan(100);
    expect([...ALLOWED_FUNCTIONS.neo4j].filter((f) => !functions.has(f))).toEqual([]);
    for (const f of ALLOWED_FUNCTIONS.neo4j) expect(f).not.toMatch(/^(apoc|gds|dbms|db|genai|graph)\.|^(file|linenumber)$/);
    expect([...ALLOWED_PROCEDURES.neo4j].filter((p) => !procedures.has(p))).toEqual([]);
    for (const p of ALLOWED_PROCEDURES.neo4j) expect(p).toMatch(/^db\.(labels|relationshiptypes|propertykeys|schema\.|index\.fulltext\.query)/);
  });
});

// ── property-based: every spelling of a forbidden query is refused ─────────────

/** Separators both engines read as nothing: whitespace of every kind and comments. */
const separator = fc.constantFrom(
  ' ', '  ', '\t', '\n', '\r\n', '\f', '\v', '\u00a0', '\u2003', '\u3000', '\u2028', '\u202f',
  '/**/', '/* c */', '/* LOAD */', '/* ** */', '/*\n*/', '// c\n', '//\r', ' /* CREATE (n) */ ', '\n// RETURN 1\n',
);
const noneOrSeparator = fc.oneof(fc.constant(''), separator);

const randomCase = (word: string) =>
  fc.array(fc.boolean(), { minLength: word.length, maxLength: word.length }).map((flags) => [...word].map((c, i) => (flags[i] ? c.toUpperCase() : c.toLowerCase())).join(''));

/** A name as written: plain, back-ticked, or (a dotted name) back-ticked part by part. */
const spelledName = (name: string, caseMatters: boolean) =>
  (caseMatters ? fc.constant(name) : randomCase(name)).chain((n) =>
    fc.constantFrom(n, `\`${n}\``, n.split('.').map((part) => `\`${part}\``).join('.'), n.split('.').join(' . ')),
  );

/** A string literal in either quote, with some characters written as escapes. */
const spelledString = (text: string) =>
  fc.tuple(fc.constantFrom("'", '"'), fc.array(fc.boolean(), { minLength: text.length, maxLength: text.length })).map(([q, escape]) =>
    q + [...text].map((c, i) => (escape[i] && /[a-z/.]/.test(c) ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c)).join('') + q,
  );

type Piece = { kw: string } | { fn: string } | { name: string } | { str: string } | { p: string };
const K = (kw: string): Piece => ({ kw });
const F = (fn: string): Piece => ({ fn });
const N = (name: string): Piece => ({ name });
const S = (str: string): Piece => ({ str });
const P = (p: string): Piece => ({ p });

/** One spelling of a query: each piece varied, separators between (at least one between words). */
function spelled(pieces: Piece[]): fc.Arbitrary<string> {
  const parts = pieces.map((piece) => {
    if ('kw' in piece) return randomCase(piece.kw);
    if ('fn' in piece) return spelledName(piece.fn, false);
    if ('name' in piece) return fc.constantFrom(piece.name, `\`${piece.name}\``, `\`${piece.name}\`\`x\``);
    if ('str' in piece) return spelledString(piece.str);
    return fc.constant(piece.p);
  });
  const wordy = (piece: Piece) => !('p' in piece);
  const gaps = pieces.slice(1).map((piece, i) => (wordy(piece) && wordy(pieces[i]) ? separator : noneOrSeparator));
  return fc.tuple(fc.tuple(...parts), fc.tuple(...gaps), noneOrSeparator, noneOrSeparator).map(([texts, seps, lead, tail]) =>
    lead + texts.map((t, i) => (i === 0 ? t : seps[i - 1] + t)).join('') + tail,
  );
}

/** Read-only context a forbidden clause may hide behind, before or around it. */
const context = fc.constantFrom(
  (q: string) => q,
  (q: string) => `WITH 1 AS x ${q}`,
  (q: string) => `WITH 1 AS \`x\` ${q}`,
  (q: string) => `WITH 1 AS \`a\`\`b\` ${q}`,
  (q: string) => `UNWIND [1] AS load ${q}`,
  (q: string) => `MATCH (n:Paper) WITH n ${q}`,
  (q: string) => `MATCH (n) WHERE n.title = 'x' ${q}`,
  (q: string) => `CALL { ${q} } RETURN 1`,
  (q: string) => `MATCH (n) WHERE EXISTS { MATCH (n)-->(m) ${q} } RETURN n`,
  (q: string) => `RETURN 1 AS a UNION ${q}`,
  (q: string) => `RETURN 1 AS a; ${q}`,
  (q: string) => `${q};`,
);

interface Forbidden {
  what: string;
  dialect: Dialect;
  pieces: Piece[];
  /** What the refusal must name (compared case-insensitively). */
  named: string;
}

const FORBIDDEN: Forbidden[] = [
  // files and network
  { what: 'LOAD FROM a file', dialect: 'lbug', named: 'LOAD', pieces: [K('LOAD'), K('FROM'), S('/etc/passwd'), P('('), N('file_format'), P('='), S('csv'), P(')'), K('RETURN'), P('*')] },
  { what: 'LOAD WITH HEADERS', dialect: 'lbug', named: 'LOAD', pieces: [K('LOAD'), K('WITH'), K('HEADERS'), P('('), N('a'), N('STRING'), P(')'), K('FROM'), S('/etc/hostname'), K('RETURN'), P('*')] },
  { what: 'LOAD FROM a URL', dialect: 'lbug', named: 'LOAD', pieces: [K('LOAD'), K('FROM'), S('http://127.0.0.1:9/x.csv'), K('RETURN'), P('*')] },
  { what: 'COPY FROM', dialect: 'lbug', named: 'COPY', pieces: [K('COPY'), N('Paper'), K('FROM'), S('/tmp/x.csv')] },
  { what: 'COPY TO', dialect: 'lbug', named: 'COPY', pieces: [K('COPY'), P('('), K('MATCH'), P('('), N('p'), P(')'), K('RETURN'), N('p'), P(')'), K('TO'), S('/tmp/out.csv')] },
  { what: 'EXPORT DATABASE', dialect: 'lbug', named: 'EXPORT', pieces: [K('EXPORT'), K('DATABASE'), S('/tmp/leak')] },
  { what: 'IMPORT DATABASE', dialect: 'lbug', named: 'IMPORT', pieces: [K('IMPORT'), K('DATABASE'), S('/tmp/x')] },
  { what: 'ATTACH', dialect: 'lbug', named: 'ATTACH', pieces: [K('ATTACH'), S('/tmp/o.lbug'), K('AS'), N('o'), P('('), K('DBTYPE'), N('lbug'), P(')')] },
  { what: 'a file-reading table function', dialect: 'lbug', named: 'read_csv_serial', pieces: [K('CALL'), F('read_csv_serial'), P('('), S('/etc/hostname'), P(')'), K('RETURN'), P('*')] },
  { what: 'read_parquet', dialect: 'lbug', named: 'read_parquet', pieces: [K('CALL'), F('read_parquet'), P('('), S('/tmp/x.parquet'), P(')'), K('RETURN'), P('*')] },
  { what: 'file_info', dialect: 'lbug', named: 'file_info', pieces: [K('CALL'), F('file_info'), P('('), S('/etc'), P(')'), K('RETURN'), P('*')] },
  { what: 'LOAD CSV', dialect: 'neo4j', named: 'LOAD', pieces: [K('LOAD'), K('CSV'), K('FROM'), S('file:///etc/passwd'), K('AS'), N('l'), K('RETURN'), N('l')] },
  { what: 'LOAD CSV from a URL', dialect: 'neo4j', named: 'LOAD', pieces: [K('LOAD'), K('CSV'), K('WITH'), K('HEADERS'), K('FROM'), S('http://127.0.0.1:9/x'), K('AS'), N('l'), K('RETURN'), N('l')] },
  { what: 'apoc.load.json', dialect: 'neo4j', named: 'apoc.load.json', pieces: [K('CALL'), F('apoc.load.json'), P('('), S('file:///etc/passwd'), P(')')] },
  { what: 'an APOC function', dialect: 'neo4j', named: 'apoc.util.sleep', pieces: [K('RETURN'), F('apoc.util.sleep'), P('('), S('1'), P(')')] },
  { what: 'a GenAI function that calls out', dialect: 'neo4j', named: 'genai.vector.encode', pieces: [K('RETURN'), F('genai.vector.encode'), P('('), S('x'), P(','), S('OpenAI'), P(','), P('{'), P('}'), P(')')] },
  // extensions and settings
  { what: 'INSTALL', dialect: 'lbug', named: 'INSTALL', pieces: [K('INSTALL'), N('httpfs')] },
  { what: 'UNINSTALL', dialect: 'lbug', named: 'UNINSTALL', pieces: [K('UNINSTALL'), N('json')] },
  { what: 'UPDATE', dialect: 'lbug', named: 'UPDATE', pieces: [K('UPDATE'), N('httpfs')] },
  { what: 'LOAD EXTENSION', dialect: 'lbug', named: 'LOAD', pieces: [K('LOAD'), K('EXTENSION'), N('json')] },
  { what: 'a setting read', dialect: 'lbug', named: 'current_setting', pieces: [K('CALL'), F('current_setting'), P('('), S('threads'), P(')'), K('RETURN'), P('*')] },
  { what: 'a setting write', dialect: 'lbug', named: 'threads', pieces: [K('CALL'), F('threads'), P('='), N('1')] },
  { what: 'show_functions', dialect: 'lbug', named: 'show_functions', pieces: [K('CALL'), F('show_functions'), P('('), P(')'), K('RETURN'), P('*')] },
  { what: 'dbms.listConfig', dialect: 'neo4j', named: 'dbms.listConfig', pieces: [K('CALL'), F('dbms.listConfig'), P('('), P(')')] },
  { what: 'dbms.setConfigValue', dialect: 'neo4j', named: 'dbms.setConfigValue', pieces: [K('CALL'), F('dbms.setConfigValue'), P('('), S('x'), P(','), S('y'), P(')')] },
  // writes and schema
  { what: 'CREATE', dialect: 'lbug', named: 'CREATE', pieces: [K('CREATE'), P('('), P(':'), N('Paper'), P('{'), N('id'), P(':'), S('x'), P('}'), P(')')] },
  { what: 'MERGE', dialect: 'neo4j', named: 'MERGE', pieces: [K('MERGE'), P('('), N('c'), P(':'), N('Concept'), P(')')] },
  { what: 'SET', dialect: 'lbug', named: 'SET', pieces: [K('MATCH'), P('('), N('p'), P(')'), K('SET'), N('p'), P('.'), N('title'), P('='), S('x')] },
  { what: 'DETACH DELETE', dialect: 'neo4j', named: 'DETACH', pieces: [K('MATCH'), P('('), N('p'), P(')'), K('DETACH'), K('DELETE'), N('p')] },
  { what: 'REMOVE', dialect: 'neo4j', named: 'REMOVE', pieces: [K('MATCH'), P('('), N('p'), P(')'), K('REMOVE'), N('p'), P('.'), N('title')] },
  { what: 'DROP TABLE', dialect: 'lbug', named: 'DROP', pieces: [K('DROP'), K('TABLE'), N('Paper')] },
  { what: 'ALTER TABLE', dialect: 'lbug', named: 'ALTER', pieces: [K('ALTER'), K('TABLE'), N('Paper'), K('ADD'), N('x'), N('INT64')] },
  { what: 'CREATE NODE TABLE', dialect: 'lbug', named: 'CREATE', pieces: [K('CREATE'), K('NODE'), K('TABLE'), N('T'), P('('), N('id'), N('INT64'), P(','), K('PRIMARY'), K('KEY'), P('('), N('id'), P(')'), P(')')] },
  { what: 'a sequence step', dialect: 'lbug', named: 'nextval', pieces: [K('RETURN'), F('nextval'), P('('), S('seq'), P(')')] },
  { what: 'ANALYZE', dialect: 'lbug', named: 'ANALYZE', pieces: [K('ANALYZE')] },
  { what: 'CHECKPOINT', dialect: 'lbug', named: 'CHECKPOINT', pieces: [K('CHECKPOINT')] },
  { what: 'a transaction', dialect: 'lbug', named: 'BEGIN', pieces: [K('BEGIN'), K('TRANSACTION')] },
  { what: 'FOREACH', dialect: 'neo4j', named: 'FOREACH', pieces: [K('FOREACH'), P('('), N('x'), K('IN'), P('['), N('1'), P(']'), P('|'), K('CREATE'), P('('), P(')'), P(')')] },
  { what: 'a write in a subquery', dialect: 'neo4j', named: 'CREATE', pieces: [K('CALL'), P('{'), K('CREATE'), P('('), N('n'), P(')'), P('}')] },
  { what: 'IN TRANSACTIONS', dialect: 'neo4j', named: 'IN TRANSACTIONS', pieces: [K('CALL'), P('{'), K('MATCH'), P('('), N('n'), P(')'), K('RETURN'), N('n'), P('}'), K('IN'), K('TRANSACTIONS'), K('RETURN'), N('n')] },
  { what: 'a schema procedure that writes', dialect: 'neo4j', named: 'db.createLabel', pieces: [K('CALL'), F('db.createLabel'), P('('), S('X'), P(')')] },
  { what: 'USE', dialect: 'neo4j', named: 'USE', pieces: [K('USE'), N('system'), K('SHOW'), K('USERS')] },
  { what: 'SHOW', dialect: 'neo4j', named: 'SHOW', pieces: [K('SHOW'), K('DATABASES')] },
  { what: 'user management', dialect: 'neo4j', named: 'ALTER', pieces: [K('ALTER'), K('USER'), N('neo4j'), K('SET'), K('PASSWORD'), S('x')] },
  { what: 'TERMINATE', dialect: 'neo4j', named: 'TERMINATE', pieces: [K('TERMINATE'), K('TRANSACTIONS'), S('neo4j-transaction-1')] },
  { what: 'GRANT', dialect: 'neo4j', named: 'GRANT', pieces: [K('GRANT'), K('ROLE'), N('admin'), K('TO'), N('x')] },
];

describe('property: every spelling of a forbidden query is refused', () => {
  it.each(FORBIDDEN)('$what ($dialect)', ({ pieces, dialect, named }) => {
    fc.assert(
      fc.property(spelled(pieces), context, (query, wrap) => {
        const text = wrap(query);
        const error = refusal(text, dialect);
        if (!error) throw new Error(`accepted: ${JSON.stringify(text)}`);
        // A context can put a second statement or a syntax error first; otherwise the refusal names the culprit.
        if (error.code === 'forbidden' && !/one statement at a time/.test(error.message)) {
          expect(error.message.toLowerCase()).toContain(named.toLowerCase());
        }
      }),
      { numRuns: 150 },
    );
  });

  it('refuses each attack by name when it stands alone, whatever its spelling', () => {
    for (const { pieces, dialect, named } of FORBIDDEN) {
      fc.assert(
        fc.property(spelled(pieces), (query) => {
          const error = refusal(query, dialect);
          expect(error?.code).toBe('forbidden');
          expect(error?.message.toLowerCase()).toContain(named.toLowerCase());
        }),
        { numRuns: 40 },
      );
    }
  });
});

describe('property: the example queries stay accepted however they are spaced', () => {
  /** The example re-spaced: its tokens as they are, any separator between them. */
  const respaced = (query: string) => {
    const tokens = lex(query, { maxDepth: 32, maxCaseDepth: 8 }).filter((t) => t.kind !== 'end');
    const texts = tokens.map((t) => query.slice(t.at, (tokens[tokens.indexOf(t) + 1]?.at ?? query.length)).trimEnd());
    return fc.array(separator, { minLength: texts.length, maxLength: texts.length }).map((seps) => texts.map((t, i) => t + seps[i]).join(''));
  };

  it.each(examples())('$name ($dialect)', ({ query, dialect }) => {
    fc.assert(
      fc.property(respaced(query), (variant) => {
        expect(refusal(variant, dialect)).toBeNull();
      }),
      { numRuns: 60 },
    );
  });
});
