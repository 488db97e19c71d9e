// The subgraph around a concept: its strongest neighbours (and theirs, at depth 2)
// and the papers that mention it, for "expand" in the explorer. Answered in columns
// (model.ts NeighbourhoodResponse): a depth-2 answer of 60 concepts and 300 edges was
// 64 kB as graphology's objects, most of it keys and ids repeated per edge, and building
// and serialising those objects was most of its CPU time.
import type { ConceptColumns, CooccursEdges, NeighbourhoodCounts, NeighbourhoodPapers, NeighbourhoodResponse } from '../graph/model.ts';
import { requireConcept } from './concept.ts';
import { conceptColumns } from './conceptColumns.ts';
import { edgeSize, edgeWeight, paperPosition } from './mapGraph.ts';
import { cooccurrenceGraph, type CooccurrenceGraph } from './cooccurrenceGraph.ts';
import type { Snapshot } from './snapshot.ts';

export interface NeighbourhoodOptions {
  depth: 1 | 2;
  /** Concepts added besides the centre. */
  limit: number;
  /** Papers mentioning the centre, most central first; 0 for none. */
  papers: number;
}

export const NEIGHBOURHOOD_DEFAULTS: NeighbourhoodOptions = { depth: 1, limit: 30, papers: 15 };

/**
 * Marks over concept numbers reused by every call (neighbourhoods are built synchronously,
 * one at a time): a concept is shown when its slot holds this call's generation, so no
 * call allocates or clears arrays of the corpus' size, and `place` then holds its place in
 * the answer; `outside` is a bitset over concept numbers (cleared per call: a few thousand bytes).
 */
