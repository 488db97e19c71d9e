// Every Cypher query papergraph sends to Neo4j passes the official Cypher linter
// (@neo4j-cypher/language-support, the engine behind Neo4j's editors). No Neo4j
// server can run on the development machines, so this is where a Neo4j syntax or
// semantic error in cypher/ is caught before a user meets it.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { lintCypherQuery, testData, type DbSchema } from '@neo4j-cypher/language-support';
import { CYPHER_DIR, cypherStatements, stripLineComments } from '../../src/store/cypherFiles.ts';

/** Functions and procedures of a stock Neo4j 5: the library's built-in catalogue minus plugins our compose file does not install. */
function withoutPlugins<T>(registry: Partial<Record<string, Record<string, T>>> | undefined): Record<string, Record<string, T>> {
  const out: Record<string, Record<string, T>> = {};
  for (const [version, entries] of Object.entries(registry ?? {})) {
    out[version] = Object.fromEntries(Object.entries(entries ?? {}).filter(([name]) => !/^(apoc|gds)\./.test(name)));
  }
  return out;
}

const SCHEMA: DbSchema = {
  labels: ['Paper', 'Concept', 'PapergraphGraph'],
  relationshipTypes: ['MENTIONS', 'CO_OCCURS', 'BROADER'],
  propertyKeys: [
    // Paper
    'id', 'title', 'abstract', 'year', 'date', 'url', 'authors', 'source', 'doi', 'arxivId', 'openalexId', 'sources', 'pmid', 'wosId', 'keywords',
    // Concept
    'label', 'aliases', 'papers', 'mentions', 'score', 'community', 'x', 'y', 'pagerank', 'betweenness', 'participation', 'meanYear',
    'relevance', 'generic',
    // MENTIONS, CO_OCCURS, BROADER
    'count', 'inTitle', 'spans', 'weight', 'kind',
    // the write stamp, and the keys of load rows
    'run', 'writtenAt', 'paper', 'concept', 'target', 'narrower', 'broader',
  ],
  graphSchema: [
    { from: 'Paper', to: 'Concept', relType: 'MENTIONS' },
    { from: 'Concept', to: 'Concept', relType: 'CO_OCCURS' },
    { from: 'Concept', to: 'Concept', relType: 'BROADER' },
  ],
  functions: withoutPlugins(testData.mockSchema.functions),
  procedures: withoutPlugins(testData.mockSchema.procedures),
  defaultLanguage: 'CYPHER 5',
};

