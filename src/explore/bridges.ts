// Which papers connect two topics, and why. Three kinds of answer, each with its reason:
//
// 1. Direct bridges: papers mentioning a concept of each topic, ranked by how specific
//    the matched concepts are (inverse document frequency, Sparck Jones 1972) times how
//    central they are to the paper (the extractor's per-paper score; title mentions
//    weigh more), so "STDP" + "catastrophic forgetting" outranks "network" + "learning".
// 2. Connecting paths: when fewer papers than asked mention both, the shortest chains
//    paper(A) – concept – paper(B) (then paper – concept – paper – concept – paper …) over
//    MENTIONS, found by breadth-first search on the in-memory paper–concept graph. This
//    is Swanson's ABC model of literature-based discovery (Swanson 1986: fish oil –
//    blood viscosity – Raynaud's): A and C never meet, but their literatures share B.
//    Optionally also paths one concept longer. Hub concepts are skipped, since a path
//    through "model" connects everything and explains nothing.
// 3. Structural bridges: concepts and papers sitting between the communities of A and B,
//    by the participation coefficient (Guimerà & Amaral 2005) and betweenness stored on
//    each concept at ingest, and for papers by how evenly their concepts spread over
//    the two sides.
import type { Concept, Span } from '../graph/model.ts';
import type { GraphStore } from '../store/GraphStore.ts';
import type { BridgePaper, BridgePath, BridgesResponse, ConceptRef, PathStep, ResolvedTopic, StructuralBridge } from '../graph/model.ts';
import { meetingSentence } from './evidence.ts';
import type { MentionEntry, Snapshot } from './snapshot.ts';
import { parseSpans } from './spans.ts';
import { conceptRef, resolveTopicPair, type TopicOptions } from './topics.ts';

export interface BridgesOptions {
  /** Answers of each kind (papers, paths, structural concepts, structural papers). Default 10. */
  limit: number;
  /** A mention in the title counts this many times a mention in the abstract. Default 1.5. */
  titleWeight: number;
  /**
   * Concepts in more than max(hubMinPapers, hubShare × papers) papers are hubs, never
   * used as a path's intermediate or as a structural bridge. Defaults 0.05 and 10: on
   * 10,000 papers a concept in over 500 of them is a hub; on a small corpus, over 10.
   */
  hubShare: number;
  hubMinPapers: number;
  /** Longest path searched, in paper–concept hops between the two sides' papers. Default 6 (three intermediate concepts). */
  maxHops: number;
  /** Also list paths one concept longer than the shortest (Swanson's open discovery goes one step further). Default true. */
  longerPaths: boolean;
  /** Structural bridges weaker than this (0–1: balance between the sides for concepts, the weaker side's doubled share for papers) are left out. Default 0.1. */
  minStructural: number;
  /** Paths enumerated before ranking; bounds the work when thousands of equally short paths exist. Default 5000. */
  pathBudget: number;
  topics: Partial<TopicOptions>;
}

export const BRIDGES_DEFAULTS: BridgesOptions = {
  limit: 10,
  titleWeight: 1.5,
  hubShare: 0.05,
  hubMinPapers: 10,
  maxHops: 6,
  longerPaths: true,
  pathBudget: 5000,
  minStructural: 0.1,
  topics: {},
};

/** Everything the three answers share: the sides, specificity, mention centrality. */
interface Context {
  snapshot: Snapshot;
  options: BridgesOptions;
  a: ResolvedTopic;
  b: ResolvedTopic;
  idsA: Set<string>;
  idsB: Set<string>;
  /** Papers in the corpus. */
  total: number;
  hubThreshold: number;
}

/** Specificity of a concept: ln(1 + N / df). */
function idf(ctx: Context, conceptId: string): number {
  const df = Math.max(1, ctx.snapshot.concepts.get(conceptId)?.papers ?? 1);
  return Math.log(1 + ctx.total / df);
}

