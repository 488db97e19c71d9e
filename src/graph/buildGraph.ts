// The write side's graph step: papers + extraction → the graph a store saves.
// Counts co-occurrences, weights and prunes them (association strength), then runs
// the analytics on the concept network: Louvain communities, ForceAtlas2 positions,
// PageRank, betweenness and participation. Every random step is seeded and every
// collection is visited in id order, so the same input, in any order, gives the
// identical graph.
import { associationStrength, type AssociationStrengthOptions } from './associationStrength.ts';
import { betweenness, type BetweennessOptions } from './betweenness.ts';
import { detectCommunities, type CommunityOptions } from './communities.ts';
import { createConceptGraph } from './conceptGraph.ts';
import { conceptStats } from './conceptStats.ts';
import { compareIds, countCooccurrences, type CooccurrenceOptions } from './cooccurrence.ts';
import { layoutConcepts, type LayoutOptions } from './layout.ts';
import type { Concept, Extraction, KnowledgeGraph, Paper } from './model.ts';
import { participationCoefficient } from './participation.ts';
import { weightedPagerank, type PagerankOptions } from './pagerank.ts';

export interface BuildOptions {
  /** Called as each phase starts: cooccurrence, communities, layout, pagerank, betweenness, participation. */
  onPhase?: (phase: string) => void;
  /** Seed of every randomised step unless a step's own options set one. Default 1. */
  seed?: number;
  cooccurrence?: CooccurrenceOptions;
  association?: AssociationStrengthOptions;
  communities?: CommunityOptions;
  layout?: LayoutOptions;
  pagerank?: PagerankOptions;
  betweenness?: BetweennessOptions;
}

const DEFAULT_SEED = 1;

/** Input the graph cannot be built from (a caller's bug, not a user's typo). */
export class GraphBuildError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GraphBuildError';
  }
}

/**
 * Papers + extraction → the stored graph: Concept nodes with analytics, MENTIONS,
 * CO_OCCURS. Mentions of an unknown paper or concept are dropped, and so are
 * concepts none of the given papers mentions. Concepts come sorted by id, edges by
 * source then target, with `source < target`.
 */
export function buildGraph(papers: Paper[], extraction: Extraction, options: BuildOptions = {}): KnowledgeGraph {
  const seed = options.seed ?? DEFAULT_SEED;
  const phase = options.onPhase ?? (() => {});

  const paperIds = uniqueIds(papers.map((paper) => paper.id), 'paper');
  const extracted = new Map(extraction.concepts.map((concept) => [concept.id, concept]));
  uniqueIds(extraction.concepts.map((concept) => concept.id), 'concept');
  const mentions = extraction.mentions.filter(
    (mention) => paperIds.has(mention.paperId) && extracted.has(mention.conceptId),
  );

  phase('cooccurrence');
  const stats = conceptStats(papers, mentions);
  const conceptIds = [...stats.keys()].sort(compareIds);
  const cooccurrences = associationStrength(countCooccurrences(mentions, options.cooccurrence), options.association);
  const graph = createConceptGraph(conceptIds, cooccurrences);

  phase('communities');
  const communities = detectCommunities(graph, { seed, ...options.communities });

  phase('layout');
  const positions = layoutConcepts(graph, communities.byConcept, { seed, ...options.layout });

  phase('pagerank');
  const pagerank = weightedPagerank(graph, options.pagerank);

  phase('betweenness');
  const between = betweenness(graph, { seed, ...options.betweenness });

  phase('participation');
  const participation = participationCoefficient(graph, communities.byConcept);

  const concepts: Concept[] = conceptIds.map((id) => {
    const { label, aliases, score } = extracted.get(id)!;
    const { papers: paperCount, mentions: mentionCount, meanYear } = stats.get(id)!;
    const { x, y } = positions.get(id)!;
    return {
      id,
      label,
      aliases,
      papers: paperCount,
      mentions: mentionCount,
      score,
      community: communities.byConcept.get(id)!,
      x,
      y,
      pagerank: pagerank.get(id)!,
      betweenness: between.get(id)!,
      participation: participation.get(id)!,
      meanYear,
    };
  });

  return { papers, concepts, mentions, cooccurrences };
}

function uniqueIds(ids: string[], kind: string): Set<string> {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new GraphBuildError(`duplicate ${kind} id "${id}": ids must be unique`);
    seen.add(id);
  }
  return seen;
}
