// Autocomplete over every concept alias and every paper title, from memory.
// Ranking: an exact alias beats a prefix, a prefix beats a word prefix, a word
// prefix beats a substring; within a tier, concepts with more papers come first.
// A query naming a concept also means its narrower concepts (family.ts): they follow
// the exact match, ranked with prefix matches, each saying which concept it is under.
// Prefix and word-prefix matches are read as ranges of sorted arrays (prefixIndex.ts);
// substrings are looked for (through the trigram index, trigramIndex.ts) only when
// those fill fewer places than are shown, since every substring match ranks below
// them; only the shown results are ranked in full. The answer is that of testing every
// alias and title and sorting every match, ties in the order of the aliases and titles.
import type { SearchResult } from '../graph/model.ts';
import { conceptFamily } from './family.ts';
import { foldText } from './foldText.ts';
import type { PrefixIndex } from './prefixIndex.ts';
import { searchIndex, type Marks, type Rows, type SearchIndex } from './searchIndex.ts';
import type { Snapshot } from './snapshot.ts';
import { topK } from './topK.ts';
import type { TrigramIndex } from './trigramIndex.ts';

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

/** The items a query matched, in the order first met, each with its best tier in `marks.tier`. */
interface Matches {
  items: number[];
  marks: Marks;
}


function begin(marks: Marks): Matches {
  marks.generation = (marks.generation + 1) | 0 || 1;
  return { items: [], marks };
}

function mark(matches: Matches, item: number, tier: number): void {
  const { seen, tier: tiers, generation } = matches.marks;
  if (seen[item] !== generation) {
    seen[item] = generation;
    tiers[item] = tier;
    matches.items.push(item);
  } else if (tier > tiers[item]) tiers[item] = tier;
}

function tierOf(matches: Matches, item: number): number {
  return matches.marks.seen[item] === matches.marks.generation ? matches.marks.tier[item] : 0;
}

/** Marks the items of the texts order[from … to) with `tier`. */
function markRange(matches: Matches, rows: Rows, order: Int32Array, from: number, to: number, tier: number): void {
  for (let n = from; n < to; n++) {
    const text = order[n];
    for (let k = rows.start[text]; k < rows.start[text + 1]; k++) mark(matches, rows.items[k], tier);
  }
}

/** Matches at tier 2 or more: the texts equal to `q` (4), starting with it (3), then with a word starting with it (2). */
function markPrefixes(matches: Matches, rows: Rows, prefixes: PrefixIndex, texts: string[], q: string): void {
  const [from, to] = prefixes.prefixed(q);
  // The texts equal to the query sort first among those it starts.
  let equal = from;
  while (equal < to && texts[prefixes.sorted[equal]].length === q.length) equal++;
  markRange(matches, rows, prefixes.sorted, from, equal, 4);
  markRange(matches, rows, prefixes.sorted, equal, to, 3);
  const [wordFrom, wordTo] = prefixes.wordPrefixed(q);
  markRange(matches, rows, prefixes.wordText, wordFrom, wordTo, 2);
}

/** Substring matches (tier 1), for when the higher tiers leave places. */
function markSubstrings(matches: Matches, rows: Rows, trigrams: TrigramIndex, texts: string[], q: string, spaced: string): void {
  const candidates = trigrams.candidates(q);
  for (let n = 0; n < candidates.length; n++) {
    const tier = matchTier(texts[candidates[n]], q, spaced);
    if (tier > 0) markRange(matches, rows, candidates, n, n + 1, tier);
  }
}

/** Concept c's best tier over its aliases, and the first alias reaching it. */
function bestAlias(index: SearchIndex, c: number, q: string, spaced: string): { tier: number; alias: number } {
  let best = { tier: 0, alias: -1 };
  const { start, items } = index.conceptAliases;
  for (let k = start[c]; k < start[c + 1]; k++) {
    const alias = items[k];
    const tier = matchTier(index.aliases[alias], q, spaced);
    if (tier > best.tier) best = { tier, alias };
  }
  return best;
}

/**
 * Where a full scan of the aliases would first have met concept c: its first matching
 * alias and its place in that alias' list. Needed only to order concepts equal in tier,
 * papers and label.
 */
function firstMet(index: SearchIndex, c: number, q: string, spaced: string): number {
  const { start, items } = index.conceptAliases;
  for (let k = start[c]; k < start[c + 1]; k++) {
    const alias = items[k];
    if (matchTier(index.aliases[alias], q, spaced) === 0) continue;
    let place = index.aliasConcepts.start[alias];
    while (index.aliasConcepts.items[place] !== c) place++;
    return place;
  }
  return -1;
}

