// Topic resolution for the bridges question: what the user typed → a set of concepts.
// In order: `community:N` or a community's label → its member concepts; a concept id,
// label or alias (folded: case, accents, hyphens ignored) → that concept and its
// narrower concepts (family.ts); otherwise free text → the concepts whose aliases
// contain every word of it, most papers first, and their narrower concepts. The note
// names every concept taken. A topic that matches nothing fails with near matches
// (edit distance over aliases), so a typo gets a "did you mean" instead of an empty answer.
import type { Concept } from '../graph/model.ts';
import type { ConceptRef, ResolvedTopic } from '../graph/model.ts';
import { ExploreError } from './errors.ts';
import { conceptFamily, describeFamily, type FamilyOptions } from './family.ts';
import { foldText } from './foldText.ts';
import type { Snapshot } from './snapshot.ts';

export interface TopicOptions {
  /** Free text stands for at most this many concepts (the ones in most papers). */
  maxTextConcepts: number;
  /** Near matches offered when a topic is unknown. */
  suggestions: number;
  /** How far down the hierarchy a concept's topic reaches. */
  family: Partial<FamilyOptions>;
}

export const TOPIC_DEFAULTS: TopicOptions = { maxTextConcepts: 12, suggestions: 5, family: {} };

export function conceptRef(concept: Concept): ConceptRef {
  return { id: concept.id, label: concept.label, papers: concept.papers };
}

const byPapers = (a: Concept, b: Concept) => b.papers - a.papers || (a.id < b.id ? -1 : 1);

function topic(query: string, kind: ResolvedTopic['kind'], label: string, concepts: Concept[], note: string): ResolvedTopic {
  const sorted = [...concepts].sort(byPapers);
  return {
    query,
    kind,
    label,
    concepts: sorted.map(conceptRef),
    communities: [...new Set(sorted.map((c) => c.community))].sort((x, y) => x - y),
    note,
  };
}

function communityTopic(snapshot: Snapshot, query: string, id: number): ResolvedTopic {
  const summary = snapshot.communities.get(id);
  if (!summary) {
    const known = [...snapshot.communities.keys()];
    const range = known.length ? ` (communities are numbered ${Math.min(...known)} to ${Math.max(...known)})` : '';
    throw new ExploreError('not_found', `No community ${id}${range}.`);
  }
  const members = [...snapshot.concepts.values()].filter((c) => c.community === id);
  return topic(query, 'community', summary.label, members, `community ${id} of the concept map (${members.length} concepts: ${summary.label})`);
}

function wordsOf(folded: string): string[] {
  return folded.split(' ').filter(Boolean);
}

/** Edit distance counting a swap of neighbours as one edit ("STPD" is one from "STDP"); gives up (max + 1) past `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) current[j] = Math.min(current[j], before[j - 2] + 1);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length];
}

/** Labels of the concepts whose aliases are closest to `folded`: typos first, then shared words. */
export function nearMatches(snapshot: Snapshot, folded: string, limit: number): string[] {
  const max = Math.max(1, Math.floor(folded.length / 4));
  const scored = new Map<string, number>();
  const words = new Set(wordsOf(folded).filter((w) => w.length >= 3));
  for (const [alias, ids] of snapshot.aliasIndex) {
    let rank = editDistance(folded, alias, max);
    if (rank > max) {
      // No typo-distance match: an alias sharing a word (or a word's start) is the next best thing.
      const shared = wordsOf(alias).some((w) => [...words].some((q) => w.startsWith(q.slice(0, Math.max(3, q.length - 2)))));
      if (!shared) continue;
      rank = max + 1;
    }
    for (const id of ids) {
      const best = scored.get(id);
      if (best === undefined || rank < best) scored.set(id, rank);
    }
  }
  return [...scored]
    .map(([id, rank]) => ({ concept: snapshot.concepts.get(id)!, rank }))
    .sort((x, y) => x.rank - y.rank || byPapers(x.concept, y.concept))
    .slice(0, limit)
    .map(({ concept }) => concept.label);
}

