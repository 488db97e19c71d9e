// What search needs of a read model, prepared once per graph: trigram indexes over the
// folded aliases and titles (trigramIndex.ts), and the aliases' concepts, the
// concepts' paper counts and label order and the titles' years as integers, so that
// ranking thousands of matches compares numbers and builds objects only for the shown.
import type { Snapshot } from './snapshot.ts';
import { trigramIndex, type TrigramIndex } from './trigramIndex.ts';

export interface SearchIndex {
  /** Folded aliases, as snapshot.aliasList holds them. */
  aliases: string[];
  aliasTrigrams: TrigramIndex;
  /** Concepts of alias i (numbered as conceptIds): aliasConcepts[aliasStart[i] … aliasStart[i + 1]). */
  aliasStart: Int32Array;
  aliasConcepts: Int32Array;
  conceptIds: string[];
  conceptNumber: Map<string, number>;
  conceptPapers: Int32Array;
  /** Each concept's place in the order of labels (`<` on the text); equal labels, equal places. */
  labelRank: Int32Array;
  /** Folded titles, as snapshot.foldedTitles holds them. */
  titles: string[];
  titleTrigrams: TrigramIndex;
  /** Each title's paper year, 0 when unknown. */
  titleYear: Int32Array;
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
  const aliasConcepts = new Int32Array(aliasStart[aliases.length]);
  snapshot.aliasList.forEach(([, ids], i) => ids.forEach((id, k) => (aliasConcepts[aliasStart[i] + k] = conceptNumber.get(id)!)));
  const labels = conceptIds.map((id) => snapshot.concepts.get(id)!.label);
  const byLabel = conceptIds.map((_, i) => i).sort((x, y) => (labels[x] < labels[y] ? -1 : labels[x] > labels[y] ? 1 : 0));
  const labelRank = new Int32Array(conceptIds.length);
  byLabel.forEach((c, place) => (labelRank[c] = place > 0 && labels[byLabel[place - 1]] === labels[c] ? labelRank[byLabel[place - 1]] : place));
  const titles = snapshot.foldedTitles.map((t) => t.folded);
  const index: SearchIndex = {
    aliases,
    aliasTrigrams: trigramIndex(aliases),
    aliasStart,
    aliasConcepts,
    conceptIds,
    conceptNumber,
    conceptPapers: Int32Array.from(conceptIds, (id) => snapshot.concepts.get(id)!.papers),
    labelRank,
    titles,
    titleTrigrams: trigramIndex(titles),
    titleYear: Int32Array.from(snapshot.foldedTitles, (t) => snapshot.papers.get(t.id)?.year ?? 0),
  };
  built.set(snapshot, index);
  return index;
}
