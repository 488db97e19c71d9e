// GraphML (graphml.graphdrawing.org, the GraphML Primer): papers and concepts as
// nodes, MENTIONS, CO_OCCURS and BROADER (narrower → broader) as edges, typed keys for every attribute. Gephi,
// Cytoscape, yEd and networkx read it.
import type { KnowledgeGraph } from '../graph/model.ts';
import { xmlText } from './xml.ts';

type Write = (chunk: string) => void;

const KEYS: [string, 'node' | 'edge', 'string' | 'int' | 'double' | 'boolean'][] = [
  ['kind', 'node', 'string'], ['label', 'node', 'string'], ['title', 'node', 'string'], ['year', 'node', 'int'],
  ['url', 'node', 'string'], ['doi', 'node', 'string'], ['aliases', 'node', 'string'], ['papers', 'node', 'int'],
  ['community', 'node', 'int'], ['x', 'node', 'double'], ['y', 'node', 'double'], ['pagerank', 'node', 'double'],
  ['betweenness', 'node', 'double'], ['participation', 'node', 'double'], ['meanYear', 'node', 'double'],
  ['relevance', 'node', 'double'], ['generic', 'node', 'boolean'], ['broaderKind', 'edge', 'string'],
  ['type', 'edge', 'string'], ['count', 'edge', 'int'], ['inTitle', 'edge', 'boolean'], ['weight', 'edge', 'double'], ['copapers', 'edge', 'int'],
];

function data(key: string, value: unknown): string {
  return value === null || value === undefined ? '' : `<data key="${key}">${xmlText(value)}</data>`;
}

export function writeGraphml(graph: KnowledgeGraph, write: Write): void {
  write('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n');
  for (const [name, domain, type] of KEYS) write(`  <key id="${name}" for="${domain}" attr.name="${name}" attr.type="${type}"/>\n`);
  write('  <graph id="papergraph" edgedefault="directed">\n');
  for (const p of graph.papers) {
    write(`    <node id="${xmlText(p.id)}">${data('kind', 'paper')}${data('label', p.title)}${data('title', p.title)}${data('year', p.year)}${data('url', p.url)}${data('doi', p.doi)}</node>\n`);
  }
  for (const c of graph.concepts) {
    write(
      `    <node id="${xmlText(c.id)}">${data('kind', 'concept')}${data('label', c.label)}${data('aliases', c.aliases.join('; '))}${data('papers', c.papers)}` +
        `${data('community', c.community)}${data('x', c.x)}${data('y', c.y)}${data('pagerank', c.pagerank)}${data('betweenness', c.betweenness)}` +
        `${data('participation', c.participation)}${data('meanYear', c.meanYear)}${data('relevance', c.relevance)}${data('generic', c.generic)}</node>\n`,
    );
  }
  for (const m of graph.mentions) {
    write(`    <edge source="${xmlText(m.paperId)}" target="${xmlText(m.conceptId)}">${data('type', 'MENTIONS')}${data('count', m.count)}${data('inTitle', m.inTitle)}</edge>\n`);
  }
  for (const e of graph.cooccurrences) {
    write(`    <edge source="${xmlText(e.source)}" target="${xmlText(e.target)}">${data('type', 'CO_OCCURS')}${data('copapers', e.papers)}${data('weight', e.weight)}</edge>\n`);
  }
  for (const e of graph.broader) {
    write(`    <edge source="${xmlText(e.narrower)}" target="${xmlText(e.broader)}">${data('type', 'BROADER')}${data('broaderKind', e.kind)}</edge>\n`);
  }
  write('  </graph>\n</graphml>\n');
}
