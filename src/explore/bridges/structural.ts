// Structural bridges: concepts and papers sitting between the communities of A and B.
//
// Method: the participation coefficient (Guimerà & Amaral 2005, "Functional cartography
// of complex metabolic networks", Nature 433) and betweenness stored on each concept at
// ingest, for concepts co-occurring with both sides in balance; for papers, how evenly
// their concepts' weight spreads over the two sides (the paper's participation in the
// two communities), papers mentioning both topics left to the direct answer. Each side
// is the topic's own concepts plus the members of its communities that the other
// topic does not share. Hubs and generic concepts are never structural bridges.
// Link weights and paper masses add up in typed arrays over the read model's compact
// adjacency (cooccurrenceGraph.ts, mentionGraph.ts), not in maps keyed by id.
import type { Concept, StructuralBridge } from '../../graph/model.ts';
import { cooccurrenceGraph } from '../cooccurrenceGraph.ts';
import { mentionGraph, type MentionGraph } from '../mentionGraph.ts';
import type { Snapshot } from '../snapshot.ts';
import { centrality, idf, isWall, round, type Context, type Corpus } from './context.ts';
import { structuralConceptReason, structuralPaperReason } from './reasons.ts';

export interface StructuralOptions {
  /** Bridges of each kind (concepts, papers). Default 10. */
  limit: number;
  /** Bridges weaker than this (0–1: balance between the sides for concepts, the weaker side's doubled share for papers) are left out. Default 0.1. */
  minStructural: number;
}

export const STRUCTURAL_DEFAULTS: StructuralOptions = { limit: 10, minStructural: 0.1 };

export function structuralBridges(ctx: Context, excludePapers: Set<string>, options: Partial<StructuralOptions> = {}): StructuralBridge[] {
  const { limit, minStructural } = { ...STRUCTURAL_DEFAULTS, ...options };
  const { zoneA, zoneB } = zones(ctx);
  return [...betweenConcepts(ctx, zoneA, zoneB, limit, minStructural), ...betweenPapers(ctx, zoneA, zoneB, excludePapers, limit, minStructural)];
}

function zones(ctx: Context): { zoneA: Set<string>; zoneB: Set<string> } {
  const commA = new Set(ctx.a.communities);
  const commB = new Set(ctx.b.communities);
  const zoneA = new Set(ctx.idsA);
  const zoneB = new Set(ctx.idsB);
  for (const c of ctx.snapshot.concepts.values()) {
    if (commA.has(c.community) && !commB.has(c.community) && !ctx.idsB.has(c.id)) zoneA.add(c.id);
    if (commB.has(c.community) && !commA.has(c.community) && !ctx.idsA.has(c.id)) zoneB.add(c.id);
  }
  return { zoneA, zoneB };
}

/** Links counted for each concept's reason: the first few concepts of each side it co-occurs with. */
const REASON_LINKS = 3;

function betweenConcepts(ctx: Context, zoneA: Set<string>, zoneB: Set<string>, limit: number, minStructural: number): StructuralBridge[] {
  const graph = cooccurrenceGraph(ctx.snapshot);
  const size = graph.conceptIds.length;
  // Per concept: the weight of its links to each side, and the first linked concepts of each.
  const weightA = new Float64Array(size);
  const weightB = new Float64Array(size);
  const firstA = new Int32Array(size * REASON_LINKS);
  const firstB = new Int32Array(size * REASON_LINKS);
  const countA = new Uint8Array(size);
  const countB = new Uint8Array(size);
  const collect = (zone: Set<string>, own: Set<string>, weights: Float64Array, first: Int32Array, count: Uint8Array) => {
    for (const x of zone) {
      const i = graph.conceptNumber.get(x);
      if (i === undefined) continue;
      // Links to the topic's own concepts count double: they are the topic, not its surroundings.
      const factor = own.has(x) ? 2 : 1;
      for (let k = graph.start[i]; k < graph.start[i + 1]; k++) {
        const n = graph.neighbour[k];
        weights[n] += graph.weight[k] * factor;
        if (count[n] < REASON_LINKS) first[n * REASON_LINKS + count[n]++] = i;
      }
    }
  };
  collect(zoneA, ctx.idsA, weightA, firstA, countA);
  collect(zoneB, ctx.idsB, weightB, firstB, countB);
  const { maxBetweenness, rankOf } = betweennessRanks(ctx.snapshot);
  const maxIdf = Math.log(1 + ctx.total);
  const scored: { concept: Concept; score: number; n: number }[] = [];
  for (let n = 0; n < size; n++) {
    const a = weightA[n];
    const b = weightB[n];
    const id = graph.conceptIds[n];
    if (a <= 0 || b <= 0 || ctx.idsA.has(id) || ctx.idsB.has(id)) continue;
    const concept = ctx.snapshot.concepts.get(id);
    if (!concept || isWall(ctx, concept)) continue;
    const balance = Math.min(a, b) / Math.max(a, b);
    if (balance < minStructural) continue;
    const position = (concept.participation + (maxBetweenness > 0 ? concept.betweenness / maxBetweenness : 0)) / 2;
    scored.push({ concept, score: balance * (0.25 + position) * (idf(ctx, id) / maxIdf), n });
  }
  scored.sort((x, y) => y.score - x.score || (x.concept.id < y.concept.id ? -1 : 1));
  const linked = (first: Int32Array, count: Uint8Array, n: number) =>
    Array.from(first.subarray(n * REASON_LINKS, n * REASON_LINKS + count[n]), (i) => graph.conceptIds[i]);
  return scored.slice(0, limit).map(({ concept, score, n }) => ({
    kind: 'concept',
    id: concept.id,
    label: concept.label,
    score: round(score),
    year: null,
    reason: structuralConceptReason(ctx, concept, linked(firstA, countA, n), linked(firstB, countB, n), rankOf(concept)),
  }));
}