/** What `query` means as a topic. Throws ExploreError `bad_input` (empty) or `not_found` (with near matches). */
export function resolveTopic(snapshot: Snapshot, query: string, options: Partial<TopicOptions> = {}): ResolvedTopic {
  const { maxTextConcepts, suggestions, family: familyOptions } = { ...TOPIC_DEFAULTS, ...options };
  const folded = foldText(query);
  if (folded.length === 0) throw new ExploreError('bad_input', 'A topic is empty: give a concept, some words or "community:N".');

  const community = /^\s*community\s*[:#]?\s*(\d+)\s*$/i.exec(query);
  if (community) return communityTopic(snapshot, query, Number(community[1]));

  const exact = snapshot.aliasIndex.get(folded);
  if (exact) {
    const concepts = exact.map((id) => snapshot.concepts.get(id)!).sort(byPapers);
    const [first] = concepts;
    const matched = foldText(first.label) === folded ? 'its label' : `the alias "${query.trim()}"`;
    const family = conceptFamily(snapshot, concepts, familyOptions);
    const note = `the concept "${first.label}" (by ${matched}, ${first.papers} papers)${describeFamily(family)}`;
    return topic(query, 'concept', first.label, family.concepts, note);
  }

  for (const summary of snapshot.communities.values()) {
    if (foldText(summary.label) === folded) return communityTopic(snapshot, query, summary.id);
  }

  const words = wordsOf(folded);
  const matches: Concept[] = [];
  for (const [alias, ids] of snapshot.aliasIndex) {
    const aliasWords = new Set(wordsOf(alias));
    if (!words.every((w) => aliasWords.has(w))) continue;
    for (const id of ids) matches.push(snapshot.concepts.get(id)!);
  }
  const unique = [...new Map(matches.map((c) => [c.id, c])).values()].sort(byPapers);
  if (unique.length > 0) {
    const used = unique.slice(0, maxTextConcepts);
    const more = unique.length > used.length ? ` (the ${used.length} in most papers of ${unique.length} matching)` : '';
    const family = conceptFamily(snapshot, used, familyOptions);
    const note = `free text matching ${used.length} concept${used.length === 1 ? '' : 's'}${more}: ${used.map((c) => c.label).join(', ')}${describeFamily(family)}`;
    return topic(query, 'text', query.trim(), family.concepts, note);
  }

  const near = nearMatches(snapshot, folded, suggestions);
  const hint = near.length ? ` Did you mean ${near.map((l) => `"${l}"`).join(', ')}?` : ' Try a concept from the map, or "community:N".';
  throw new ExploreError('not_found', `No concept matches the topic "${query.trim()}".${hint}`);
}

/**
 * Both topics, made disjoint. A concept both topics matched stays with the topic that
 * named it exactly (or the narrower one), so no paper bridges a topic to itself. Two
 * topics that come to the same concepts are refused: there is nothing to bridge.
 */
export function resolveTopicPair(snapshot: Snapshot, a: string, b: string, options: Partial<TopicOptions> = {}): { a: ResolvedTopic; b: ResolvedTopic } {
  const ta = resolveTopic(snapshot, a, options);
  const tb = resolveTopic(snapshot, b, options);
  const idsA = new Set(ta.concepts.map((c) => c.id));
  const idsB = new Set(tb.concepts.map((c) => c.id));
  const shared = [...idsA].filter((id) => idsB.has(id));
  if (shared.length === 0) return { a: ta, b: tb };
  if (shared.length === idsA.size && shared.length === idsB.size) {
    throw new ExploreError('bad_input', `"${a.trim()}" and "${b.trim()}" are the same topic (${ta.note}); give two different topics.`);
  }
  const aKeeps = ta.kind === 'concept' && tb.kind !== 'concept' ? true : tb.kind === 'concept' && ta.kind !== 'concept' ? false : idsA.size <= idsB.size;
  const [keeper, loser] = aKeeps ? [ta, tb] : [tb, ta];
  const remaining = loser.concepts.filter((c) => !shared.includes(c.id));
  if (remaining.length === 0) {
    throw new ExploreError(
      'bad_input',
      `"${loser.query.trim()}" lies inside "${keeper.query.trim()}" (both match ${shared.map((id) => snapshot.concepts.get(id)!.label).join(', ')}); give two different topics.`,
    );
  }
  const trimmed: ResolvedTopic = {
    ...loser,
    concepts: remaining,
    communities: [...new Set(remaining.map((c) => snapshot.concepts.get(c.id)!.community))].sort((x, y) => x - y),
    note: `${loser.note}; without ${shared.map((id) => snapshot.concepts.get(id)!.label).join(', ')}, which belong to "${keeper.query.trim()}"`,
  };
  return aKeeps ? { a: ta, b: trimmed } : { a: trimmed, b: tb };
}
