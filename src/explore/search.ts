// Autocomplete over every concept alias and every paper title, from memory.
// Ranking: an exact alias beats a prefix, a prefix beats a word prefix, a word
// prefix beats a substring; within a tier, concepts with more papers come first.
// A query naming a concept also means its narrower concepts (family.ts): they follow
// the exact match, ranked with prefix matches, each saying which concept it is under.
// Only the texts a trigram index (trigramIndex.ts, built once per read model) lists
// for the query are tested, and only the shown results are ranked in full: the
// answer is that of testing every alias and title.
import type { SearchResult } from '../graph/model.ts';
import { conceptFamily } from './family.ts';
import { foldText } from './foldText.ts';
import { searchIndex } from './searchIndex.ts';
import type { Snapshot } from './snapshot.ts';
import { topK } from './topK.ts';

export interface SearchOptions {
  /** Results returned, concepts and papers together. */
  limit: number;
  /** At most this share of the results are papers when concepts also match. */
  paperShare: number;
}

export const SEARCH_DEFAULTS: SearchOptions = { limit: 10, paperShare: 0.4 };

/** How `text` matches `query`: 4 equal, 3 prefix, 2 word prefix, 1 substring, 0 not at all. One scan for the common case, no match. */
export function matchTier(text: string, query: string, spacedQuery: string): number {
  const at = text.indexOf(query);
  if (at < 0) return 0;
  if (at === 0) return text.length === query.length ? 4 : 3;
  if (text[at - 1] === ' ' || text.includes(spacedQuery)) return 2;
  return 1;
}

/** Narrower concepts of the concept a query names rank with prefix matches. */
const NARROWER_TIER = 3;

export function search(snapshot: Snapshot, query: string, options: Partial<SearchOptions> = {}): SearchResult[] {
  const { limit, paperShare } = { ...SEARCH_DEFAULTS, ...options };
  const q = foldText(query);
  if (q.length === 0) return [];
  const index = searchIndex(snapshot);
  const spaced = ` ${q}`;

  // The best tier of each concept over its aliases; concepts in the order first matched.
  const best = new Int8Array(index.conceptIds.length);
  const bestAlias = new Int32Array(index.conceptIds.length);
  const matched: number[] = [];
  const aliasCandidates = index.aliasTrigrams.candidates(q);
  for (let n = 0; n < aliasCandidates.length; n++) {
    const i = aliasCandidates[n];
    const tier = matchTier(index.aliases[i], q, spaced);
    if (tier === 0) continue;
    for (let k = index.aliasStart[i]; k < index.aliasStart[i + 1]; k++) {
      const c = index.aliasConcepts[k];
      if (best[c] === 0) matched.push(c);
      if (tier > best[c]) {
        best[c] = tier;
        bestAlias[c] = i;
      }
    }
  }
  const named = (snapshot.aliasIndex.get(q) ?? []).map((id) => snapshot.concepts.get(id)!);
  const family = conceptFamily(snapshot, named, { maxConcepts: named.length + limit });
  const narrower = family.narrower.filter((c) => best[index.conceptNumber.get(c.id)!] === 0);
  // Candidates: the matched concepts, then the narrower ones; ranked by tier, papers, label.
  const conceptOf = [...matched, ...narrower.map((c) => index.conceptNumber.get(c.id)!)];
  const tierOf = (item: number) => (item < matched.length ? best[conceptOf[item]] : NARROWER_TIER);
  const ranked = topK(conceptOf.keys(), limit, (x, y) => {
    const cx = conceptOf[x];
    const cy = conceptOf[y];
    return tierOf(y) - tierOf(x) || index.conceptPapers[cy] - index.conceptPapers[cx] || (index.labelRank[cx] < index.labelRank[cy] ? -1 : 1);
  });
  const shownConcepts: SearchResult[] = ranked.map((item) => {
    const concept = snapshot.concepts.get(index.conceptIds[conceptOf[item]])!;
    const result: SearchResult = { id: concept.id, kind: 'concept', label: concept.label, score: tierOf(item) + Math.log1p(concept.papers) / 20, papers: concept.papers };
    if (item >= matched.length) return { ...result, narrowerOf: family.rootOf.get(concept.id)!.label };
    // Name the alias that matched, when it is not the label; folded only for the few shown.
    const alias = index.aliases[bestAlias[conceptOf[item]]];
    const matchedAlias = foldText(concept.label) === alias ? undefined : concept.aliases.find((a) => foldText(a) === alias);
    return matchedAlias ? { ...result, matched: matchedAlias } : result;
  });

  const paperSlots = shownConcepts.length === 0 ? limit : Math.max(1, Math.floor(limit * paperShare));
  const papers: SearchResult[] = [];
  if (q.length >= 3) {
    const titleOf: number[] = [];
    const tiers: number[] = [];
    const titleCandidates = index.titleTrigrams.candidates(q);
    for (let n = 0; n < titleCandidates.length; n++) {
      const i = titleCandidates[n];
      const tier = matchTier(index.titles[i], q, spaced);
      if (tier === 0) continue;
      titleOf.push(i);
      tiers.push(tier);
    }
    const top = topK(titleOf.keys(), paperSlots, (x, y) => tiers[y] - tiers[x] || index.titleYear[titleOf[y]] - index.titleYear[titleOf[x]]);
    for (const item of top) {
      const paper = snapshot.papers.get(snapshot.foldedTitles[titleOf[item]].id)!;
      papers.push({ id: paper.id, kind: 'paper', label: paper.title, score: tiers[item] - 0.5, year: paper.year });
    }
  }

  const picked = [...shownConcepts.slice(0, limit - Math.min(paperSlots, papers.length)), ...papers];
  return picked.sort((a, b) => b.score - a.score).slice(0, limit);
}
