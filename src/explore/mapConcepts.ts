// Which concepts the overview map shows: the ones that best describe the corpus, as
// regions a reader can see.
//
// Rank: papers × specificity (or PageRank × specificity), the specificity being
// Concept.relevance, VOSviewer's termhood (van Eck, Waltman, Noyons & Buter 2010;
// src/graph/relevance.ts): a frequent concept whose co-occurrences spread over every
// topic says little, so it gives way to a less frequent, specific one. Generic
// concepts (Concept.generic) and concepts with no co-occurrence never lead.
//
// Regions: the map is read as one region per community (VOSviewer and CiteSpace maps
// are), and a community drawn with two or three dots is no region, only noise in
// another's. So the `limit` places are shared among communities by their own papers
// (papers whose concepts lie mostly in them, CommunitySummary.ownPapers): the largest
// remainder method (Hamilton's apportionment), no community given fewer than
// `minPerCommunity` places; those that cannot reach it at this map size are left for
// a larger map (and stay in the legend, search and panels). Shares follow the square
// root of own papers (Penrose's square-root rule, "The elementary statistics of
// majority voting", J. R. Stat. Soc. 109(1), 1946: degressive proportionality), not
// the papers themselves: in proportion, the few largest communities took the map
// and a distinct topic of a hundred papers got no region; under the root a big
// community still gets the most places, and twice as many topics get a region.
// Each community fills its places with its best-ranked concepts. When that leaves
// places free (a small corpus), they go to the best-ranked concepts left.
import type { Concept } from '../graph/model.ts';
import type { Snapshot } from './snapshot.ts';

export interface MapConceptOptions {
  /** Concepts on the map. */
  limit: number;
  /** Rank by papers × specificity or by PageRank × specificity. */
  by: 'papers' | 'pagerank';
  /** Fewest concepts a community is drawn with. Default 9: a concept and eight neighbours of its own, enough for a region. */
  minPerCommunity: number;
  /** Places go in proportion to own papers raised to this power. Default 0.5 (Penrose); 1 is plain proportion. */
  exponent: number;
}

export const MAP_CONCEPT_DEFAULTS: Omit<MapConceptOptions, 'limit' | 'by'> = { minPerCommunity: 9, exponent: 0.5 };

export interface MapConcepts {
  /** The chosen concepts, best-ranked first. */
  ids: string[];
  /** Communities given places, most own papers first. */
  communities: number[];
  /** Generic concepts the measure alone would have put on the map. */
  genericLeftOut: number;
}

export function mapConcepts(snapshot: Snapshot, options: Pick<MapConceptOptions, 'limit' | 'by'> & Partial<MapConceptOptions>): MapConcepts {
  const { limit, by, minPerCommunity, exponent } = { ...MAP_CONCEPT_DEFAULTS, ...options };
  const measure = (c: Concept) => (by === 'pagerank' ? c.pagerank : c.papers);
  const score = (c: Concept) => measure(c) * c.relevance;
  const better = (a: Concept, b: Concept) => score(b) - score(a) || measure(b) - measure(a) || (a.id < b.id ? -1 : 1);

  const candidates: Concept[] = [];
  for (const id of snapshot.conceptsByPapers) {
    const concept = snapshot.concepts.get(id)!;
    if (!concept.generic && (snapshot.neighbours.get(id)?.length ?? 0) > 0) candidates.push(concept);
  }
  candidates.sort(better);
  const byCommunity = new Map<number, Concept[]>();
  for (const c of candidates) {
    const list = byCommunity.get(c.community);
    if (list) list.push(c);
    else byCommunity.set(c.community, [c]);
  }

  const own = (id: number) => snapshot.communities.get(id)?.ownPapers ?? 0;
  const places = apportion(
    [...byCommunity.keys()].filter((id) => own(id) > 0).sort((a, b) => own(b) - own(a) || a - b),
    (id) => own(id) ** exponent,
    (id) => byCommunity.get(id)!.length,
    Math.min(limit, candidates.length),
    minPerCommunity,
  );
  const chosen = new Set<string>();
  for (const [id, n] of places) for (const c of byCommunity.get(id)!.slice(0, n)) chosen.add(c.id);
  for (const c of candidates) {
    if (chosen.size >= limit) break;
    chosen.add(c.id);
  }
  const ids = candidates.filter((c) => chosen.has(c.id)).map((c) => c.id);

  const floor = ids.length > 0 ? Math.min(...ids.map((id) => measure(snapshot.concepts.get(id)!))) : Infinity;
  let genericLeftOut = 0;
  for (const concept of snapshot.concepts.values()) if (concept.generic && measure(concept) >= floor) genericLeftOut++;
  return { ids, communities: [...places.keys()], genericLeftOut };
}

/**
 * Largest-remainder apportionment of `seats` among `parties` (in order of weight) by
 * `weight`, none given more than `cap` nor fewer than `min`: the lightest party that
 * would get fewer than `min` drops out and the rest share again.
 */
function apportion(parties: number[], weight: (p: number) => number, cap: (p: number) => number, seats: number, min: number): Map<number, number> {
  let active = parties.filter((p) => cap(p) >= min);
  for (;;) {
    const shares = share(active, weight, cap, seats);
    const short = active.filter((p) => shares.get(p)! < min);
    if (short.length === 0) return shares;
    const lightest = short[short.length - 1];
    active = active.filter((p) => p !== lightest);
  }
}

/** Hamilton's method with caps: parties at their cap keep it, the others share what is left. */
function share(parties: number[], weight: (p: number) => number, cap: (p: number) => number, seats: number): Map<number, number> {
  const out = new Map<number, number>();
  let open = [...parties];
  let left = seats;
  for (let capped = true; capped && open.length > 0; ) {
    capped = false;
    const total = open.reduce((sum, p) => sum + weight(p), 0);
    for (const p of open) {
      if ((left * weight(p)) / total >= cap(p)) {
        out.set(p, cap(p));
        left -= cap(p);
        capped = true;
      }
    }
    open = open.filter((p) => !out.has(p));
  }
  const total = open.reduce((sum, p) => sum + weight(p), 0);
  const quotas = open.map((p) => ({ p, quota: total > 0 ? (left * weight(p)) / total : 0 }));
  for (const { p, quota } of quotas) out.set(p, Math.floor(quota));
  let remaining = left - quotas.reduce((sum, { quota }) => sum + Math.floor(quota), 0);
  for (const { p } of [...quotas].sort((a, b) => b.quota - Math.floor(b.quota) - (a.quota - Math.floor(a.quota)) || a.p - b.p)) {
    if (remaining <= 0) break;
    out.set(p, out.get(p)! + 1);
    remaining--;
  }
  return new Map(parties.filter((p) => out.has(p)).map((p) => [p, out.get(p)!]));
}
