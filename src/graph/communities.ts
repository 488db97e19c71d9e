// Topic clusters of the concept map.
//
// Method: Louvain modularity optimisation (Blondel, Guillaume, Lambiotte & Lefebvre
// 2008, "Fast unfolding of communities in large networks", J. Stat. Mech. P10008),
// (louvain.ts), weighted by association strength, with a seeded random node order so
// the same graph always gets the same communities.
//
// Ids are renumbered by size: 0 is the largest community, 1 the next, … (ties: the
// community holding the smaller concept id first). Concepts without any edge have
// no topic to belong to; rather than one singleton community each (thousands of
// legend entries on a large corpus), they share one "unclustered" id, the last one.
import { compareIds } from './cooccurrence.ts';
import { degreeOf, type ConceptGraph } from './conceptGraph.ts';
import { louvainPartition } from './louvain.ts';
import { createRandom } from './random.ts';

export interface CommunityOptions {
  /** Seed of Louvain's random node order. Default 1. */
  seed?: number;
  /** Modularity resolution: above 1 gives more, smaller communities. Default 1. */
  resolution?: number;
}

const DEFAULTS: Required<CommunityOptions> = {
  seed: 1,
  resolution: 1,
};

export interface Communities {
  /** Community id of every concept. */
  byConcept: Map<string, number>;
  /** Number of ids in use, the unclustered one included. */
  count: number;
  /** The shared id of concepts with no edge, or null when every concept has one. */
  unclustered: number | null;
}

export function detectCommunities(graph: ConceptGraph, options: CommunityOptions = {}): Communities {
  const { seed, resolution } = { ...DEFAULTS, ...options };
  const raw = graph.size === 0 ? new Uint32Array(0) : louvainPartition(graph, { resolution, random: createRandom(seed) });

  const members = new Map<number, string[]>();
  const isolated: string[] = [];
  graph.ids.forEach((node, i) => {
    if (degreeOf(graph, i) === 0) return isolated.push(node);
    const community = raw[i];
    let list = members.get(community);
    if (!list) members.set(community, (list = []));
    list.push(node);
  });

  // Concepts are numbered in id order, so each list's first member is its smallest id.
  const ordered = [...members.values()].sort((a, b) => b.length - a.length || compareIds(a[0], b[0]));
  const byConcept = new Map<string, number>();
  ordered.forEach((list, id) => list.forEach((node) => byConcept.set(node, id)));
  const unclustered = isolated.length > 0 ? ordered.length : null;
  if (unclustered !== null) isolated.forEach((node) => byConcept.set(node, unclustered));

  return { byConcept, count: ordered.length + (unclustered === null ? 0 : 1), unclustered };
}
