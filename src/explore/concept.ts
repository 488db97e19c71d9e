// A concept's panel: its aliases, its most central papers, its broader and narrower
// concepts, and the concepts most associated with it.
//
// Related concepts rank by association strength (van Eck & Waltman 2009: papers in
// common over the product of both concepts' papers, the CO_OCCURS weight), so a
// specific partner outranks a frequent one that merely co-occurs often; a partner
// needs `minShared` papers in common (or all of a rarer concept's papers), since on
// one or two shared papers association strength ranks chance first. Broader and
// narrower concepts have their own lists and are not repeated; generic partners come
// after the specific ones.
import type { Concept, ConceptPapersResponse, ConceptResponse, HierarchyConcept, PaperSummary, RelatedConcept } from '../graph/model.ts';
import { ExploreError } from './errors.ts';
import type { HierarchyLink, MentionEntry, Snapshot } from './snapshot.ts';

export interface ConceptOptions {
  papers: number;
  related: number;
  /** Fewest papers in common for a related concept. */
  minShared: number;
  /** Narrower concepts listed. */
  narrower: number;
}

export const CONCEPT_DEFAULTS: ConceptOptions = { papers: 20, related: 20, minShared: 3, narrower: 30 };

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

/** The concepts most associated with `id` (see the header). */
export function relatedConcepts(snapshot: Snapshot, id: string, limit: number, minShared = CONCEPT_DEFAULTS.minShared): RelatedConcept[] {
  const concept = requireConcept(snapshot, id);
  const least = Math.min(minShared, concept.papers);
  const family = new Set([...(snapshot.broader.get(id) ?? []), ...(snapshot.narrower.get(id) ?? [])].map((l) => l.id));
  const generic = (other: string) => snapshot.concepts.get(other)!.generic;
  return (snapshot.neighbours.get(id) ?? [])
    .filter((n) => n.papers >= least && !family.has(n.id))
    .sort((a, b) => Number(generic(a.id)) - Number(generic(b.id)) || b.weight - a.weight || b.papers - a.papers || (a.id < b.id ? -1 : 1))
    .slice(0, limit)
    .map((n) => ({ id: n.id, label: snapshot.concepts.get(n.id)!.label, papers: n.papers, weight: n.weight, ...(generic(n.id) ? { generic: true } : {}) }));
}

function hierarchyConcepts(snapshot: Snapshot, links: HierarchyLink[]): HierarchyConcept[] {
  return links.map((link) => {
    const other = snapshot.concepts.get(link.id)!;
    return { id: other.id, label: other.label, papers: other.papers, kind: link.kind };
  });
}

export function conceptDetails(snapshot: Snapshot, id: string, options: Partial<ConceptOptions> = {}): ConceptResponse {
  const { papers, related, minShared, narrower } = { ...CONCEPT_DEFAULTS, ...options };
  const concept = requireConcept(snapshot, id);
  const below = snapshot.narrower.get(id) ?? [];
  return {
    id: concept.id,
    label: concept.label,
    aliases: concept.aliases,
    papers: concept.papers,
    community: concept.community,
    pagerank: concept.pagerank,
    meanYear: concept.meanYear,
    relevance: concept.relevance,
    generic: concept.generic,
    topPapers: paperSummaries(snapshot, (snapshot.mentionsByConcept.get(id) ?? []).slice(0, papers)),
    related: relatedConcepts(snapshot, id, related, minShared),
    broader: hierarchyConcepts(snapshot, snapshot.broader.get(id) ?? []),
    narrower: hierarchyConcepts(snapshot, below.slice(0, narrower)),
    narrowerTotal: below.length,
  };
}

/** Every paper behind a concept's count, a page at a time. */
export function conceptPapers(snapshot: Snapshot, id: string, offset: number, limit: number): ConceptPapersResponse {
  requireConcept(snapshot, id);
  const mentions = snapshot.mentionsByConcept.get(id) ?? [];
  return { total: mentions.length, papers: paperSummaries(snapshot, mentions.slice(offset, offset + limit)) };
}
