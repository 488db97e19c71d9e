// The MENTIONS graph (paper – concept) as compact adjacency for graph walks: papers and
// concepts numbered, each side's lists in one typed array (compressed sparse rows,
// Saad 2003, "Iterative Methods for Sparse Linear Systems", §3.4), in the read model's
// order (a paper's concepts most central first, a concept's papers most central
// first). A breadth-first search then marks integers in typed arrays instead of
// building string keys in maps. Built once per read model.
import type { Concept } from '../graph/model.ts';
import type { Snapshot } from './snapshot.ts';

export interface MentionGraph {
  paperIds: string[];
  conceptIds: string[];
  /** The concept numbered c (undefined for a concept mentioned but not in the read model). */
  concepts: (Concept | undefined)[];
  paperNumber: Map<string, number>;
  conceptNumber: Map<string, number>;
  /** Concepts of paper p: conceptsOf[conceptStart[p] … conceptStart[p + 1]), as snapshot.mentionsByPaper orders them. */
  conceptStart: Int32Array;
  conceptsOf: Int32Array;
  /** Papers of concept c: papersOf[paperStart[c] … paperStart[c + 1]), as snapshot.mentionsByConcept orders them. */
  paperStart: Int32Array;
  papersOf: Int32Array;
}

const built = new WeakMap<Snapshot, MentionGraph>();

function rows(keys: string[], listOf: (key: string) => number[]): { start: Int32Array; items: Int32Array } {
  const lists = keys.map(listOf);
  const start = new Int32Array(keys.length + 1);
  lists.forEach((list, i) => (start[i + 1] = start[i] + list.length));
  const items = new Int32Array(start[keys.length]);
  lists.forEach((list, i) => items.set(list, start[i]));
  return { start, items };
}

export function mentionGraph(snapshot: Snapshot): MentionGraph {
  const cached = built.get(snapshot);
  if (cached) return cached;
  const paperIds = [...new Set([...snapshot.papers.keys(), ...snapshot.mentionsByPaper.keys()])];
  const conceptIds = [...new Set([...snapshot.concepts.keys(), ...snapshot.mentionsByConcept.keys()])];
  const paperNumber = new Map(paperIds.map((id, i) => [id, i]));
  const conceptNumber = new Map(conceptIds.map((id, i) => [id, i]));
  const byPaper = rows(paperIds, (id) => (snapshot.mentionsByPaper.get(id) ?? []).map((m) => conceptNumber.get(m.conceptId)!));
  const byConcept = rows(conceptIds, (id) => (snapshot.mentionsByConcept.get(id) ?? []).map((m) => paperNumber.get(m.paperId)!));
  const graph: MentionGraph = {
    paperIds,
    conceptIds,
    concepts: conceptIds.map((id) => snapshot.concepts.get(id)),
    paperNumber,
    conceptNumber,
    conceptStart: byPaper.start,
    conceptsOf: byPaper.items,
    paperStart: byConcept.start,
    papersOf: byConcept.items,
  };
  built.set(snapshot, graph);
  return graph;
}