const ranks = new WeakMap<Snapshot, { maxBetweenness: number; rankOf: (concept: Concept) => number }>();

/** The largest betweenness and each concept's rank by it (1 + concepts with more), from one sorted copy per read model. */
export function betweennessRanks(snapshot: Snapshot): { maxBetweenness: number; rankOf: (concept: Concept) => number } {
  let entry = ranks.get(snapshot);
  if (!entry) {
    let maxBetweenness = 0;
    for (const c of snapshot.concepts.values()) maxBetweenness = Math.max(maxBetweenness, c.betweenness);
    const sorted = Float64Array.from([...snapshot.concepts.values()].map((c) => c.betweenness).filter((b) => !Number.isNaN(b))).sort();
    const rankOf = (concept: Concept) => {
      if (Number.isNaN(concept.betweenness)) return 1;
      // Concepts above it: those after the last place holding a value not above it.
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid] > concept.betweenness) hi = mid;
        else lo = mid + 1;
      }
      return 1 + sorted.length - lo;
    };
    ranks.set(snapshot, (entry = { maxBetweenness, rankOf }));
  }
  return entry;
}

function betweenPapers(ctx: Context, zoneA: Set<string>, zoneB: Set<string>, exclude: Set<string>, limit: number, minStructural: number): StructuralBridge[] {
  const graph = mentionGraph(ctx.snapshot);
  const size = graph.paperIds.length;
  const massA = new Float64Array(size);
  const massB = new Float64Array(size);
  const excluded = new Uint8Array(size);
  for (const id of exclude) {
    const p = graph.paperNumber.get(id);
    if (p !== undefined) excluded[p] = 1;
  }
  const weights = mentionWeights(ctx, graph);
  const add = (zone: Set<string>, mass: Float64Array) => {
    for (const id of zone) {
      const c = graph.conceptNumber.get(id);
      if (c === undefined) continue;
      for (let k = graph.paperStart[c]; k < graph.paperStart[c + 1]; k++) {
        const p = graph.papersOf[k];
        if (!excluded[p]) mass[p] += weights.ofMention[k];
      }
    }
  };
  add(zoneA, massA);
  add(zoneB, massB);
  const scored: { paperId: string; score: number; shareA: number; shareB: number }[] = [];
  for (let p = 0; p < size; p++) {
    const a = massA[p];
    const b = massB[p];
    if (a <= 0 || b <= 0) continue;
    const paperId = graph.paperIds[p];
    const whole = weights.ofPaper[p];
    // The weaker side's share of the paper, doubled: 1 when half its weight is on each side.
    const score = (2 * Math.min(a, b)) / whole;
    if (score < minStructural) continue;
    scored.push({ paperId, score, shareA: a / whole, shareB: b / whole });
  }
  scored.sort((x, y) => y.score - x.score || (x.paperId < y.paperId ? -1 : 1));
  return scored.slice(0, limit).map(({ paperId, score, shareA, shareB }) => {
    const paper = ctx.snapshot.papers.get(paperId)!;
    return { kind: 'paper', id: paper.id, label: paper.title, score: round(score), year: paper.year, reason: structuralPaperReason(ctx, shareA, shareB) };
  });
}

const weighed = new WeakMap<MentionGraph, Map<number, { ofMention: Float64Array; ofPaper: Float64Array }>>();

/**
 * Each mention's centrality (context.ts), in the order of the concepts' rows of
 * mentionGraph, and each paper's sum of them in its own order: the same for every
 * question with this title weight, so computed once.
 */
export function mentionWeights(ctx: Corpus, graph: MentionGraph): { ofMention: Float64Array; ofPaper: Float64Array } {
  let byTitleWeight = weighed.get(graph);
  if (!byTitleWeight) weighed.set(graph, (byTitleWeight = new Map()));
  let weights = byTitleWeight.get(ctx.titleWeight);
  if (!weights) {
    const ofMention = new Float64Array(graph.papersOf.length);
    graph.conceptIds.forEach((id, c) => {
      (ctx.snapshot.mentionsByConcept.get(id) ?? []).forEach((m, k) => (ofMention[graph.paperStart[c] + k] = centrality(ctx, m)));
    });
    const ofPaper = Float64Array.from(graph.paperIds, (id) => (ctx.snapshot.mentionsByPaper.get(id) ?? []).reduce((sum, m) => sum + centrality(ctx, m), 0));
    byTitleWeight.set(ctx.titleWeight, (weights = { ofMention, ofPaper }));
  }
  return weights;
}
