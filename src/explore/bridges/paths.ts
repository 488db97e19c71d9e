// Connecting paths: when fewer papers than asked mention both topics, the shortest
// chains paper(A) – concept – paper(B) (then paper – concept – paper – concept – paper …)
// over MENTIONS, found by breadth-first search on the in-memory paper–concept graph.
//
// Method: Swanson's ABC model of literature-based discovery (Swanson 1986, "Fish oil,
// Raynaud's syndrome, and undiscovered public knowledge", Perspectives in Biology and
// Medicine 30(1)): A and C never meet, but their literatures share B. Optionally also
// paths one concept longer (open discovery goes one step further). Intermediates are
// never a topic's own concepts, hubs or generic concepts (context.ts): a path through
// "neural networks" connects everything and explains nothing. Paths sharing their
// chain of intermediates are one answer, ranked by the specificity of the chain.
// The search runs over the MENTIONS graph as typed arrays (mentionGraph.ts).
import type { BridgePath, Concept, PathStep } from '../../graph/model.ts';
import { mentionGraph, type MentionGraph } from '../mentionGraph.ts';
import { conceptRef } from '../topics.ts';
import { centrality, idf, isWall, round, type Context, type Corpus } from './context.ts';
import { pathReason } from './reasons.ts';

export interface PathOptions {
  /** Answers wanted (paths fill what direct bridges leave of it). Default 10. */
  limit: number;
  /** Longest path searched, in paper–concept hops between the two sides' papers. Default 6 (three intermediate concepts). */
  maxHops: number;
  /** Also list paths one concept longer than the shortest. Default true. */
  longerPaths: boolean;
  /** Paths enumerated before ranking; bounds the work when thousands of equally short paths exist. Default 5000. */
  pathBudget: number;
}

export const PATH_DEFAULTS: PathOptions = { limit: 10, maxHops: 6, longerPaths: true, pathBudget: 5000 };

export function connectingPaths(ctx: Context, directCount: number, options: Partial<PathOptions> = {}): { paths: BridgePath[]; note: string } {
  const { limit, maxHops, longerPaths, pathBudget } = { ...PATH_DEFAULTS, ...options };
  if (directCount >= limit) return { paths: [], note: `Not searched: ${directCount} papers mention both topics.` };
  const walk = sides(ctx);
  if (walk.starts.length === 0 || walk.ends.length === 0) {
    return { paths: [], note: 'No path: every paper on one side also mentions the other topic.' };
  }
  distancesToB(walk, maxHops);
  let shortest = Infinity;
  for (const p of walk.starts) if (walk.paperDist[p] >= 0) shortest = Math.min(shortest, walk.paperDist[p]);
  const walls = `concepts in more than ${ctx.hubThreshold} papers and generic concepts were skipped`;
  if (!Number.isFinite(shortest)) {
    return { paths: [], note: `No path of up to ${maxHops} hops between the two topics' papers (${walls}).` };
  }
  const budget = { left: pathBudget };
  const longerBudget = { left: pathBudget };
  const groups = rankGroups(ctx, enumerate(walk, shortest, budget));
  const wanted = Math.max(1, limit - directCount);
  let longer: PathGroup[] = [];
  if (longerPaths && shortest + 2 <= maxHops) longer = rankGroups(ctx, enumerate(walk, shortest + 2, longerBudget));
  // Shortest paths first; a third of the places (at least one of two or more) go to longer paths when there are any.
  const reserved = wanted >= 2 ? Math.min(longer.length, Math.max(1, Math.floor(wanted / 3))) : 0;
  const takeShortest = Math.min(groups.length, wanted - reserved);
  const chosen = [...groups.slice(0, takeShortest), ...longer.slice(0, wanted - takeShortest)];
  const capped = budget.left <= 0 || longerBudget.left <= 0 ? `; enumeration stopped at ${pathBudget} paths per length` : '';
  return {
    paths: chosen.map((g) => toBridgePath(ctx, g)),
    note: `Shortest paths have ${shortest} hops${longer.length ? ` (paths of ${shortest + 2} hops also shown)` : ''}; ${walls}${capped}.`,
  };
}

const START = 1;
const END = 2;
const BOTH = START | END;
const UNKNOWN = -1;

/**
 * One search over the MENTIONS graph as integers (mentionGraph.ts). Paths start at
 * papers of A's side only and end at papers of B's side only (a paper on both is a
 * direct bridge); distances are hops to the nearest end paper, -1 where unreached.
 */
interface Walk {
  ctx: Context;
  graph: MentionGraph;
  /** Per paper: START, END, BOTH or 0. */
  role: Uint8Array;
  /** Start and end papers, in the order the topics' concepts list them. */
  starts: number[];
  ends: number[];
  paperDist: Int32Array;
  conceptDist: Int32Array;
  /** Per concept: 1 if it may be an intermediate. */
  usable: Uint8Array;
  /** Per concept, computed on first use (NaN before): its IDF. */
  specificity: Float64Array;
}

