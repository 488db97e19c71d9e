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
import type { BridgePath, Concept, PathStep } from '../../graph/model.ts';
import { conceptRef } from '../topics.ts';
import { centrality, idf, isWall, round, type Context } from './context.ts';
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
  const graph = sides(ctx);
  if (graph.startPapers.size === 0 || graph.endPapers.size === 0) {
    return { paths: [], note: 'No path: every paper on one side also mentions the other topic.' };
  }
  const dist = distancesToB(ctx, graph, maxHops);
  let shortest = Infinity;
  for (const id of graph.startPapers) shortest = Math.min(shortest, dist.get(paperKey(id)) ?? Infinity);
  const walls = `concepts in more than ${ctx.hubThreshold} papers and generic concepts were skipped`;
  if (!Number.isFinite(shortest)) {
    return { paths: [], note: `No path of up to ${maxHops} hops between the two topics' papers (${walls}).` };
  }
  const budget = { left: pathBudget };
  const longerBudget = { left: pathBudget };
  const groups = rankGroups(ctx, enumerate(ctx, graph, dist, shortest, budget));
  const wanted = Math.max(1, limit - directCount);
  let longer: PathGroup[] = [];
  if (longerPaths && shortest + 2 <= maxHops) longer = rankGroups(ctx, enumerate(ctx, graph, dist, shortest + 2, longerBudget));
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

/** Where paths start and end: papers of one side only (a paper on both is a direct bridge). */
interface Sides {
  startPapers: Set<string>;
  endPapers: Set<string>;
  bothPapers: Set<string>;
}

function papersOf(ctx: Context, ids: Set<string>): Set<string> {
  const out = new Set<string>();
  for (const id of ids) for (const m of ctx.snapshot.mentionsByConcept.get(id) ?? []) out.add(m.paperId);
  return out;
}

function sides(ctx: Context): Sides {
  const onA = papersOf(ctx, ctx.idsA);
  const onB = papersOf(ctx, ctx.idsB);
  const bothPapers = new Set([...onA].filter((p) => onB.has(p)));
  return {
    startPapers: new Set([...onA].filter((p) => !bothPapers.has(p))),
    endPapers: new Set([...onB].filter((p) => !bothPapers.has(p))),
    bothPapers,
  };
}

const paperKey = (id: string) => `p\u0000${id}`;
const conceptKey = (id: string) => `c\u0000${id}`;

function usableVia(ctx: Context, conceptId: string): boolean {
  return !ctx.idsA.has(conceptId) && !ctx.idsB.has(conceptId) && !isWall(ctx, ctx.snapshot.concepts.get(conceptId));
}

/**
 * Distance (in hops) from every reachable node to the nearest paper on B's side, by
 * breadth-first search. Intermediate papers mention neither topic (one that does is an endpoint).
 */
function distancesToB(ctx: Context, graph: Sides, maxHops: number): Map<string, number> {
  const dist = new Map<string, number>();
  let frontier: { id: string; isPaper: boolean }[] = [];
  for (const id of graph.endPapers) {
    dist.set(paperKey(id), 0);
    frontier.push({ id, isPaper: true });
  }
  for (let depth = 1; depth <= maxHops && frontier.length > 0; depth++) {
    const next: typeof frontier = [];
    for (const node of frontier) {
      if (node.isPaper) {
        if (graph.startPapers.has(node.id)) continue; // a start paper ends the search along this branch
        for (const m of ctx.snapshot.mentionsByPaper.get(node.id) ?? []) {
          const key = conceptKey(m.conceptId);
          if (dist.has(key) || !usableVia(ctx, m.conceptId)) continue;
          dist.set(key, depth);
          next.push({ id: m.conceptId, isPaper: false });
        }
      } else {
        for (const m of ctx.snapshot.mentionsByConcept.get(node.id) ?? []) {
          const key = paperKey(m.paperId);
          if (dist.has(key) || graph.bothPapers.has(m.paperId) || graph.endPapers.has(m.paperId)) continue;
          dist.set(key, depth);
          next.push({ id: m.paperId, isPaper: true });
        }
      }
    }
    frontier = next;
  }
  return dist;
}

/** A path as found: alternating paper and concept ids, A's paper first, B's paper last. */
type RawPath = string[];

/** Every path of `hops` hops down the BFS layers, most specific concepts first, until the budget is spent. */
function enumerate(ctx: Context, graph: Sides, dist: Map<string, number>, hops: number, budget: { left: number }): RawPath[] {
  const out: RawPath[] = [];
  const walk = (path: string[], isPaper: boolean, remaining: number): void => {
    if (budget.left <= 0) return;
    const here = path[path.length - 1];
    if (remaining === 0) {
      out.push([...path]);
      budget.left--;
      return;
    }
    if (isPaper) {
      const concepts = (ctx.snapshot.mentionsByPaper.get(here) ?? [])
        .filter((m) => dist.get(conceptKey(m.conceptId)) === remaining - 1 && usableVia(ctx, m.conceptId))
        .sort((x, y) => idf(ctx, y.conceptId) - idf(ctx, x.conceptId));
      for (const m of concepts) {
        path.push(m.conceptId);
        walk(path, false, remaining - 1);
        path.pop();
      }
    } else {
      for (const m of ctx.snapshot.mentionsByConcept.get(here) ?? []) {
        if (dist.get(paperKey(m.paperId)) !== remaining - 1 || graph.startPapers.has(m.paperId)) continue;
        path.push(m.paperId);
        walk(path, true, remaining - 1);
        path.pop();
      }
    }
  };
  for (const id of graph.startPapers) if (dist.get(paperKey(id)) === hops) walk([id], true, hops);
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
    groups.set(key, { raw, via, score: Math.exp(logSum / via.length), pairs: 1 });
  }
  return [...groups.values()].sort((x, y) => y.score - x.score || y.pairs - x.pairs || (x.via.join() < y.via.join() ? -1 : 1));
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
