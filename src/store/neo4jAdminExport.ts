// The graph as CSV files for Neo4j's offline bulk importer, `neo4j-admin database
// import full` (Neo4j 5 Operations Manual, "Import"): far faster than Cypher MERGEs
// for a first load of a big corpus, at the price of a stopped, empty database.
//
// Header syntax: `id:ID(Paper)` declares the id column (stored as the `id` property)
// in the Paper id space that `:START_ID(Paper)` refers back to; `name:type` types a
// column (`int`, `double`, `boolean`, `string[]`); `:LABEL` and `:TYPE` name labels
// and relationship types per row. An empty unquoted field means "no property", so
// nulls stay absent as they do in the other stores.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { KnowledgeGraph } from '../graph/model.ts';
import { writeCsv } from './csvFile.ts';

export interface Neo4jAdminCsv {
  /** Absolute paths of the written CSV files: papers, concepts, mentions, co-occurrences, broader links. */
  files: string[];
  /** The import command for those files, ready to paste (paths shell-quoted where needed). */
  command: string;
}

/** Characters tried in turn as the array delimiter: the first that no list element contains wins. */
const ARRAY_DELIMITERS = [';', '|', '^', '~'];

type Cell = string | number | boolean | null | string[];

export interface Neo4jAdminOptions {
  /**
   * The directory as neo4j-admin will see it, when that is not `dir` itself: `/import`
   * when the files are mounted into the Neo4j container there. Default: `dir`.
   */
  importDir?: string;
}

/** Writes the five CSVs into `dir` (created if missing) and returns them with the import command. */
export async function writeNeo4jAdminCsv(graph: KnowledgeGraph, dir: string, options: Neo4jAdminOptions = {}): Promise<Neo4jAdminCsv> {
  const out = path.resolve(dir);
  await mkdir(out, { recursive: true });
  const delimiter = arrayDelimiter(graph);
  const cell = (value: Cell) => field(value, delimiter);
  const file = (name: string) => path.join(out, name);

  const papers = await writeCsv(
    file('papers.csv'),
    ['id:ID(Paper)', 'title', 'abstract', 'year:int', 'date', 'url', 'authors:string[]', 'source', 'doi', 'arxivId', 'openalexId', 'sources:string[]', 'pmid', 'wosId', 'keywords:string[]', ':LABEL'],
    graph.papers.map((p) => [p.id, p.title, p.abstract, p.year, p.date, p.url, p.authors, p.source, p.doi, p.arxivId, p.openalexId, p.sources, p.pmid, p.wosId, p.keywords, 'Paper']),
    cell,
  );
  const concepts = await writeCsv(
    file('concepts.csv'),
    [
      'id:ID(Concept)', 'label', 'aliases:string[]', 'papers:int', 'mentions:int', 'score:double', 'community:int',
      'x:double', 'y:double', 'pagerank:double', 'betweenness:double', 'participation:double', 'meanYear:double',
      'relevance:double', 'generic:boolean', ':LABEL',
    ],
    graph.concepts.map((c) => [
      c.id, c.label, c.aliases, c.papers, c.mentions, c.score, c.community,
      c.x, c.y, c.pagerank, c.betweenness, c.participation, c.meanYear, c.relevance, c.generic, 'Concept',
    ]),
    cell,
  );
  const mentions = await writeCsv(
    file('mentions.csv'),
    [':START_ID(Paper)', ':END_ID(Concept)', 'count:int', 'inTitle:boolean', 'score:double', 'spans', ':TYPE'],
    // Spans are JSON text, as in the other stores: Neo4j keeps no list of maps as a property.
    Array.from(graph.mentions, (m) => [m.paperId, m.conceptId, m.count, m.inTitle, m.score, JSON.stringify(m.spans), 'MENTIONS']),
    cell,
  );
  const cooccurs = await writeCsv(
    file('cooccurs.csv'),
    [':START_ID(Concept)', ':END_ID(Concept)', 'papers:int', 'weight:double', ':TYPE'],
    graph.cooccurrences.map((e) => {
      const [source, target] = e.source < e.target ? [e.source, e.target] : [e.target, e.source];
      return [source, target, e.papers, e.weight, 'CO_OCCURS'];
    }),
    cell,
  );
  const broader = await writeCsv(
    file('broader.csv'),
    [':START_ID(Concept)', ':END_ID(Concept)', 'kind', ':TYPE'],
    graph.broader.map((e) => [e.narrower, e.broader, e.kind, 'BROADER']),
    cell,
  );

  const seen = (file: string) => shellQuote(options.importDir ? path.posix.join(options.importDir, path.basename(file)) : file);
  const command = [
    'neo4j-admin database import full',
    `--nodes=Paper=${seen(papers)}`,
    `--nodes=Concept=${seen(concepts)}`,
    `--relationships=MENTIONS=${seen(mentions)}`,
    `--relationships=CO_OCCURS=${seen(cooccurs)}`,
    `--relationships=BROADER=${seen(broader)}`,
    `--array-delimiter=${shellQuote(delimiter)}`,
    // Abstracts and titles may hold line breaks inside quoted fields.
    '--multiline-fields=true',
    // The importer only writes an empty database; this replaces the one named last.
    '--overwrite-destination=true',
    'neo4j',
  ].join(' ');
  return { files: [papers, concepts, mentions, cooccurs, broader], command };
}

function arrayDelimiter(graph: KnowledgeGraph): string {
  const elements = [
    ...graph.papers.flatMap((p) => [...p.authors, ...p.sources, ...p.keywords]),
    ...graph.concepts.flatMap((c) => c.aliases),
  ];
  const free = ARRAY_DELIMITERS.find((d) => !elements.some((e) => e.includes(d)));
  if (!free) {
    throw new Error(`Cannot pick an array delimiter for neo4j-admin: author, source or alias values contain each of ${ARRAY_DELIMITERS.join(' ')}.`);
  }
  return free;
}

/**
 * One CSV field. Strings are always quoted, so an empty string stays an empty string;
 * null and an empty list are an empty unquoted field, which the importer skips.
 */
function field(value: Cell, delimiter: string): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.length === 0 ? '' : quote(value.join(delimiter));
  if (typeof value === 'string') return quote(value);
  return String(value);
}

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}


function shellQuote(text: string): string {
  return /^[\w./:=@%+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