/** Papers of one side's concepts, first mention first, marked with `bit` in `role`. */
function markSide(graph: MentionGraph, ids: Set<string>, role: Uint8Array, bit: number): number[] {
  const order: number[] = [];
  for (const id of ids) {
    const c = graph.conceptNumber.get(id);
    if (c === undefined) continue;
    for (let k = graph.paperStart[c]; k < graph.paperStart[c + 1]; k++) {
      const p = graph.papersOf[k];
      if (role[p] & bit) continue;
      role[p] |= bit;
      order.push(p);
    }
  }
  return order;
}

function sides(ctx: Context): Walk {
  const graph = mentionGraph(ctx.snapshot);
  const role = new Uint8Array(graph.paperIds.length);
  const onA = markSide(graph, ctx.idsA, role, START);
  const onB = markSide(graph, ctx.idsB, role, END);
  return {
    ctx,
    graph,
    role,
    starts: onA.filter((p) => role[p] === START),
    ends: onB.filter((p) => role[p] === END),
    paperDist: new Int32Array(graph.paperIds.length).fill(UNKNOWN),
    conceptDist: new Int32Array(graph.conceptIds.length).fill(UNKNOWN),
    usable: usableConcepts(ctx, graph),
    specificity: new Float64Array(graph.conceptIds.length).fill(NaN),
  };
}

const open = new WeakMap<MentionGraph, Map<number, Uint8Array>>();

/** Per concept, 1 unless it is a wall (context.ts); the same for every question with this hub threshold. */
export function notWalls(ctx: Corpus, graph: MentionGraph): Uint8Array {
  let byThreshold = open.get(graph);
  if (!byThreshold) open.set(graph, (byThreshold = new Map()));
  let flags = byThreshold.get(ctx.hubThreshold);
  if (!flags) {
    flags = Uint8Array.from(graph.concepts, (concept) => (isWall(ctx, concept) ? 0 : 1));
    byThreshold.set(ctx.hubThreshold, flags);
  }
  return flags;
}

/** Never a topic's own concept, a hub or a generic concept. */
function usableConcepts(ctx: Context, graph: MentionGraph): Uint8Array {
  const usable = notWalls(ctx, graph).slice();
  for (const id of [...ctx.idsA, ...ctx.idsB]) {
    const c = graph.conceptNumber.get(id);
    if (c !== undefined) usable[c] = 0;
  }
  return usable;
}

function usableVia(walk: Walk, c: number): boolean {
  return walk.usable[c] === 1;
}

function specificityOf(walk: Walk, c: number): number {
  if (Number.isNaN(walk.specificity[c])) walk.specificity[c] = idf(walk.ctx, walk.graph.conceptIds[c]);
  return walk.specificity[c];
}

/**
 * Distance (in hops) from every reachable node to the nearest paper on B's side, by
 * breadth-first search: papers at even depths, concepts at odd ones. Intermediate
 * papers mention neither topic (one that does is an endpoint). Paths are listed at the
 * shortest length and two hops more, so the search stops two levels past the first
 * start paper reached: deeper levels, most of the graph, would never be read.
 */
function distancesToB(walk: Walk, maxHops: number): void {
  const { graph, role, paperDist, conceptDist } = walk;
  let frontier = walk.ends;
  for (const p of frontier) paperDist[p] = 0;
  let deepest = maxHops;
  for (let depth = 1; depth <= deepest && frontier.length > 0; depth++) {
    const next: number[] = [];
    if (depth % 2 === 1) {
      for (const p of frontier) {
        if (role[p] === START) continue; // a start paper ends the search along this branch
        for (let k = graph.conceptStart[p]; k < graph.conceptStart[p + 1]; k++) {
          const c = graph.conceptsOf[k];
          if (conceptDist[c] !== UNKNOWN || !usableVia(walk, c)) continue;
          conceptDist[c] = depth;
          next.push(c);
        }
      }
    } else if (depth === deepest) {
      // The last level: only start papers are read at this depth, so only they are looked at.
      for (const p of walk.starts) {
        if (paperDist[p] !== UNKNOWN) continue;
        for (let k = graph.conceptStart[p]; k < graph.conceptStart[p + 1]; k++) {
          if (conceptDist[graph.conceptsOf[k]] !== depth - 1) continue;
          paperDist[p] = depth;
          break;
        }
      }
    } else {
      for (const c of frontier) {
        for (let k = graph.paperStart[c]; k < graph.paperStart[c + 1]; k++) {
          const p = graph.papersOf[k];
          if (paperDist[p] !== UNKNOWN || role[p] === BOTH || role[p] === END) continue;
          paperDist[p] = depth;
          next.push(p);
          if (role[p] === START) deepest = Math.min(deepest, depth + 2);
        }
      }
    }
    frontier = next;
  }
}

