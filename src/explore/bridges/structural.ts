// Structural bridges: concepts and papers sitting between the communities of A and B.
//
// Method: the participation coefficient (Guimerà & Amaral 2005, "Functional cartography
// of complex metabolic networks", Nature 433) and betweenness stored on each concept at
// ingest, for concepts co-occurring with both sides in balance; for papers, how evenly
// their concepts' weight spreads over the two sides (the paper's participation in the
// two communities), papers mentioning both topics left to the direct answer. Each side
// is the topic's own concepts plus the members of its communities that the other
// topic does not share. Hubs and generic concepts are never structural bridges.
import type { Concept, StructuralBridge } from '../../graph/model.ts';
import { centrality, idf, isWall, round, type Context } from './context.ts';
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

function betweenConcepts(ctx: Context, zoneA: Set<string>, zoneB: Set<string>, limit: number, minStructural: number): StructuralBridge[] {
  const links = new Map<string, { a: number; b: number; topA: string[]; topB: string[] }>();
  const collect = (zone: Set<string>, side: 'a' | 'b') => {
    for (const x of zone) {
      // Links to the topic's own concepts count double: they are the topic, not its surroundings.
      const factor = (side === 'a' ? ctx.idsA : ctx.idsB).has(x) ? 2 : 1;
      for (const n of ctx.snapshot.neighbours.get(x) ?? []) {
        const entry = links.get(n.id) ?? { a: 0, b: 0, topA: [], topB: [] };
        entry[side] += n.weight * factor;
        (side === 'a' ? entry.topA : entry.topB).push(x);
        links.set(n.id, entry);
      }
    }
  };
  collect(zoneA, 'a');
  collect(zoneB, 'b');
  let maxBetweenness = 0;
  for (const c of ctx.snapshot.concepts.values()) maxBetweenness = Math.max(maxBetweenness, c.betweenness);
  const maxIdf = Math.log(1 + ctx.total);
  const scored: { concept: Concept; score: number; topA: string[]; topB: string[] }[] = [];
  for (const [id, l] of links) {
    if (l.a <= 0 || l.b <= 0 || ctx.idsA.has(id) || ctx.idsB.has(id)) continue;
    const concept = ctx.snapshot.concepts.get(id);
    if (!concept || isWall(ctx, concept)) continue;
    const balance = Math.min(l.a, l.b) / Math.max(l.a, l.b);
    if (balance < minStructural) continue;
    const position = (concept.participation + (maxBetweenness > 0 ? concept.betweenness / maxBetweenness : 0)) / 2;
    scored.push({ concept, score: balance * (0.25 + position) * (idf(ctx, id) / maxIdf), topA: l.topA, topB: l.topB });
  }
  scored.sort((x, y) => y.score - x.score || (x.concept.id < y.concept.id ? -1 : 1));
  const rankOf = (c: Concept) => 1 + [...ctx.snapshot.concepts.values()].filter((o) => o.betweenness > c.betweenness).length;
  return scored.slice(0, limit).map(({ concept, score, topA, topB }) => ({
    kind: 'concept',
    id: concept.id,
    label: concept.label,
    score: round(score),
    year: null,
    reason: structuralConceptReason(ctx, concept, topA, topB, rankOf(concept)),
  }));
}

function betweenPapers(ctx: Context, zoneA: Set<string>, zoneB: Set<string>, exclude: Set<string>, limit: number, minStructural: number): StructuralBridge[] {
  const mass = new Map<string, { a: number; b: number }>();
  const add = (zone: Set<string>, side: 'a' | 'b') => {
    for (const id of zone) {
      for (const m of ctx.snapshot.mentionsByConcept.get(id) ?? []) {
        if (exclude.has(m.paperId)) continue;
        const entry = mass.get(m.paperId) ?? { a: 0, b: 0 };
        entry[side] += centrality(ctx, m);
        mass.set(m.paperId, entry);
      }
    }
  };
  add(zoneA, 'a');
  add(zoneB, 'b');
  const scored: { paperId: string; score: number; shareA: number; shareB: number }[] = [];
  for (const [paperId, { a, b }] of mass) {
    if (a <= 0 || b <= 0) continue;
    const whole = (ctx.snapshot.mentionsByPaper.get(paperId) ?? []).reduce((sum, m) => sum + centrality(ctx, m), 0);
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
