// What search needs of a read model, prepared once per graph: prefix indexes (sorted
// texts and word suffixes, prefixIndex.ts) and trigram indexes (trigramIndex.ts) over
// the folded aliases and titles, and the aliases' concepts, each concept's aliases, the
// concepts' paper counts and label order and the titles' years as integers, so that
// ranking thousands of matches compares numbers and builds objects only for the shown.
import { prefixIndex, type PrefixIndex } from './prefixIndex.ts';
import type { Snapshot } from './snapshot.ts';
import { trigramIndex, type TrigramIndex } from './trigramIndex.ts';

/**
 * Per-query marks, one slot per concept or title, reused by every query (search runs
 * synchronously, one query at a time): slot x holds a mark for this query when
 * `seen[x] === generation`, so no query clears or allocates arrays of the corpus' size.
 */
export interface Marks {
  seen: Int32Array;
  tier: Int8Array;
  generation: number;
}

/** Which items row r holds: items[start[r] … start[r + 1]). */
export interface Rows {
  start: Int32Array;
  items: Int32Array;
}

export interface SearchIndex {
  /** Folded aliases, as snapshot.aliasList holds them. */
  aliases: string[];
  aliasTrigrams: TrigramIndex;
  aliasPrefixes: PrefixIndex;
  /** Concepts of alias i, numbered as conceptIds. */
  aliasConcepts: Rows;
  /** Each title stands for itself, so search marks titles as it marks aliases' concepts. */
  titleRows: Rows;
  /** Aliases of concept c, ascending: the inverse of aliasConcepts. */
  conceptAliases: Rows;
  conceptIds: string[];
  conceptNumber: Map<string, number>;
  conceptPapers: Int32Array;
  /** Each concept's place in the order of labels (`<` on the text); equal labels, equal places. */
  labelRank: Int32Array;
  /** Folded titles, as snapshot.foldedTitles holds them. */
  titles: string[];
  titleTrigrams: TrigramIndex;
  titlePrefixes: PrefixIndex;
  /** Each title's paper year, 0 when unknown. */
  titleYear: Int32Array;
  conceptMarks: Marks;
  titleMarks: Marks;
}

function marks(size: number): Marks {
  return { seen: new Int32Array(size), tier: new Int8Array(size), generation: 0 };
}

/** The inverse of the alias → concepts rows: each concept's aliases, in ascending order. */
function invert({ start: rowStart, items }: Rows, columns: number): Rows {
  const start = new Int32Array(columns + 1);
  for (let k = 0; k < items.length; k++) start[items[k] + 1]++;
  for (let c = 0; c < columns; c++) start[c + 1] += start[c];
  const filled = start.slice(0, columns);
  const out = new Int32Array(items.length);
  for (let row = 0; row + 1 < rowStart.length; row++) for (let k = rowStart[row]; k < rowStart[row + 1]; k++) out[filled[items[k]]++] = row;
  return { start, items: out };
}

const built = new WeakMap<Snapshot, SearchIndex>();

export function searchIndex(snapshot: Snapshot): SearchIndex {
  const cached = built.get(snapshot);
  if (cached) return cached;
  const conceptIds = [...snapshot.concepts.keys()];
  const conceptNumber = new Map(conceptIds.map((id, i) => [id, i]));
  const aliases = snapshot.aliasList.map(([alias]) => alias);
  const aliasStart = new Int32Array(aliases.length + 1);
  snapshot.aliasList.forEach(([, ids], i) => (aliasStart[i + 1] = aliasStart[i] + ids.length));
  const aliasConcepts: Rows = { start: aliasStart, items: new Int32Array(aliasStart[aliases.length]) };
  snapshot.aliasList.forEach(([, ids], i) => ids.forEach((id, k) => (aliasConcepts.items[aliasStart[i] + k] = conceptNumber.get(id)!)));
  const labels = conceptIds.map((id) => snapshot.concepts.get(id)!.label);
  const byLabel = conceptIds.map((_, i) => i).sort((x, y) => (labels[x] < labels[y] ? -1 : labels[x] > labels[y] ? 1 : 0));
  const labelRank = new Int32Array(conceptIds.length);
  byLabel.forEach((c, place) => (labelRank[c] = place > 0 && labels[byLabel[place - 1]] === labels[c] ? labelRank[byLabel[place - 1]] : place));
  const titles = snapshot.foldedTitles.map((t) => t.folded);
  const index: SearchIndex = {
    aliases,
    aliasTrigrams: trigramIndex(aliases),
    aliasPrefixes: prefixIndex(aliases),
    aliasConcepts,
    titleRows: { start: Int32Array.from({ length: titles.length + 1 }, (_, i) => i), items: Int32Array.from(titles.keys()) },
    conceptAliases: invert(aliasConcepts, conceptIds.length),
    conceptIds,
    conceptNumber,
    conceptPapers: Int32Array.from(conceptIds, (id) => snapshot.concepts.get(id)!.papers),
    labelRank,
    titles,
    titleTrigrams: trigramIndex(titles),
    titlePrefixes: prefixIndex(titles),
    titleYear: Int32Array.from(snapshot.foldedTitles, (t) => snapshot.papers.get(t.id)?.year ?? 0),
    conceptMarks: marks(conceptIds.length),
    titleMarks: marks(titles.length),
  };
  built.set(snapshot, index);
  return index;
}
