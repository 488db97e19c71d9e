// The indexes the read side derives from a read model, built when the server loads a
// graph rather than on the first visitor's request: search's trigram index, the
// co-occurrence lookup of neighbourhoods and their concepts' attributes, the MENTIONS
// adjacency of bridges and what every bridges question on the graph shares.
import { prepareBridges } from './bridges/index.ts';
import { conceptColumns } from './conceptColumns.ts';
import { cooccurrenceGraph } from './cooccurrenceGraph.ts';
import { mentionGraph } from './mentionGraph.ts';
import { searchIndex } from './searchIndex.ts';
import type { Snapshot } from './snapshot.ts';

export function prepareIndexes(snapshot: Snapshot): Snapshot {
  searchIndex(snapshot);
  cooccurrenceGraph(snapshot);
  conceptColumns(snapshot);
  mentionGraph(snapshot);
  prepareBridges(snapshot);
  return snapshot;
}
