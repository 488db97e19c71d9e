// A concept's panel: its aliases, its most central papers and its strongest neighbours.
import type { Concept, ConceptPapersResponse, ConceptResponse, PaperSummary, RelatedConcept } from '../graph/model.ts';
import { ExploreError } from './errors.ts';
import type { MentionEntry, Snapshot } from './snapshot.ts';

export interface ConceptOptions {
  papers: number;
  related: number;
}

export const CONCEPT_DEFAULTS: ConceptOptions = { papers: 20, related: 20 };

export function requireConcept(snapshot: Snapshot, id: string): Concept {
  const concept = snapshot.concepts.get(id);
  if (!concept) throw new ExploreError('not_found', `No concept with id "${id}".`);
  return concept;
}

export function paperSummaries(snapshot: Snapshot, mentions: MentionEntry[]): PaperSummary[] {
  return mentions.map((m) => {
    const paper = snapshot.papers.get(m.paperId)!;
    return { id: paper.id, title: paper.title, year: paper.year, url: paper.url };
  });
}

/**
 * Neighbours with most papers in common first: association strength alone ranks a
 * concept seen once, in one of this concept's papers, above one they share five times.
 */
export function relatedConcepts(snapshot: Snapshot, id: string, limit: number): RelatedConcept[] {
  const neighbours = [...(snapshot.neighbours.get(id) ?? [])].sort((a, b) => b.papers - a.papers || b.weight - a.weight);
  return neighbours.slice(0, limit).map((n) => ({
    id: n.id,
    label: snapshot.concepts.get(n.id)!.label,
    papers: n.papers,
    weight: n.weight,
  }));
}

export function conceptDetails(snapshot: Snapshot, id: string, options: Partial<ConceptOptions> = {}): ConceptResponse {
  const { papers, related } = { ...CONCEPT_DEFAULTS, ...options };
  const concept = requireConcept(snapshot, id);
  return {
    id: concept.id,
    label: concept.label,
    aliases: concept.aliases,
    papers: concept.papers,
    community: concept.community,
    pagerank: concept.pagerank,
    meanYear: concept.meanYear,
    topPapers: paperSummaries(snapshot, (snapshot.mentionsByConcept.get(id) ?? []).slice(0, papers)),
    related: relatedConcepts(snapshot, id, related),
  };
}

/** Every paper behind a concept's count, a page at a time. */
export function conceptPapers(snapshot: Snapshot, id: string, offset: number, limit: number): ConceptPapersResponse {
  requireConcept(snapshot, id);
  const mentions = snapshot.mentionsByConcept.get(id) ?? [];
  return { total: mentions.length, papers: paperSummaries(snapshot, mentions.slice(offset, offset + limit)) };
}