/** A path as found: alternating paper and concept ids, A's paper first, B's paper last. */
type RawPath = string[];

/** Every path of `hops` hops down the BFS layers, most specific concepts first, until the budget is spent. */
function enumerate(walk: Walk, hops: number, budget: { left: number }): RawPath[] {
  const { graph, role, paperDist, conceptDist } = walk;
  const out: RawPath[] = [];
  const path: number[] = [];
  const step = (isPaper: boolean, remaining: number): void => {
    if (budget.left <= 0) return;
    const here = path[path.length - 1];
    if (remaining === 0) {
      out.push(path.map((x, i) => (i % 2 === 0 ? graph.paperIds[x] : graph.conceptIds[x])));
      budget.left--;
      return;
    }
    if (isPaper) {
      const concepts: number[] = [];
      for (let k = graph.conceptStart[here]; k < graph.conceptStart[here + 1]; k++) {
        const c = graph.conceptsOf[k];
        if (conceptDist[c] === remaining - 1 && usableVia(walk, c)) concepts.push(c);
      }
      concepts.sort((x, y) => specificityOf(walk, y) - specificityOf(walk, x));
      for (const c of concepts) {
        path.push(c);
        step(false, remaining - 1);
        path.pop();
      }
    } else {
      for (let k = graph.paperStart[here]; k < graph.paperStart[here + 1]; k++) {
        const p = graph.papersOf[k];
        if (paperDist[p] !== remaining - 1 || role[p] === START) continue;
        path.push(p);
        step(true, remaining - 1);
        path.pop();
      }
    }
  };
  for (const p of walk.starts) {
    if (paperDist[p] !== hops) continue;
    path.push(p);
    step(true, hops);
    path.pop();
  }
  return out;
}

/** The topic concept a side's paper mentions most specifically: where its path starts or ends. */
function anchorConcept(ctx: Context, paperId: string, ids: Set<string>): Concept {
  let best: { concept: Concept; weight: number } | null = null;
  for (const m of ctx.snapshot.mentionsByPaper.get(paperId) ?? []) {
    if (!ids.has(m.conceptId)) continue;
    const weight = idf(ctx, m.conceptId) * centrality(ctx, m);
    if (!best || weight > best.weight) best = { concept: ctx.snapshot.concepts.get(m.conceptId)!, weight };
  }
  return best!.concept;
}

interface PathGroup {
  raw: RawPath;
  via: string[];
  /** The chain as one text, for ties. */
  chain: string;
  score: number;
  pairs: number;
}

/** Paths grouped by their chain of intermediates, shown by the first, ranked by the chain's specificity (geometric mean of IDF). */
function rankGroups(ctx: Context, paths: RawPath[]): PathGroup[] {
  const groups = new Map<string, PathGroup>();
  for (const raw of paths) {
    const via = raw.filter((_, i) => i % 2 === 1);
    const key = via.join('\u0000');
    const group = groups.get(key);
    if (group) {
      group.pairs++;
      continue;
    }
    const logSum = via.reduce((sum, id) => sum + Math.log(idf(ctx, id)), 0);
    groups.set(key, { raw, via, chain: via.join(), score: Math.exp(logSum / via.length), pairs: 1 });
  }
  return [...groups.values()].sort((x, y) => y.score - x.score || y.pairs - x.pairs || (x.chain < y.chain ? -1 : 1));
}

function toBridgePath(ctx: Context, group: PathGroup): BridgePath {
  const { raw } = group;
  const anchorA = anchorConcept(ctx, raw[0], ctx.idsA);
  const anchorB = anchorConcept(ctx, raw[raw.length - 1], ctx.idsB);
  const paperStep = (id: string, role: PathStep['role']): PathStep => ({ kind: 'paper', id, label: ctx.snapshot.papers.get(id)!.title, role });
  const conceptStep = (concept: Concept, role: PathStep['role']): PathStep => ({ kind: 'concept', id: concept.id, label: concept.label, role });
  const steps: PathStep[] = [conceptStep(anchorA, 'a')];
  raw.forEach((id, i) => {
    if (i % 2 === 1) steps.push(conceptStep(ctx.snapshot.concepts.get(id)!, 'via'));
    else steps.push(paperStep(id, i === 0 ? 'a' : i === raw.length - 1 ? 'b' : 'via'));
  });
  steps.push(conceptStep(anchorB, 'b'));
  const via = group.via.map((id) => conceptRef(ctx.snapshot.concepts.get(id)!));
  return { kind: 'path', hops: raw.length - 1, score: round(group.score), steps, via, reason: pathReason(ctx, anchorA, anchorB, via, group.pairs) };
}
