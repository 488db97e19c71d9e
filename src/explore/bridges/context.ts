// What the three kinds of bridge share: the two resolved topics, the corpus size, how
// specific a concept is and how central a mention is to its paper.
//
// Specificity is inverse document frequency (Sparck Jones 1972, "A statistical
// interpretation of term specificity and its application in retrieval", Journal of
// Documentation 28(1)): ln(1 + N / df). Hubs are concepts in a large share of all
// papers: a path or a structural bridge through "model" connects everything and
// explains nothing. Generic concepts (Concept.generic, src/graph/relevance.ts) are
// walls for the same reason, whatever their frequency.
import type { Concept, ResolvedTopic } from '../../graph/model.ts';
import type { MentionEntry, Snapshot } from '../snapshot.ts';

export interface ContextOptions {
  /** A mention in the title counts this many times a mention in the abstract. Default 1.5. */
  titleWeight: number;
  /**
   * Concepts in more than max(hubMinPapers, hubShare × papers) papers are hubs, never
   * used as a path's intermediate or as a structural bridge. Defaults 0.05 and 10: on
   * 10,000 papers a concept in over 500 of them is a hub; on a small corpus, over 10.
   */
  hubShare: number;
  hubMinPapers: number;
}

export const CONTEXT_DEFAULTS: ContextOptions = { titleWeight: 1.5, hubShare: 0.05, hubMinPapers: 10 };

export interface Context {
  snapshot: Snapshot;
  a: ResolvedTopic;
  b: ResolvedTopic;
  idsA: Set<string>;
  idsB: Set<string>;
  /** Papers in the corpus. */
  total: number;
  hubThreshold: number;
  titleWeight: number;
}

/** What weighing concepts and mentions needs: the same for every question on one graph. */
export type Corpus = Pick<Context, 'snapshot' | 'total' | 'hubThreshold' | 'titleWeight'>;

export function corpusOf(snapshot: Snapshot, options: Partial<ContextOptions> = {}): Corpus {
  const { titleWeight, hubShare, hubMinPapers } = { ...CONTEXT_DEFAULTS, ...options };
  const total = Math.max(1, snapshot.papers.size);
  return { snapshot, total, hubThreshold: Math.max(hubMinPapers, Math.floor(hubShare * total)), titleWeight };
}

export function bridgeContext(snapshot: Snapshot, a: ResolvedTopic, b: ResolvedTopic, options: Partial<ContextOptions> = {}): Context {
  const { total, hubThreshold, titleWeight } = corpusOf(snapshot, options);
  // One literal, one object shape: the weighing functions run per mention, and an object
  // spread into another would give them a second shape to handle.
  return { snapshot, a, b, idsA: new Set(a.concepts.map((c) => c.id)), idsB: new Set(b.concepts.map((c) => c.id)), total, hubThreshold, titleWeight };
}

/** Specificity of a concept: ln(1 + N / df). */
export function idf(ctx: Corpus, conceptId: string): number {
  const df = Math.max(1, ctx.snapshot.concepts.get(conceptId)?.papers ?? 1);
  return Math.log(1 + ctx.total / df);
}

/** How central a mention is to its paper, in (0, titleWeight]: the paper's top concept scores 1. */
export function centrality(ctx: Corpus, mention: MentionEntry): number {
  const top = ctx.snapshot.mentionsByPaper.get(mention.paperId)?.[0]?.score ?? 0;
  const relative = top > 0 ? Math.max(0, mention.score) / top : 1;
  return (0.25 + 0.75 * relative) * (mention.inTitle ? ctx.titleWeight : 1);
}

/** A concept that explains nothing as a link: unknown, a hub, or generic. */
export function isWall(ctx: Corpus, concept: Concept | undefined): boolean {
  return !concept || concept.papers > ctx.hubThreshold || concept.generic;
}

export const round = (x: number) => Math.round(x * 1000) / 1000;
