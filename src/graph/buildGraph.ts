// The write side's graph step: papers + extraction → the graph a store saves.
// Counts co-occurrences, weights and prunes them (association strength), then runs
// the analytics on the concept network: Louvain communities, ForceAtlas2 positions,
// PageRank, betweenness and participation; then each concept's relevance (generic or
// specific, over the communities) and the BROADER hierarchy (nesting, subsumption). On a
// large map betweenness and the layout, the longest of them, run on worker threads
// beside the others.
// Every random step is seeded and every
// collection is visited in id order, so the same input, in any order, gives the
// identical graph.
import { associationStrength, type AssociationStrengthOptions } from './associationStrength.ts';
import { betweenness, betweennessHalves, scaledBetweenness, type BetweennessOptions } from './betweenness.ts';
import { onThread } from './analyticsThread.ts';
import { detectCommunities, type CommunityOptions } from './communities.ts';
import { createConceptGraph, type ConceptGraph } from './conceptGraph.ts';
import { conceptStats } from './conceptStats.ts';
import { compareIds, countCooccurrences, type CooccurrenceOptions } from './cooccurrence.ts';
import { layoutConcepts, type LayoutOptions } from './layout.ts';
import { MentionTable } from './mentionTable.ts';
import type { Concept, Extraction, KnowledgeGraph, MentionList, Paper } from './model.ts';
import { participationCoefficient } from './participation.ts';
import { weightedPagerank, type PagerankOptions } from './pagerank.ts';
import { conceptHierarchy } from './hierarchy.ts';
import { insertionVariants } from './insertionVariants.ts';
import { termNesting } from './nesting.ts';
import { conceptRelevance, type RelevanceOptions } from './relevance.ts';
import { documentSubsumption, type SubsumptionOptions } from './subsumption.ts';

export interface BuildOptions {
  /**
   * Called as each phase starts: cooccurrence, communities, pagerank, participation,
   * relevance, hierarchy, layout, betweenness (the last two, on a large map, the waits
   * for their threads).
   */
  onPhase?: (phase: string) => void;
  /** Concepts from which betweenness and the layout run on worker threads. Default 5000: below, starting a thread costs more than it saves. */
  threadsFrom?: number;
  /** Seed of every randomised step unless a step's own options set one. Default 1. */
  seed?: number;
  cooccurrence?: CooccurrenceOptions;
  association?: AssociationStrengthOptions;
  communities?: CommunityOptions;
  layout?: LayoutOptions;
  pagerank?: PagerankOptions;
  betweenness?: BetweennessOptions;
  relevance?: RelevanceOptions;
  subsumption?: SubsumptionOptions;
}

const DEFAULT_SEED = 1;
const DEFAULT_THREADS_FROM = 5000;

/** Input the graph cannot be built from (a caller's bug, not a user's typo). */
export class GraphBuildError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GraphBuildError';
  }
}

/**
 * Papers + extraction → the stored graph: Concept nodes with analytics, MENTIONS,
 * CO_OCCURS, BROADER. Mentions of an unknown paper or concept are dropped, and so are
 * concepts none of the given papers mentions. Concepts come sorted by id, edges by
 * source then target, with `source < target`.
 */
export async function buildGraph(papers: Paper[], extraction: Extraction, options: BuildOptions = {}): Promise<KnowledgeGraph> {
  const seed = options.seed ?? DEFAULT_SEED;
  const phase = options.onPhase ?? (() => {});

  const paperIds = uniqueIds(papers.map((paper) => paper.id), 'paper');
  const extracted = new Map(extraction.concepts.map((concept) => [concept.id, concept]));
  uniqueIds(extraction.concepts.map((concept) => concept.id), 'concept');
  // As given when every mention is of a known paper and concept (no copy of millions of them).
  const table = MentionTable.of(extraction.mentions);
  const known = table.filter((k) => paperIds.has(table.paperId(k)) && extracted.has(table.conceptId(k)));
  const mentions = known === table ? extraction.mentions : known;

  phase('cooccurrence');
  const stats = conceptStats(papers, mentions);
  const conceptIds = [...stats.keys()].sort(compareIds);
  const { cooccurrences, variants, subsumed } = pairStatistics(mentions, options);
  const graph = createConceptGraph(conceptIds, cooccurrences);
  const threaded = graph.ids.length >= (options.threadsFrom ?? DEFAULT_THREADS_FROM);
  const betweennessOptions = { seed, ...options.betweenness };
  const betweennessOnThreads = threaded ? betweennessOnTwoThreads(graph, betweennessOptions) : null;
  // Awaited once the other analytics are done; not an unhandled rejection meanwhile.
  betweennessOnThreads?.catch(() => {});

  phase('communities');
  const communities = detectCommunities(graph, { seed, ...options.communities });
  const layoutOptions = { seed, ...options.layout };
  const layoutOnThread = threaded ? onThread({ job: 'layout', graph, communities: communities.byConcept, options: layoutOptions }) : null;

  phase('pagerank');
  const pagerank = weightedPagerank(graph, options.pagerank);

  phase('participation');
  const participation = participationCoefficient(graph, communities.byConcept);

  phase('relevance');
  const relevance = conceptRelevance(mentions, communities.byConcept, communities.unclustered, { seed, ...options.relevance });

  phase('hierarchy');
  // Lexical relations: nested words, and insertion variants used alike ("spiking [neural] network").
  const nesting = [...termNesting(conceptIds.map((id) => ({ ...extracted.get(id)!, papers: stats.get(id)!.papers }))), ...variants];
  const subsumption = subsumed.filter((edge) => !(relevance.get(edge.broader)?.generic ?? false));
  const broader = conceptHierarchy(nesting, subsumption);

  phase('layout');
  const positions = layoutOnThread ? await layoutOnThread : layoutConcepts(graph, communities.byConcept, layoutOptions);

  phase('betweenness');
  const between = betweennessOnThreads ? await betweennessOnThreads : betweenness(graph, betweennessOptions);

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
      relevance: relevance.get(id)!.relevance,
      generic: relevance.get(id)!.generic,
    };
  });

  return { papers, concepts, mentions, cooccurrences, broader };
}

/**
 * Everything the graph needs from the pair counts, which are the largest structure of
 * the build (tens of millions of pairs at 85,000 papers): the weighted, pruned edges,
 * the insertion variants, and the subsumption edges before generic broader concepts are
 * left out (that test comes last in documentSubsumption, so filtering later is the same).
 * The counts are let go before the analytics run.
 */
function pairStatistics(mentions: MentionList, options: BuildOptions) {
  const counts = countCooccurrences(mentions, options.cooccurrence);
  return {
    cooccurrences: associationStrength(counts, options.association),
    variants: insertionVariants(counts),
    subsumed: documentSubsumption(counts, () => false, options.subsumption),
  };
}

function uniqueIds(ids: string[], kind: string): Set<string> {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new GraphBuildError(`duplicate ${kind} id "${id}": ids must be unique`);
    seen.add(id);
  }
  return seen;
}

/** Betweenness with each half of its searches on a worker thread: the longest of the analytics, and the main thread waits for it. */
async function betweennessOnTwoThreads(graph: ConceptGraph, options: BetweennessOptions): Promise<Map<string, number>> {
  const halves = betweennessHalves(graph, options);
  const sums = await Promise.all(halves.map((sources) => onThread({ job: 'dependencySums', graph, sources })));
  return scaledBetweenness(graph, sums, halves[0].length + halves[1].length);
}
