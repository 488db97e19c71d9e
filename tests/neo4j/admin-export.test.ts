// The neo4j-admin bulk-import CSVs, read back with a CSV parser configured the way
// `neo4j-admin database import full` reads them (comma, double-quote, multiline fields).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { writeNeo4jAdminCsv } from '../../src/store/neo4jAdminExport.ts';
import type { KnowledgeGraph } from '../../src/graph/model.ts';
import { fixtureGraph } from './fixture.ts';

let dir: string;
let files: string[];
let command: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'papergraph-admin-'));
  ({ files, command } = await writeNeo4jAdminCsv(fixtureGraph, path.join(dir, 'import')));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Rows as arrays, and the raw text of each field so quoting can be checked. */
function read(name: string): { header: string[]; rows: string[][] } {
  const text = readFileSync(path.join(dir, 'import', name), 'utf8');
  const [header, ...rows] = parse(text, { relax_column_count: false }) as string[][];
  return { header, rows };
}

describe('neo4j-admin CSV export', () => {
  it('writes the five files and a command that names each with its label or type', () => {
    expect(files.map((f) => path.basename(f))).toEqual(['papers.csv', 'concepts.csv', 'mentions.csv', 'cooccurs.csv', 'broader.csv']);
    expect(command).toMatch(/^neo4j-admin database import full /);
    expect(command).toContain(`--nodes=Paper=${files[0]}`);
    expect(command).toContain(`--nodes=Concept=${files[1]}`);
    expect(command).toContain(`--relationships=MENTIONS=${files[2]}`);
    expect(command).toContain(`--relationships=CO_OCCURS=${files[3]}`);
    expect(command).toContain(`--relationships=BROADER=${files[4]}`);
    expect(command).toContain("--array-delimiter=';'");
    expect(command).toContain('--multiline-fields=true');
    expect(command).toMatch(/ neo4j$/);
  });

  it('uses the importer header syntax: id spaces, typed columns, arrays, labels and types', () => {
    expect(read('papers.csv').header).toEqual([
      'id:ID(Paper)', 'title', 'abstract', 'year:int', 'date', 'url', 'authors:string[]', 'source', 'doi', 'arxivId', 'openalexId', 'sources:string[]', 'pmid', 'wosId', 'keywords:string[]', ':LABEL',
    ]);
    expect(read('concepts.csv').header).toEqual([
      'id:ID(Concept)', 'label', 'aliases:string[]', 'papers:int', 'mentions:int', 'score:double', 'community:int',
      'x:double', 'y:double', 'pagerank:double', 'betweenness:double', 'participation:double', 'meanYear:double',
      'relevance:double', 'generic:boolean', ':LABEL',
    ]);
    expect(read('mentions.csv').header).toEqual([':START_ID(Paper)', ':END_ID(Concept)', 'count:int', 'inTitle:boolean', 'score:double', 'spans', ':TYPE']);
    expect(read('cooccurs.csv').header).toEqual([':START_ID(Concept)', ':END_ID(Concept)', 'papers:int', 'weight:double', ':TYPE']);
    expect(read('broader.csv').header).toEqual([':START_ID(Concept)', ':END_ID(Concept)', 'kind', ':TYPE']);
  });

  it('writes one row per paper, concept, mention, co-occurrence and broader link', () => {
    expect(read('papers.csv').rows).toHaveLength(fixtureGraph.papers.length);
    expect(read('concepts.csv').rows).toHaveLength(fixtureGraph.concepts.length);
    expect(read('mentions.csv').rows).toHaveLength(fixtureGraph.mentions.length);
    expect(read('cooccurs.csv').rows).toHaveLength(fixtureGraph.cooccurrences.length);
    expect(read('broader.csv').rows).toEqual([['spike timing dependent plasticity', 'dendrite', 'subsumption', 'BROADER']]);
  });

  it('keeps commas, quotes and line breaks in titles intact', () => {
    const titles = read('papers.csv').rows.map((r) => r[1]);
    expect(titles).toEqual(fixtureGraph.papers.map((p) => p.title));
    expect(titles[1]).toContain('\n');
  });

  it('writes lists with the array delimiter, and nulls and empty lists as absent', () => {
    const [first, second] = read('papers.csv').rows;
    expect(first[6].split(';')).toEqual(['Ada Lovelace', 'Alan Turing']);
    expect(second[3]).toBe(''); // year null
    expect(second[6]).toBe(''); // no authors
    const stdp = read('concepts.csv').rows[0];
    expect(stdp[2].split(';')).toEqual(['spike-timing-dependent plasticity', 'STDP']);
  });

  it('stores spans as JSON text that reads back to the spans', () => {
    const spans = read('mentions.csv').rows.map((r) => JSON.parse(r[5]));
    expect(spans).toEqual(Array.from(fixtureGraph.mentions, (m) => m.spans));
  });

  it('names the files as the Neo4j container sees them when asked', async () => {
    const { command: cmd, files: written } = await writeNeo4jAdminCsv(fixtureGraph, path.join(dir, 'container'), { importDir: '/import' });
    expect(cmd).toContain('--nodes=Paper=/import/papers.csv');
    expect(cmd).toContain('--relationships=CO_OCCURS=/import/cooccurs.csv');
    expect(written[0]).toBe(path.join(dir, 'container', 'papers.csv'));
  });

  it('picks another array delimiter when a value contains ";"', async () => {
    const graph: KnowledgeGraph = {
      ...fixtureGraph,
      papers: [{ ...fixtureGraph.papers[0], authors: ['Smith; J.', 'Doe, A.'] }],
      mentions: [],
    };
    const out = path.join(dir, 'semicolon');
    const { command: cmd } = await writeNeo4jAdminCsv(graph, out);
    expect(cmd).toContain("--array-delimiter='|'");
    const [, row] = parse(readFileSync(path.join(out, 'papers.csv'), 'utf8')) as string[][];
    expect(row[6].split('|')).toEqual(['Smith; J.', 'Doe, A.']);
  });
});
