// `papergraph export`: the stored graph in the formats researchers' other tools read.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { thesaurusFromExtraction } from '../extract/index.ts';
import type { GraphReader } from '../store/GraphStore.ts';
import { writeCsv } from '../store/csvFile.ts';
import { writeNeo4jAdminCsv } from '../store/neo4jAdminExport.ts';
import { writeGexf } from './gexf.ts';
import { writeGraphml } from './graphml.ts';
import { readGraph } from './readGraph.ts';
import { vosviewerMap } from './vosviewer.ts';

export const EXPORT_FORMATS = ['graphml', 'gexf', 'json', 'csv', 'neo4j-admin', 'thesaurus', 'vosviewer'];

/** Formats that write several files, so `--out` names a directory. */
const DIRECTORY_FORMATS = new Set(['csv', 'neo4j-admin']);

async function toStream(open: () => Writable, fill: (write: (chunk: string) => void) => void): Promise<void> {
  const out = open();
  const chunks: string[] = [];
  fill((chunk) => chunks.push(chunk));
  await new Promise<void>((resolve, reject) => {
    out.once('error', reject);
    out.write(chunks.join(''), (error) => (error ? reject(error) : resolve()));
  });
  if (out !== process.stdout) await new Promise<void>((resolve) => out.end(resolve));
}

/** Writes the export; returns the one-line summary the CLI prints on stderr. */
export async function exportGraph(store: GraphReader, format: string, out: string | null, open: () => Writable): Promise<string> {
  const graph = await readGraph(store);
  const counts = `${graph.papers.length} papers, ${graph.concepts.length} concepts, ${graph.mentions.length} mentions, ${graph.cooccurrences.length} co-occurrences, ${graph.broader.length} broader links`;
  if (DIRECTORY_FORMATS.has(format)) {
    const dir = path.resolve(out ?? `papergraph-${format}`);
    mkdirSync(dir, { recursive: true });
    if (format === 'neo4j-admin') {
      const { files, command } = await writeNeo4jAdminCsv(graph, dir);
      return `Wrote ${files.length} CSV files (${counts}) to ${dir}. Import them into a stopped Neo4j with:\n  ${command}`;
    }
    await writeCsv(path.join(dir, 'papers.csv'), ['id', 'title', 'abstract', 'year', 'date', 'url', 'authors', 'doi', 'arxivId', 'openalexId', 'pmid', 'wosId', 'keywords'],
      graph.papers.map((p) => [p.id, p.title, p.abstract, p.year, p.date, p.url, p.authors.join('; '), p.doi, p.arxivId, p.openalexId, p.pmid, p.wosId, p.keywords.join('; ')]));
    await writeCsv(path.join(dir, 'concepts.csv'), ['id', 'label', 'aliases', 'papers', 'mentions', 'community', 'x', 'y', 'pagerank', 'betweenness', 'participation', 'meanYear', 'relevance', 'generic'],
      graph.concepts.map((c) => [c.id, c.label, c.aliases.join('; '), c.papers, c.mentions, c.community, c.x, c.y, c.pagerank, c.betweenness, c.participation, c.meanYear, c.relevance, c.generic]));
    await writeCsv(path.join(dir, 'mentions.csv'), ['paper', 'concept', 'count', 'inTitle', 'score'],
      Array.from(graph.mentions, (m) => [m.paperId, m.conceptId, m.count, m.inTitle, m.score]));
    await writeCsv(path.join(dir, 'cooccurs.csv'), ['source', 'target', 'papers', 'weight'],
      graph.cooccurrences.map((e) => [e.source, e.target, e.papers, e.weight]));
    await writeCsv(path.join(dir, 'broader.csv'), ['narrower', 'broader', 'kind'], graph.broader.map((e) => [e.narrower, e.broader, e.kind]));
    return `Wrote papers.csv, concepts.csv, mentions.csv, cooccurs.csv and broader.csv (${counts}) to ${dir}.`;
  }
  if (format === 'graphml') await toStream(open, (write) => writeGraphml(graph, write));
  else if (format === 'gexf') await toStream(open, (write) => writeGexf(graph, write));
  else if (format === 'json') await toStream(open, (write) => write(`${JSON.stringify(graph)}\n`));
  else if (format === 'vosviewer') {
    await toStream(open, (write) => write(`${JSON.stringify(vosviewerMap(graph))}\n`));
    return `Wrote the concept map (${graph.concepts.length} concepts, ${graph.cooccurrences.length} co-occurrence links) as VOSviewer JSON${out ? ` to ${out}` : ''}: open it in VOSviewer or at app.vosviewer.com.`;
  }
  else if (format === 'thesaurus') {
    const extraction = { concepts: graph.concepts.map((c) => ({ id: c.id, label: c.label, aliases: c.aliases, score: c.score })), mentions: [] };
    await toStream(open, (write) => write(thesaurusFromExtraction(extraction)));
    return `Wrote the merges behind ${graph.concepts.length} concepts as a VOSviewer thesaurus${out ? ` to ${out}` : ''}: edit it and re-apply with \`papergraph ingest --thesaurus FILE\`.`;
  }
  return `Exported ${counts} as ${format}${out ? ` to ${out}` : ''}.`;
}
