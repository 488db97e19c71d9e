// Which papers connect two topics, and why: the orchestrator of the three answers, each
// in its module with its method cited — direct.ts (papers mentioning both, by
// specificity), paths.ts (Swanson's ABC paths when few papers do), structural.ts
// (concepts and papers between the topics' communities, Guimerà & Amaral) — over the
// shared context (context.ts) and in the words of reasons.ts. A topic is resolved by
// topics.ts: a concept with its narrower concepts, free text, or a community.
import type { BridgesResponse } from '../../graph/model.ts';
import type { GraphReader } from '../../store/GraphStore.ts';
import type { Snapshot } from '../snapshot.ts';
import { resolveTopicPair, type TopicOptions } from '../topics.ts';
import { mentionGraph } from '../mentionGraph.ts';
import { bridgeContext, CONTEXT_DEFAULTS, corpusOf, type ContextOptions } from './context.ts';
import { directBridges } from './direct.ts';
import { connectingPaths, notWalls, PATH_DEFAULTS, type PathOptions } from './paths.ts';
import { betweennessRanks, mentionWeights, STRUCTURAL_DEFAULTS, structuralBridges, type StructuralOptions } from './structural.ts';

/** One options object for the whole answer; `limit` applies to every kind. */
export type BridgesOptions = ContextOptions & PathOptions & StructuralOptions & { topics: Partial<TopicOptions> };

export const BRIDGES_DEFAULTS: BridgesOptions = { ...CONTEXT_DEFAULTS, ...PATH_DEFAULTS, ...STRUCTURAL_DEFAULTS, topics: {} };

/** The papers, paths and structural bridges connecting topics `a` and `b`. */
export async function findBridges(
  store: GraphReader,
  snapshot: Snapshot,
  a: string,
  b: string,
  options: Partial<BridgesOptions> = {},
): Promise<BridgesResponse> {
  const opts = { ...BRIDGES_DEFAULTS, ...options };
  const topics = resolveTopicPair(snapshot, a, b, opts.topics);
  const ctx = bridgeContext(snapshot, topics.a, topics.b, opts);
  const direct = await directBridges(store, ctx, opts);
  const { paths, note } = connectingPaths(ctx, direct.paperIds.size, opts);
  const structural = structuralBridges(ctx, direct.paperIds, opts);
  return { a: topics.a, b: topics.b, papers: direct.papers, paths, structural, totalDirect: direct.paperIds.size, pathNote: note };
}

/**
 * Builds what every question on this graph shares (walls, mention weights, betweenness
 * ranks), for the default options, when the server loads a graph: the first visitor to
 * ask for bridges would otherwise wait for it.
 */
export function prepareBridges(snapshot: Snapshot, options: Partial<ContextOptions> = {}): void {
  const corpus = corpusOf(snapshot, options);
  const graph = mentionGraph(snapshot);
  notWalls(corpus, graph);
  mentionWeights(corpus, graph);
  betweennessRanks(snapshot);
}
