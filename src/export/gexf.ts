// GEXF 1.3 (gexf.net), Gephi's own format: the concept map with its stored layout
// (viz:position), community colours left to Gephi's partition tools, and papers
// linked to concepts. Edges are directed: MENTIONS paper→concept, CO_OCCURS once
// per pair as stored, BROADER narrower→broader.
import type { KnowledgeGraph } from '../graph/model.ts';
import { xmlText } from './xml.ts';

type Write = (chunk: string) => void;

const NODE_ATTRS: [string, string][] = [
  ['kind', 'string'], ['aliases', 'string'], ['papers', 'integer'], ['community', 'integer'], ['pagerank', 'double'],
  ['betweenness', 'double'], ['participation', 'double'], ['meanYear', 'double'], ['year', 'integer'], ['url', 'string'],
  ['relevance', 'double'], ['generic', 'boolean'],
];

export function writeGexf(graph: KnowledgeGraph, write: Write): void {
  const att = (name: string, value: unknown) =>
    value === null || value === undefined ? '' : `<attvalue for="${NODE_ATTRS.findIndex(([n]) => n === name)}" value="${xmlText(value)}"/>`;
  write('<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">\n');
  write('  <meta><creator>papergraph</creator></meta>\n  <graph defaultedgetype="directed" mode="static">\n');
  write('    <attributes class="node">\n');
  NODE_ATTRS.forEach(([name, type], i) => write(`      <attribute id="${i}" title="${name}" type="${type}"/>\n`));
  write('    </attributes>\n    <attributes class="edge"><attribute id="0" title="type" type="string"/><attribute id="1" title="papers" type="integer"/></attributes>\n');
  write('    <nodes>\n');
  for (const c of graph.concepts) {
    write(
      `      <node id="${xmlText(c.id)}" label="${xmlText(c.label)}"><attvalues>${att('kind', 'concept')}${att('aliases', c.aliases.join('; '))}` +
        `${att('papers', c.papers)}${att('community', c.community)}${att('pagerank', c.pagerank)}${att('betweenness', c.betweenness)}` +
        `${att('participation', c.participation)}${att('meanYear', c.meanYear)}${att('relevance', c.relevance)}${att('generic', c.generic)}</attvalues>` +
        `<viz:position x="${c.x}" y="${c.y}" z="0"/><viz:size value="${(3 + Math.sqrt(c.papers) * 2).toFixed(2)}"/></node>\n`,
    );
  }
  for (const p of graph.papers) {
    write(`      <node id="${xmlText(p.id)}" label="${xmlText(p.title)}"><attvalues>${att('kind', 'paper')}${att('year', p.year)}${att('url', p.url)}</attvalues></node>\n`);
  }
  write('    </nodes>\n    <edges>\n');
  let id = 0;
  for (const e of graph.cooccurrences) {
    write(`      <edge id="${id++}" source="${xmlText(e.source)}" target="${xmlText(e.target)}" weight="${e.weight}"><attvalues><attvalue for="0" value="CO_OCCURS"/><attvalue for="1" value="${e.papers}"/></attvalues></edge>\n`);
  }
  for (const m of graph.mentions) {
    write(`      <edge id="${id++}" source="${xmlText(m.paperId)}" target="${xmlText(m.conceptId)}" weight="${m.count}"><attvalues><attvalue for="0" value="MENTIONS"/></attvalues></edge>\n`);
  }
  for (const e of graph.broader) {
    write(`      <edge id="${id++}" source="${xmlText(e.narrower)}" target="${xmlText(e.broader)}"><attvalues><attvalue for="0" value="BROADER"/></attvalues></edge>\n`);
  }
  write('    </edges>\n  </graph>\n</gexf>\n');
}