/** Every string and template literal in a TypeScript file, comments excluded (parsed, not pattern-matched). */
function stringLiterals(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push(node.text);
    else if (ts.isTemplateExpression(node)) out.push(node.head.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

interface Finding {
  line: number;
  message: string;
}

/** Errors and warnings for one statement. Parameters are supplied at run time, so "not defined" is no finding. */
function lint(statement: string): { errors: Finding[]; warnings: Finding[] } {
  const { diagnostics } = lintCypherQuery(statement, SCHEMA, { consoleCommandsEnabled: false });
  const findings = diagnostics
    .map((d) => ({ severity: d.severity, line: d.range.start.line, message: typeof d.message === 'string' ? d.message : d.message.value }))
    .filter((d) => !/^Parameter \$\S+ is not defined\.$/.test(d.message));
  // DiagnosticSeverity: 1 error, 2 warning.
  return {
    errors: findings.filter((f) => f.severity === 1),
    warnings: findings.filter((f) => f.severity !== 1),
  };
}

interface Statement {
  /** `cypher/file.cypher:line` of the statement's first line. */
  where: string;
  file: string;
  /** 0-based line of the file where the statement starts. */
  start: number;
  text: string;
}

/** A file's statements, split where the store splits them (`;` at a line end), keeping file line numbers. */
function statementsOf(file: string): Statement[] {
  const relative = path.relative(path.dirname(CYPHER_DIR), file);
  const out: Statement[] = [];
  let start = 0;
  let lines: string[] = [];
  readFileSync(file, 'utf8').split('\n').forEach((line, index) => {
    if (lines.length === 0) start = index;
    lines.push(line);
    if (/;\s*$/.test(line)) {
      out.push({ where: `${relative}:${start + 1}`, file: relative, start, text: lines.join('\n') });
      lines = [];
    }
  });
  if (lines.length) out.push({ where: `${relative}:${start + 1}`, file: relative, start, text: lines.join('\n') });
  return out
    .map((s) => ({ ...s, text: s.text.replace(/;\s*$/, '') }))
    .filter((s) => stripLineComments(s.text).trim() !== '');
}

/**
 * The queries Neo4j runs, by name: a `NAME.neo4j.cypher` twin wins over the shared
 * `NAME.cypher` (exactly as cypherQuery picks), and `.lbug.cypher` files never reach Neo4j.
 */
function neo4jFiles(dir: string): Map<string, string> {
  const byName = new Map<string, string>();
  if (!existsSync(dir)) return byName;
  const files = readdirSync(dir).filter((f) => f.endsWith('.cypher') && !f.endsWith('.lbug.cypher')).sort();
  for (const file of files) {
    const name = file.replace(/(\.neo4j)?\.cypher$/, '');
    if (file.endsWith('.neo4j.cypher') || !byName.has(name)) byName.set(name, path.join(dir, file));
  }
  return byName;
}

const EXAMPLES_DIR = path.join(CYPHER_DIR, 'examples');
const appQueries = neo4jFiles(CYPHER_DIR);
const exampleQueries = neo4jFiles(EXAMPLES_DIR);
const statements = [...appQueries.values(), ...exampleQueries.values()].flatMap(statementsOf);

describe('Cypher for Neo4j passes the official linter', () => {
  it('finds the app queries', () => {
    // The store's write path cannot work without these; a rename would otherwise shrink the test silently.
    for (const name of ['schema', 'load-papers', 'load-concepts', 'load-mentions', 'load-cooccurs', 'load-broader', 'all-papers', 'paper', 'stats-papers']) {
      expect(appQueries.has(name), `cypher/${name}(.neo4j).cypher`).toBe(true);
    }
  });

  it.each(statements.map((s) => [s.where, s] as const))('%s', (_where, { file, start, text }) => {
    const { errors, warnings } = lint(text);
    for (const w of warnings) console.warn(`${file}:${start + w.line + 1}: warning: ${w.message}`);
    expect(errors.map((e) => `${file}:${start + e.line + 1}: ${e.message}`)).toEqual([]);
  });

  it('splits each file as the store does', () => {
    for (const [name, file] of appQueries) {
      expect(statementsOf(file).length, file).toBe(cypherStatements(name, 'neo4j').length);
    }
    for (const [name, file] of exampleQueries) {
      expect(statementsOf(file).length, file).toBe(cypherStatements(`examples/${name}`, 'neo4j').length);
    }
  });

  it('reports a syntax error, so a clean run means something', () => {
    expect(lint('MATCH (p:Paper) RETRUN p.id').errors).not.toEqual([]);
    expect(lint('MATCH (p:Paper) RETURN p.id AS id').errors).toEqual([]);
  });

  it('reports a function that a stock Neo4j does not have', () => {
    expect(lint('RETURN apoc.text.join(["a"], ",") AS x').errors).not.toEqual([]);
  });

  it('has a Neo4j query for every LadybugDB-only query', () => {
    const lbugOnly = readdirSync(CYPHER_DIR)
      .filter((f) => f.endsWith('.lbug.cypher'))
      .map((f) => f.replace(/\.lbug\.cypher$/, ''));
    expect(lbugOnly.filter((name) => !appQueries.has(name))).toEqual([]);
  });

  it('the Neo4j store keeps every query in cypher/, none in TypeScript strings', () => {
    const sources = ['src/store/neo4j.ts', 'src/store/neo4j/values.ts', 'src/store/neo4j/errors.ts'];
    for (const source of sources) {
      const cypher = stringLiterals(path.join(CYPHER_DIR, '..', source)).filter((s) =>
        /^\s*(MATCH|MERGE|UNWIND|CREATE|RETURN|CALL|WITH|OPTIONAL|DETACH|DELETE)\b/i.test(s),
      );
      expect(cypher, source).toEqual([]);
    }
  });
});