function rankConcepts(snapshot: Snapshot, index: SearchIndex, q: string, limit: number): SearchResult[] {
  const spaced = ` ${q}`;
  const matches = begin(index.conceptMarks);
  markPrefixes(matches, index.aliasConcepts, index.aliasPrefixes, index.aliases, q);
  // Narrower concepts of the named one that match no alias rank as prefix matches, after every match.
  const named = (snapshot.aliasIndex.get(q) ?? []).map((id) => snapshot.concepts.get(id)!);
  const family = conceptFamily(snapshot, named, { maxConcepts: named.length + limit });
  const narrowerPlace = new Map<number, number>();
  for (const concept of family.narrower) {
    const c = index.conceptNumber.get(concept.id)!;
    if (tierOf(matches, c) > 0) continue;
    const { tier } = bestAlias(index, c, q, spaced);
    if (tier > 0) mark(matches, c, tier);
    else {
      narrowerPlace.set(c, narrowerPlace.size);
      mark(matches, c, NARROWER_TIER);
    }
  }
  let aboveSubstrings = 0;
  for (const c of matches.items) if (tierOf(matches, c) >= 2) aboveSubstrings++;
  if (aboveSubstrings < limit) markSubstrings(matches, index.aliasConcepts, index.aliasTrigrams, index.aliases, q, spaced);

  const tiers = matches.marks.tier;
  const met = new Map<number, number>();
  const order = (c: number) => {
    let place = met.get(c);
    if (place === undefined) {
      const narrower = narrowerPlace.get(c);
      met.set(c, (place = narrower === undefined ? firstMet(index, c, q, spaced) : index.aliasConcepts.items.length + narrower));
    }
    return place;
  };
  const shown = topK(
    matches.items,
    limit,
    (x, y) => tiers[y] - tiers[x] || index.conceptPapers[y] - index.conceptPapers[x] || index.labelRank[x] - index.labelRank[y] || order(x) - order(y),
  );
  return shown.map((c) => {
    const concept = snapshot.concepts.get(index.conceptIds[c])!;
    const tier = tierOf(matches, c);
    const result: SearchResult = { id: concept.id, kind: 'concept', label: concept.label, score: tier + Math.log1p(concept.papers) / 20, papers: concept.papers };
    if (narrowerPlace.has(c)) return { ...result, narrowerOf: family.rootOf.get(concept.id)!.label };
    // Name the alias that matched, when it is not the label; folded only for the few shown.
    const alias = index.aliases[bestAlias(index, c, q, spaced).alias];
    const matchedAlias = foldText(concept.label) === alias ? undefined : concept.aliases.find((a) => foldText(a) === alias);
    return matchedAlias ? { ...result, matched: matchedAlias } : result;
  });
}

function rankPapers(snapshot: Snapshot, index: SearchIndex, q: string, slots: number): SearchResult[] {
  const spaced = ` ${q}`;
  const matches = begin(index.titleMarks);
  markPrefixes(matches, index.titleRows, index.titlePrefixes, index.titles, q);
  if (matches.items.length < slots) markSubstrings(matches, index.titleRows, index.titleTrigrams, index.titles, q, spaced);
  const tiers = matches.marks.tier;
  const top = topK(matches.items, slots, (x, y) => tiers[y] - tiers[x] || index.titleYear[y] - index.titleYear[x] || x - y);
  return top.map((t) => {
    const paper = snapshot.papers.get(snapshot.foldedTitles[t].id)!;
    return { id: paper.id, kind: 'paper', label: paper.title, score: tierOf(matches, t) - 0.5, year: paper.year };
  });
}

export function search(snapshot: Snapshot, query: string, options: Partial<SearchOptions> = {}): SearchResult[] {
  const { limit, paperShare } = { ...SEARCH_DEFAULTS, ...options };
  const q = foldText(query);
  if (q.length === 0) return [];
  const index = searchIndex(snapshot);
  const shownConcepts = rankConcepts(snapshot, index, q, limit);
  const paperSlots = shownConcepts.length === 0 ? limit : Math.max(1, Math.floor(limit * paperShare));
  const papers = q.length >= 3 ? rankPapers(snapshot, index, q, paperSlots) : [];
  const picked = [...shownConcepts.slice(0, limit - Math.min(paperSlots, papers.length)), ...papers];
  return picked.sort((a, b) => b.score - a.score).slice(0, limit);
}
