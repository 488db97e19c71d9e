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
import type { Snapshot } from './snapshot.ts';
import { topK } from './topK.ts';
import { trigramIndex, type TrigramIndex } from './trigramIndex.ts';

export interface SearchOptions {
  /** Results returned, concepts and papers together. */
  limit: number;
  /** At most this share of the results are papers when concepts also match. */
  paperShare: number;
}

export const SEARCH_DEFAULTS: SearchOptions = { limit: 10, paperShare: 0.4 };

/** One scan for the common case, no match; the finer tiers only for texts that match. */
function matchTier(text: string, query: string): number {
  const at = text.indexOf(query);
  if (at < 0) return 0;
  if (at === 0) return text.length === query.length ? 4 : 3;
  if (text[at - 1] === ' ' || text.includes(` ${query}`)) return 2;
  return 1;
}

interface SearchIndex {
  aliases: TrigramIndex;
  titles: TrigramIndex;
}

const indexes = new WeakMap<Snapshot, SearchIndex>();

/** The read model's search index, built on first use (the server builds it when it loads a graph). */
export function searchIndex(snapshot: Snapshot): SearchIndex {
  let index = indexes.get(snapshot);
  if (!index) {
    index = { aliases: trigramIndex(snapshot.aliasList.map(([alias]) => alias)), titles: trigramIndex(snapshot.foldedTitles.map((t) => t.folded)) };
    indexes.set(snapshot, index);
  }
  return index;
}

type ConceptHit = SearchResult & { alias: string };

const byScoreThenLabel = (a: ConceptHit, b: ConceptHit) => b.score - a.score || (a.label < b.label ? -1 : 1);
const byScoreThenYear = (a: SearchResult, b: SearchResult) => b.score - a.score || (b.year ?? 0) - (a.year ?? 0);

export function search(snapshot: Snapshot, query: string, options: Partial<SearchOptions> = {}): SearchResult[] {
  const { limit, paperShare } = { ...SEARCH_DEFAULTS, ...options };
  const q = foldText(query);
  if (q.length === 0) return [];
  const index = searchIndex(snapshot);

  const bestByConcept = new Map<string, { tier: number; alias: string }>();
  for (const i of index.aliases.candidates(q)) {
    const [alias, ids] = snapshot.aliasList[i];
    const tier = matchTier(alias, q);
    if (tier === 0) continue;
    for (const id of ids) {
      const best = bestByConcept.get(id);
      if (!best || tier > best.tier) bestByConcept.set(id, { tier, alias });
    }
  }
  const named = (snapshot.aliasIndex.get(q) ?? []).map((id) => snapshot.concepts.get(id)!);
  const family = conceptFamily(snapshot, named, { maxConcepts: named.length + limit });
  function* conceptHits(): Generator<ConceptHit> {
    for (const [id, { tier, alias }] of bestByConcept) {
      const concept = snapshot.concepts.get(id)!;
      yield { id, kind: 'concept', label: concept.label, score: tier + Math.log1p(concept.papers) / 20, papers: concept.papers, alias };
    }
    for (const narrower of family.narrower) {
      if (bestByConcept.has(narrower.id)) continue;
      const under = family.rootOf.get(narrower.id)!;
      yield { id: narrower.id, kind: 'concept', label: narrower.label, score: 3 + Math.log1p(narrower.papers) / 20, papers: narrower.papers, alias: '', narrowerOf: under.label };
    }
  }
  const concepts = topK(conceptHits(), limit, byScoreThenLabel);
  // Name the alias that matched, when it is not the label; folded only for the few shown.
  const shownConcepts: SearchResult[] = concepts.map(({ alias, ...result }) => {
    if (result.narrowerOf) return result;
    const concept = snapshot.concepts.get(result.id)!;
    const matched = foldText(concept.label) === alias ? undefined : concept.aliases.find((a) => foldText(a) === alias);
    return matched ? { ...result, matched } : result;
  });

  const paperSlots = shownConcepts.length === 0 ? limit : Math.max(1, Math.floor(limit * paperShare));
  function* paperHits(): Generator<SearchResult> {
    if (q.length < 3) return;
    for (const i of index.titles.candidates(q)) {
      const { id, folded } = snapshot.foldedTitles[i];
      const tier = matchTier(folded, q);
      if (tier === 0) continue;
      const paper = snapshot.papers.get(id)!;
      yield { id, kind: 'paper', label: paper.title, score: tier - 0.5, year: paper.year };
    }
  }
  const papers = topK(paperHits(), paperSlots, byScoreThenYear);
  const picked = [...shownConcepts.slice(0, limit - Math.min(paperSlots, papers.length)), ...papers.slice(0, paperSlots)];
  return picked.sort((a, b) => b.score - a.score).slice(0, limit);
}

