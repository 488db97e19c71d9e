// Direct bridges: papers mentioning a concept of each topic, ranked by how specific the
// matched concepts are (inverse document frequency, Sparck Jones 1972) times how
// central they are to the paper (the extractor's per-paper score; title mentions
// weigh more), so "STDP" + "catastrophic forgetting" outranks "network" + "learning".
// A paper's score is the geometric mean of each side's best match; each comes with the
// sentence where a concept of A and one of B meet.
import type { BridgePaper, Span } from '../../graph/model.ts';
import type { GraphReader } from '../../store/GraphStore.ts';
import { meetingSentence } from '../evidence.ts';
import { parseSpans } from '../spans.ts';
import { conceptRef } from '../topics.ts';
import { centrality, idf, round, type Context } from './context.ts';
import { directReason, type Matched } from './reasons.ts';

export interface DirectOptions {
  /** Papers returned (all are counted in `total`). Default 10. */
  limit: number;
}

export const DIRECT_DEFAULTS: DirectOptions = { limit: 10 };

export interface DirectBridges {
  papers: BridgePaper[];
  /** Every paper mentioning both topics, before the limit. */
  paperIds: Set<string>;
}

interface Candidate {
  paperId: string;
  score: number;
  viaA: Matched[];
  viaB: Matched[];
}

export async function directBridges(store: GraphReader, ctx: Context, options: Partial<DirectOptions> = {}): Promise<DirectBridges> {
  const { limit } = { ...DIRECT_DEFAULTS, ...options };
  const ranked = rank(ctx);
  const top = ranked.slice(0, limit);
  const paperIds = new Set(ranked.map((c) => c.paperId));
  if (top.length === 0) return { papers: [], paperIds };

  const concepts = [...new Set(top.flatMap((c) => [...c.viaA, ...c.viaB].map((m) => m.concept.id)))];
  const rows = await store.run('mention-spans', { papers: top.map((c) => c.paperId), concepts });
  const texts = new Map<string, { title: string; abstract: string; spans: Map<string, Span[]> }>();
  for (const row of rows) {
    const paper = String(row.paper);
    const entry = texts.get(paper) ?? { title: String(row.title ?? ''), abstract: String(row.abstract ?? ''), spans: new Map<string, Span[]>() };
    entry.spans.set(String(row.concept), parseSpans(row.spans));
    texts.set(paper, entry);
  }
  const papers = top.map((c): BridgePaper => {
    const paper = ctx.snapshot.papers.get(c.paperId)!;
    const text = texts.get(c.paperId);
    const spansOf = (via: Matched[]) => via.flatMap((m) => text?.spans.get(m.concept.id) ?? []);
    return {
      kind: 'direct',
      id: paper.id,
      title: paper.title,
      year: paper.year,
      url: paper.url,
      score: round(c.score),
      viaA: c.viaA.map((m) => m.concept),
      viaB: c.viaB.map((m) => m.concept),
      reason: directReason(ctx, c.viaA, c.viaB),
      sentence: text ? meetingSentence(text.title, text.abstract, spansOf(c.viaA), spansOf(c.viaB)) : paper.title,
    };
  });
  return { papers, paperIds };
}

/** The concepts of one side each paper mentions, most specific first. */
function matchesOfSide(ctx: Context, ids: Set<string>): Map<string, Matched[]> {
  const byPaper = new Map<string, Matched[]>();
  for (const id of ids) {
    const concept = ctx.snapshot.concepts.get(id)!;
    const specificity = idf(ctx, id);
    for (const m of ctx.snapshot.mentionsByConcept.get(id) ?? []) {
      const entry: Matched = { concept: conceptRef(concept), weight: specificity * centrality(ctx, m), inTitle: m.inTitle };
      const list = byPaper.get(m.paperId);
      if (list) list.push(entry);
      else byPaper.set(m.paperId, [entry]);
    }
  }
  for (const list of byPaper.values()) list.sort((x, y) => y.weight - x.weight);
  return byPaper;
}

/** Every paper mentioning both sides, best first. */
function rank(ctx: Context): Candidate[] {
  const sideA = matchesOfSide(ctx, ctx.idsA);
  const sideB = matchesOfSide(ctx, ctx.idsB);
  const out: Candidate[] = [];
  for (const [paperId, viaA] of sideA) {
    const viaB = sideB.get(paperId);
    if (viaB) out.push({ paperId, score: Math.sqrt(viaA[0].weight * viaB[0].weight), viaA, viaB });
  }
  const year = (id: string) => ctx.snapshot.papers.get(id)?.year ?? 0;
  return out.sort(
    (x, y) =>
      y.score - x.score ||
      y.viaA.length + y.viaB.length - (x.viaA.length + x.viaB.length) ||
      year(y.paperId) - year(x.paperId) ||
      (x.paperId < y.paperId ? -1 : 1),
  );
}