interface Scratch {
  shown: Int32Array;
  place: Int32Array;
  outside: Uint32Array;
  generation: number;
  /** Each row slot's weight as sent (mapGraph.ts edgeWeight), NaN until a neighbourhood shows it: formatting was a sixth of an answer. */
  sentWeight: Float64Array;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

const scratches = new WeakMap<CooccurrenceGraph, Scratch>();

function scratchOf(graph: CooccurrenceGraph): Scratch {
  let scratch = scratches.get(graph);
  if (!scratch) {
    const size = graph.conceptIds.length;
    scratches.set(graph, (scratch = { shown: new Int32Array(size), place: new Int32Array(size), outside: new Uint32Array(graph.words), generation: 0, sentWeight: new Float64Array(graph.neighbour.length).fill(NaN) }));
  }
  scratch.generation = (scratch.generation + 1) | 0 || 1;
  return scratch;
}

export function neighbourhood(snapshot: Snapshot, id: string, options: Partial<NeighbourhoodOptions> = {}): NeighbourhoodResponse {
  const { depth, limit, papers } = { ...NEIGHBOURHOOD_DEFAULTS, ...options };
  const centre = requireConcept(snapshot, id);
  const graph = cooccurrenceGraph(snapshot);
  const { start, neighbour, idRank } = graph;
  const { shown, place, outside, generation, sentWeight } = scratchOf(graph);
  const centreNumber = graph.conceptNumber.get(id)!;
  const chosen: number[] = [];
  const choose = (c: number) => {
    if (shown[c] === generation) return;
    shown[c] = generation;
    place[c] = chosen.length;
    chosen.push(c);
  };
  choose(centreNumber);
  const firstRing = Math.min(limit, start[centreNumber + 1] - start[centreNumber]);
  for (let k = start[centreNumber]; k < start[centreNumber] + firstRing; k++) choose(neighbour[k]);
  let secondRingTotal = 0;
  if (depth === 2) {
    const ring = chosen.slice(1);
    // The concepts outside the first ring that its rows reach: the union of the rows
    // (hubs' as bitsets), without the centre and the first ring.
    outside.fill(0);
    for (const r of ring) {
      if (graph.hubRow[r] >= 0) {
        const at = graph.hubRow[r] * graph.words;
        for (let w = 0; w < graph.words; w++) outside[w] |= graph.rowBits[at + w];
      } else {
        for (let k = start[r]; k < start[r + 1]; k++) outside[neighbour[k] >>> 5] |= 1 << (neighbour[k] & 31);
      }
    }
    for (const c of chosen) outside[c >>> 5] &= ~(1 << (c & 31));
    for (let w = 0; w < outside.length; w++) secondRingTotal += popcount(outside[w]);
    // Second ring: each first-ring concept brings its strongest neighbours outside the
    // first ring, round-robin, until the limit. A hub lists thousands: each row is read
    // only as far as the rounds go.
    const cursor = ring.map((r) => start[r]);
    const budget = limit * 2;
    const nextOf = (q: number): number => {
      const end = start[ring[q] + 1];
      while (cursor[q] < end && ((outside[neighbour[cursor[q]] >>> 5] >>> (neighbour[cursor[q]] & 31)) & 1) === 0) cursor[q]++;
      return cursor[q] < end ? neighbour[cursor[q]++] : -1;
    };
    while (chosen.length <= budget) {
      const round = ring.map((_, q) => nextOf(q));
      if (round.every((c) => c < 0)) break;
      for (const c of round) if (c >= 0 && chosen.length <= budget) choose(c);
    }
  }
  const attributes = conceptColumns(snapshot);
  const concepts: ConceptColumns = { ids: [], labels: [], x: [], y: [], size: [], community: [], papers: [], year: [], pagerank: [] };
  for (const c of chosen) {
    concepts.ids.push(graph.conceptIds[c]);
    concepts.labels.push(attributes.label[c]);
    concepts.x.push(attributes.x[c]);
    concepts.y.push(attributes.y[c]);
    concepts.size.push(attributes.size[c]);
    concepts.community.push(attributes.community[c]);
    concepts.papers.push(attributes.papers[c]);
    concepts.year.push(attributes.year[c]);
    concepts.pagerank.push(attributes.pagerank[c]);
  }
  // Each pair once, as the slot in the row of the end whose id sorts first.
  const sources: number[] = [];
  const slots: number[] = [];
  let maxWeight = 0;
  for (const c of chosen) {
    const degree = start[c + 1] - start[c];
    // Each concept's links to the others shown, strongest first: read from its row when
    // that is short, looked up pair by pair when it is a hub's (a hub's bitset rules out
    // most pairs before a binary search).
    const first = slots.length;
    if (degree <= chosen.length) {
      for (let k = start[c]; k < start[c + 1]; k++) {
        const d = neighbour[k];
        if (shown[d] === generation && idRank[c] < idRank[d]) slots.push(k);
      }
    } else {
      const bits = graph.hubRow[c] >= 0 ? graph.hubRow[c] * graph.words : -1;
      const linked: number[] = [];
      for (const d of chosen) {
        if (idRank[c] >= idRank[d]) continue;
        if (bits >= 0 && ((graph.rowBits[bits + (d >>> 5)] >>> (d & 31)) & 1) === 0) continue;
        const rank = graph.rankAt(c, d);
        if (rank >= 0) linked.push(start[c] + rank);
      }
      linked.sort((x, y) => x - y);
      for (const k of linked) slots.push(k);
    }
    for (let j = first; j < slots.length; j++) {
      sources.push(place[c]);
      maxWeight = Math.max(maxWeight, graph.weight[slots[j]]);
    }
  }
  const edges: CooccursEdges = { source: sources, target: [], papers: [], weight: [], size: [] };
  for (const k of slots) {
    if (Number.isNaN(sentWeight[k])) sentWeight[k] = edgeWeight(graph.weight[k]);
    edges.target.push(place[neighbour[k]]);
    edges.papers.push(graph.papers[k]);
    edges.weight.push(sentWeight[k]);
    edges.size.push(edgeSize(graph.weight[k], maxWeight));
  }
  const mentions = snapshot.mentionsByConcept.get(id) ?? [];
  const shownPapers: NeighbourhoodPapers = { ids: [], titles: [], x: [], y: [], year: [], mentions: [] };
  mentions.slice(0, papers).forEach((m, index) => {
    const paper = snapshot.papers.get(m.paperId)!;
    const { x, y } = paperPosition(centre, index);
    shownPapers.ids.push(paper.id);
    shownPapers.titles.push(paper.title);
    shownPapers.x.push(x);
    shownPapers.y.push(y);
    shownPapers.year.push(paper.year);
    shownPapers.mentions.push(m.count);
  });
  const counts: NeighbourhoodCounts = {
    neighbours: firstRing,
    neighboursTotal: start[centreNumber + 1] - start[centreNumber],
    secondRing: chosen.length - 1 - firstRing,
    secondRingTotal,
    papers: Math.min(papers, mentions.length),
    papersTotal: mentions.length,
  };
  return { concepts, edges, papers: shownPapers, counts };
}