/** How central a mention is to its paper, in (0, titleWeight]: the paper's top concept scores 1. */
function centrality(ctx: Context, mention: MentionEntry): number {
  const top = ctx.snapshot.mentionsByPaper.get(mention.paperId)?.[0]?.score ?? 0;
  const relative = top > 0 ? Math.max(0, mention.score) / top : 1;
  return (0.25 + 0.75 * relative) * (mention.inTitle ? ctx.options.titleWeight : 1);
}

const isHub = (ctx: Context, concept: Concept | undefined) => !concept || concept.papers > ctx.hubThreshold;
const quote = (label: string) => `"${label}"`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

// ---------------------------------------------------------------------------
// 1. Direct bridges

interface Matched {
  concept: ConceptRef;
  weight: number;
  inTitle: boolean;
}

interface DirectCandidate {
  paperId: string;
  score: number;
  viaA: Matched[];
  viaB: Matched[];
}

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

/** Every paper mentioning both sides, best first: geometric mean of each side's best matched weight. */
function rankDirect(ctx: Context): DirectCandidate[] {
  const sideA = matchesOfSide(ctx, ctx.idsA);
  const sideB = matchesOfSide(ctx, ctx.idsB);
  const out: DirectCandidate[] = [];
  for (const [paperId, viaA] of sideA) {
    const viaB = sideB.get(paperId);
    if (!viaB) continue;
    out.push({ paperId, score: Math.sqrt(viaA[0].weight * viaB[0].weight), viaA, viaB });
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

function describeMatch(ctx: Context, m: Matched, topic: ResolvedTopic): string {
  const forTopic = topic.kind === 'concept' ? '' : ` for ${quote(topic.label)}`;
  const where = m.inTitle ? 'in the title; ' : '';
  return `${quote(m.concept.label)}${forTopic} (${where}in ${m.concept.papers} of ${ctx.total} papers)`;
}

function directReason(ctx: Context, c: DirectCandidate): string {
  const extra = c.viaA.length + c.viaB.length - 2;
  const more = extra > 0 ? `, and ${plural(extra, 'more concept')} of the two topics` : '';
  return `Mentions ${describeMatch(ctx, c.viaA[0], ctx.a)} and ${describeMatch(ctx, c.viaB[0], ctx.b)}${more}.`;
}

async function directBridges(store: GraphStore, ctx: Context, ranked: DirectCandidate[]): Promise<BridgePaper[]> {
  const top = ranked.slice(0, ctx.options.limit);
  if (top.length === 0) return [];
  const concepts = [...new Set(top.flatMap((c) => [...c.viaA, ...c.viaB].map((m) => m.concept.id)))];
  const rows = await store.run('mention-spans', { papers: top.map((c) => c.paperId), concepts });
  const texts = new Map<string, { title: string; abstract: string; spans: Map<string, Span[]> }>();
  for (const row of rows) {
    const paper = String(row.paper);
    const entry = texts.get(paper) ?? { title: String(row.title ?? ''), abstract: String(row.abstract ?? ''), spans: new Map<string, Span[]>() };
    entry.spans.set(String(row.concept), parseSpans(row.spans));
    texts.set(paper, entry);
  }
  return top.map((c) => {
    const paper = ctx.snapshot.papers.get(c.paperId)!;
    const text = texts.get(c.paperId);
    const spansOf = (via: Matched[]) => via.flatMap((m) => text?.spans.get(m.concept.id) ?? []);
    const sentence = text ? meetingSentence(text.title, text.abstract, spansOf(c.viaA), spansOf(c.viaB)) : paper.title;
    return {
      kind: 'direct',
      id: paper.id,
      title: paper.title,
      year: paper.year,
      url: paper.url,
      score: round(c.score),
      viaA: c.viaA.map((m) => m.concept),
      viaB: c.viaB.map((m) => m.concept),
      reason: directReason(ctx, c),
      sentence,
    };
  });
}

// ---------------------------------------------------------------------------
// 2. Connecting paths

/** The paper–concept graph as BFS sees it: sides' papers are endpoints, hubs and topic concepts are walls. */
interface PathGraph {
  /** Papers mentioning A (not B): where paths start. */
  startPapers: Set<string>;
  /** Papers mentioning B (not A): where paths end. */
  endPapers: Set<string>;
  /** Papers mentioning both: direct bridges, not path material. */
  bothPapers: Set<string>;
}

function papersOf(ctx: Context, ids: Set<string>): Set<string> {
  const out = new Set<string>();
  for (const id of ids) for (const m of ctx.snapshot.mentionsByConcept.get(id) ?? []) out.add(m.paperId);
  return out;
}

function pathGraph(ctx: Context): PathGraph {
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

/**
 * Distance (in hops) from every reachable node to the nearest paper on B's side,
 * by breadth-first search. Intermediate concepts are neither topic concepts nor hubs;
 * intermediate papers mention neither topic (a paper that does is an endpoint).
 */
function distancesToB(ctx: Context, graph: PathGraph): Map<string, number> {
  const dist = new Map<string, number>();
  let frontier: { key: string; id: string; isPaper: boolean }[] = [];
  for (const id of graph.endPapers) {
    dist.set(paperKey(id), 0);
    frontier.push({ key: paperKey(id), id, isPaper: true });
  }
  for (let depth = 1; depth <= ctx.options.maxHops && frontier.length > 0; depth++) {
    const next: typeof frontier = [];
    for (const node of frontier) {
      if (node.isPaper) {
        if (graph.startPapers.has(node.id)) continue; // a start paper ends the search along this branch
        for (const m of ctx.snapshot.mentionsByPaper.get(node.id) ?? []) {
          const key = conceptKey(m.conceptId);
          if (dist.has(key) || !usableVia(ctx, m.conceptId)) continue;
          dist.set(key, depth);
          next.push({ key, id: m.conceptId, isPaper: false });
        }
      } else {
        for (const m of ctx.snapshot.mentionsByConcept.get(node.id) ?? []) {
          const key = paperKey(m.paperId);
          if (dist.has(key) || graph.bothPapers.has(m.paperId) || graph.endPapers.has(m.paperId)) continue;
          dist.set(key, depth);
          next.push({ key, id: m.paperId, isPaper: true });
        }
      }
    }
    frontier = next;
  }
  return dist;
}

function usableVia(ctx: Context, conceptId: string): boolean {
  return !ctx.idsA.has(conceptId) && !ctx.idsB.has(conceptId) && !isHub(ctx, ctx.snapshot.concepts.get(conceptId));
}

/** A path as found: alternating paper and concept ids, A's paper first, B's paper last. */
type RawPath = string[];

/**
 * Every shortest path from each start paper at distance `hops` to B's side, walking down
 * the BFS layers (each step one hop closer to B), most specific concepts first, until
 * the budget is spent.
 */
function enumeratePaths(ctx: Context, graph: PathGraph, dist: Map<string, number>, hops: number, budget: { left: number }): RawPath[] {
  const out: RawPath[] = [];
  const starts = [...graph.startPapers].filter((id) => dist.get(paperKey(id)) === hops);
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
  for (const id of starts) walk([id], true, hops);
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

/**
 * Paths grouped by their chain of intermediate concepts (the reader cares that STDP and
 * forgetting meet through "synaptic consolidation", then which papers show it), each
 * group shown by its first path, ranked by the specificity of the chain.
 */
function rankPathGroups(ctx: Context, paths: RawPath[]): PathGroup[] {
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
  const first = raw[0];
  const last = raw[raw.length - 1];
  const anchorA = anchorConcept(ctx, first, ctx.idsA);
  const anchorB = anchorConcept(ctx, last, ctx.idsB);
  const paperStep = (id: string, role: PathStep['role']): PathStep => ({ kind: 'paper', id, label: ctx.snapshot.papers.get(id)!.title, role });
  const conceptStep = (concept: Concept, role: PathStep['role']): PathStep => ({ kind: 'concept', id: concept.id, label: concept.label, role });
  const steps: PathStep[] = [conceptStep(anchorA, 'a')];
  raw.forEach((id, i) => {
    if (i % 2 === 1) steps.push(conceptStep(ctx.snapshot.concepts.get(id)!, 'via'));
    else steps.push(paperStep(id, i === 0 ? 'a' : i === raw.length - 1 ? 'b' : 'via'));
  });
  steps.push(conceptStep(anchorB, 'b'));
  const via = group.via.map((id) => conceptRef(ctx.snapshot.concepts.get(id)!));
  const chain = via.map((c) => `${quote(c.label)} (${c.papers} of ${ctx.total} papers)`).join(', then ');
  const others = group.pairs > 1 ? ` ${plural(group.pairs - 1, 'other pair')} of papers connect the same way.` : '';
  const reason =
    via.length === 1
      ? `A paper on ${quote(anchorA.label)} and a paper on ${quote(anchorB.label)} both mention ${chain}.${others}`
      : `A paper on ${quote(anchorA.label)} reaches a paper on ${quote(anchorB.label)} through ${chain}.${others}`;
  return { kind: 'path', hops: raw.length - 1, score: round(group.score), steps, via, reason };
}

function connectingPaths(ctx: Context, directCount: number): { paths: BridgePath[]; note: string } {
  const { limit, maxHops, longerPaths, pathBudget } = ctx.options;
  if (directCount >= limit) return { paths: [], note: `Not searched: ${directCount} papers mention both topics.` };
  const graph = pathGraph(ctx);
  if (graph.startPapers.size === 0 || graph.endPapers.size === 0) {
    return { paths: [], note: 'No path: every paper on one side also mentions the other topic.' };
  }
  const dist = distancesToB(ctx, graph);
  let shortest = Infinity;
  for (const id of graph.startPapers) shortest = Math.min(shortest, dist.get(paperKey(id)) ?? Infinity);
  const hubs = `concepts in more than ${ctx.hubThreshold} papers were skipped as hubs`;
  if (!Number.isFinite(shortest)) {
    return { paths: [], note: `No path of up to ${maxHops} hops between the two topics' papers (${hubs}).` };
  }
  const budget = { left: pathBudget };
  const longerBudget = { left: pathBudget };
  const groups = rankPathGroups(ctx, enumeratePaths(ctx, graph, dist, shortest, budget));
  const wanted = Math.max(1, limit - directCount);
  let longer: PathGroup[] = [];
  if (longerPaths && shortest + 2 <= maxHops) longer = rankPathGroups(ctx, enumeratePaths(ctx, graph, dist, shortest + 2, longerBudget));
  // Shortest paths first; a third of the places (at least one of two or more) go to longer paths when there are any.
  const reserved = wanted >= 2 ? Math.min(longer.length, Math.max(1, Math.floor(wanted / 3))) : 0;
  const takeShortest = Math.min(groups.length, wanted - reserved);
  const chosen = [...groups.slice(0, takeShortest), ...longer.slice(0, wanted - takeShortest)];
  const capped = budget.left <= 0 || longerBudget.left <= 0 ? `; enumeration stopped at ${pathBudget} paths per length` : '';
  return {
    paths: chosen.map((g) => toBridgePath(ctx, g)),
    note: `Shortest paths have ${shortest} hops${longer.length ? ` (paths of ${shortest + 2} hops also shown)` : ''}; ${hubs}${capped}.`,
  };
}

// ---------------------------------------------------------------------------
// 3. Structural bridges

/**
 * The concepts standing for each side in the community structure: the topic's own
 * concepts and the members of its communities that the other topic does not share.
 */
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

function structuralConcepts(ctx: Context, zoneA: Set<string>, zoneB: Set<string>): StructuralBridge[] {
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
    if (!concept || isHub(ctx, concept)) continue;
    const balance = Math.min(l.a, l.b) / Math.max(l.a, l.b);
    if (balance < ctx.options.minStructural) continue;
    const position = (concept.participation + (maxBetweenness > 0 ? concept.betweenness / maxBetweenness : 0)) / 2;
    const score = balance * (0.25 + position) * (idf(ctx, id) / maxIdf);
    scored.push({ concept, score, topA: l.topA, topB: l.topB });
  }
  scored.sort((x, y) => y.score - x.score || (x.concept.id < y.concept.id ? -1 : 1));
  const rankOf = (c: Concept) => 1 + [...ctx.snapshot.concepts.values()].filter((o) => o.betweenness > c.betweenness).length;
  const labels = (ids: string[]) => [...new Set(ids)].slice(0, 3).map((id) => quote(ctx.snapshot.concepts.get(id)!.label)).join(', ');
  return scored.slice(0, ctx.options.limit).map(({ concept, score, topA, topB }) => ({
    kind: 'concept',
    id: concept.id,
    label: concept.label,
    score: round(score),
    year: null,
    reason:
      `Co-occurs with ${labels(topA)} on ${quote(ctx.a.label)}'s side and ${labels(topB)} on ${quote(ctx.b.label)}'s side; ` +
      `participation ${concept.participation.toFixed(2)} (0: all its links stay in its community), ` +
      `betweenness rank ${rankOf(concept)} of ${ctx.snapshot.concepts.size} concepts.`,
  }));
}

function structuralPapers(ctx: Context, zoneA: Set<string>, zoneB: Set<string>, exclude: Set<string>): StructuralBridge[] {
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
    if ((2 * Math.min(a, b)) / whole < ctx.options.minStructural) continue;
    scored.push({ paperId, score: (2 * Math.min(a, b)) / whole, shareA: a / whole, shareB: b / whole });
  }
  scored.sort((x, y) => y.score - x.score || (x.paperId < y.paperId ? -1 : 1));
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return scored.slice(0, ctx.options.limit).map(({ paperId, score, shareA, shareB }) => {
    const paper = ctx.snapshot.papers.get(paperId)!;
    return {
      kind: 'paper',
      id: paper.id,
      label: paper.title,
      score: round(score),
      year: paper.year,
      reason: `Spreads its concepts over both sides without naming both topics: ${pct(shareA)} of its weight on ${quote(ctx.a.label)}'s side, ${pct(shareB)} on ${quote(ctx.b.label)}'s.`,
    };
  });
}

// ---------------------------------------------------------------------------

const round = (x: number) => Math.round(x * 1000) / 1000;

/** The papers, paths and structural bridges connecting topics `a` and `b` (see topics.ts for what a topic is). */
export async function findBridges(
  store: GraphStore,
  snapshot: Snapshot,
  a: string,
  b: string,
  options: Partial<BridgesOptions> = {},
): Promise<BridgesResponse> {
  const opts = { ...BRIDGES_DEFAULTS, ...options };
  const topics = resolveTopicPair(snapshot, a, b, opts.topics);
  const total = Math.max(1, snapshot.papers.size);
  const ctx: Context = {
    snapshot,
    options: opts,
    a: topics.a,
    b: topics.b,
    idsA: new Set(topics.a.concepts.map((c) => c.id)),
    idsB: new Set(topics.b.concepts.map((c) => c.id)),
    total,
    hubThreshold: Math.max(opts.hubMinPapers, Math.floor(opts.hubShare * total)),
  };
  const ranked = rankDirect(ctx);
  const papers = await directBridges(store, ctx, ranked);
  const { paths, note } = connectingPaths(ctx, ranked.length);
  const { zoneA, zoneB } = zones(ctx);
  const direct = new Set(ranked.map((c) => c.paperId));
  const structural = [...structuralConcepts(ctx, zoneA, zoneB), ...structuralPapers(ctx, zoneA, zoneB, direct)];
  return { a: topics.a, b: topics.b, papers, paths, structural, totalDirect: ranked.length, pathNote: note };
}
