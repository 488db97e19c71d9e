// Every concept's map attributes as the map draws them (mapGraph.ts conceptNode: rounded,
// sized against the corpus' biggest concept), by concept number of the co-occurrence
// graph (cooccurrenceGraph.ts). Built once per read model: a neighbourhood then copies
// its concepts' values, where rounding, formatting and looking up each concept by id
// per answer was a third of a depth-2 answer's time.
import { cooccurrenceGraph } from './cooccurrenceGraph.ts';
import { conceptNode } from './mapGraph.ts';
import type { Snapshot } from './snapshot.ts';

export interface ConceptAttributeColumns {
  label: string[];
  x: Float64Array;
  y: Float64Array;
  size: Float64Array;
  community: Int32Array;
  papers: Int32Array;
  year: (number | null)[];
  pagerank: Float64Array;
}

const built = new WeakMap<Snapshot, ConceptAttributeColumns>();

export function conceptColumns(snapshot: Snapshot): ConceptAttributeColumns {
  const cached = built.get(snapshot);
  if (cached) return cached;
  const { conceptIds } = cooccurrenceGraph(snapshot);
  const n = conceptIds.length;
  const columns: ConceptAttributeColumns = {
    label: new Array(n),
    x: new Float64Array(n),
    y: new Float64Array(n),
    size: new Float64Array(n),
    community: new Int32Array(n),
    papers: new Int32Array(n),
    year: new Array(n),
    pagerank: new Float64Array(n),
  };
  const maxPapers = snapshot.concepts.get(snapshot.conceptsByPapers[0])?.papers ?? 1;
  conceptIds.forEach((id, c) => {
    const concept = snapshot.concepts.get(id);
    // An id known only from neighbour lists (none in a consistent store) has no attributes.
    if (!concept) return;
    const { attributes } = conceptNode(concept, maxPapers);
    columns.label[c] = attributes.label;
    columns.x[c] = attributes.x;
    columns.y[c] = attributes.y;
    columns.size[c] = attributes.size;
    columns.community[c] = attributes.community;
    columns.papers[c] = attributes.papers;
    columns.year[c] = attributes.year;
    columns.pagerank[c] = attributes.pagerank!;
  });
  built.set(snapshot, columns);
  return columns;
}
