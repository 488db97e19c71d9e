// The whole stored graph back as a KnowledgeGraph, for exports: the same shape
// the write side hands to a store, whichever store holds it.
import type { BroaderEdge, CoOccurrence, KnowledgeGraph, Mention } from '../graph/model.ts';
import type { GraphReader } from '../store/GraphStore.ts';
import { parseSpans } from '../explore/spans.ts';
import { conceptFromRow, number as num } from '../store/rows.ts';


export async function readGraph(store: GraphReader): Promise<KnowledgeGraph> {
  const [papers, concepts, mentions, edges, broader] = await Promise.all([
    store.papers(),
    store.run('snapshot-concepts'),
    store.run('all-mentions'),
    store.run('snapshot-cooccurs'),
    store.run('snapshot-broader'),
  ]);
  return {
    papers,
    concepts: concepts.map(conceptFromRow),
    mentions: mentions.map(
      (m): Mention => ({
        paperId: String(m.paper),
        conceptId: String(m.concept),
        count: num(m.count),
        inTitle: m.inTitle === true,
        score: num(m.score),
        spans: parseSpans(m.spans),
      }),
    )
      // The same file whichever store answers: stores return unordered rows in their own order.
      .sort((a, b) => (a.paperId < b.paperId ? -1 : a.paperId > b.paperId ? 1 : a.conceptId < b.conceptId ? -1 : a.conceptId > b.conceptId ? 1 : 0)),
    cooccurrences: edges
      .map((e): CoOccurrence => ({ source: String(e.source), target: String(e.target), papers: num(e.papers), weight: num(e.weight) }))
      .sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.target < b.target ? -1 : 1)),
    broader: broader
      .map((e): BroaderEdge => ({ narrower: String(e.narrower), broader: String(e.broader), kind: e.kind === 'subsumption' ? 'subsumption' : 'nesting' }))
      .sort((a, b) => (a.narrower < b.narrower ? -1 : a.narrower > b.narrower ? 1 : a.broader < b.broader ? -1 : 1)),
  };
}
