// The explorer's read model: the concept graph, the mention lists and the paper
// titles, loaded from the store once and held in memory. The questions the explorer
// asks on every click (overview, search, neighbourhood, concept, evidence lists)
// are then answered without a database round trip; only abstracts, spans and
// console queries go back to the store.
import type { BroaderKind, Concept, CommunitySummary } from '../graph/model.ts';
import { conceptFromRow, number as num, numberOrNull as maybeNum, text as str } from '../store/rows.ts';
import type { GraphReader } from '../store/GraphStore.ts';
import { communityNames, type RankedConcept } from './communityLabels.ts';
import { foldText } from './foldText.ts';

export interface PaperEntry {
  id: string;
  title: string;
  year: number | null;
  url: string | null;
}

export interface MentionEntry {
  paperId: string;
  conceptId: string;
  count: number;
  inTitle: boolean;
  score: number;
}

export interface Neighbour {
  id: string;
  papers: number;
  weight: number;
}

/** One end of a BROADER edge, seen from the other. */
export interface HierarchyLink {
  id: string;
  kind: BroaderKind;
}

export interface Snapshot {
  concepts: Map<string, Concept>;
  /** Concept ids, most papers first (ties: higher PageRank, then id). */
  conceptsByPapers: string[];
  /** CO_OCCURS neighbours of each concept, strongest first. */
  neighbours: Map<string, Neighbour[]>;
  /** Immediate broader concepts of each concept (BROADER edges out), most papers first. */
  broader: Map<string, HierarchyLink[]>;
  /** Immediate narrower concepts of each concept (BROADER edges in), most papers first. */
  narrower: Map<string, HierarchyLink[]>;
  papers: Map<string, PaperEntry>;
  /** Mentions of each concept, most central papers first. */
  mentionsByConcept: Map<string, MentionEntry[]>;
  /** Mentions in each paper, most central concepts first. */
  mentionsByPaper: Map<string, MentionEntry[]>;
  communities: Map<number, CommunitySummary>;
  /** Members of each community, most distinctive first (communityLabels.ts); generic ones last. */
  communityMembers: Map<number, RankedConcept[]>;
  /** Folded alias → concept ids, for search. */
  aliasIndex: Map<string, string[]>;
  /** The same entries as an array: scanning an array per keystroke is several times faster than a Map. */
  aliasList: [string, string[]][];
  /** Paper titles folded once at load, for search (folding them per keystroke was the cost of a search). */
  foldedTitles: { id: string; folded: string }[];
  years: { min: number | null; max: number | null };
  cooccurrences: number;
  mentionCount: number;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export async function loadSnapshot(store: GraphReader): Promise<Snapshot> {
  const [conceptRows, edgeRows, mentionRows, paperRows, broaderRows] = await Promise.all([
    store.run('snapshot-concepts'),
    store.run('snapshot-cooccurs'),
    store.run('snapshot-mentions'),
    store.run('snapshot-papers'),
    store.run('snapshot-broader'),
  ]);

  const concepts = new Map<string, Concept>();
  for (const row of conceptRows) {
    const concept = conceptFromRow(row);
    concepts.set(concept.id, concept);
  }
  const conceptsByPapers = [...concepts.values()]
    .sort((a, b) => b.papers - a.papers || b.pagerank - a.pagerank || (a.id < b.id ? -1 : 1))
    .map((c) => c.id);

  const neighbours = new Map<string, Neighbour[]>();
  for (const row of edgeRows) {
    const source = String(row.source);
    const target = String(row.target);
    const papers = num(row.papers);
    const weight = num(row.weight);
    push(neighbours, source, { id: target, papers, weight });
    push(neighbours, target, { id: source, papers, weight });
  }
  // Ties broken by id, so every store (whatever order it returns rows in) gives the same lists and cuts.
  for (const list of neighbours.values()) list.sort((a, b) => b.weight - a.weight || b.papers - a.papers || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const broader = new Map<string, HierarchyLink[]>();
  const narrower = new Map<string, HierarchyLink[]>();
  for (const row of broaderRows) {
    const kind: BroaderKind = row.kind === 'subsumption' ? 'subsumption' : 'nesting';
    push(broader, String(row.narrower), { id: String(row.broader), kind });
    push(narrower, String(row.broader), { id: String(row.narrower), kind });
  }
  const byPapers = (a: HierarchyLink, b: HierarchyLink) =>
    (concepts.get(b.id)?.papers ?? 0) - (concepts.get(a.id)?.papers ?? 0) || (a.id < b.id ? -1 : 1);
  for (const list of [...broader.values(), ...narrower.values()]) list.sort(byPapers);

  const papers = new Map<string, PaperEntry>();
  let minYear: number | null = null;
  let maxYear: number | null = null;
  for (const row of paperRows) {
    const year = maybeNum(row.year);
    papers.set(String(row.id), { id: String(row.id), title: str(row.title) ?? '', year, url: str(row.url) });
    if (year !== null) {
      minYear = minYear === null ? year : Math.min(minYear, year);
      maxYear = maxYear === null ? year : Math.max(maxYear, year);
    }
  }

  const mentionsByConcept = new Map<string, MentionEntry[]>();
  const mentionsByPaper = new Map<string, MentionEntry[]>();
  for (const row of mentionRows) {
    const mention: MentionEntry = {
      paperId: String(row.paper),
      conceptId: String(row.concept),
      count: num(row.count),
      inTitle: row.inTitle === true,
      score: num(row.score),
    };
    push(mentionsByConcept, mention.conceptId, mention);
    push(mentionsByPaper, mention.paperId, mention);
  }
  const byCentrality = (a: MentionEntry, b: MentionEntry) =>
    Number(b.inTitle) - Number(a.inTitle) || b.score - a.score || b.count - a.count || (a.paperId < b.paperId ? -1 : 1);
  for (const list of mentionsByConcept.values()) list.sort(byCentrality);
  for (const list of mentionsByPaper.values()) list.sort((a, b) => b.score - a.score || b.count - a.count || (a.conceptId < b.conceptId ? -1 : a.conceptId > b.conceptId ? 1 : 0));

  const up = (a: string, b: string) => (broader.get(a) ?? []).some((l) => l.id === b);
  const names = communityNames(concepts, mentionsByConcept, mentionsByPaper, (a, b) => up(a, b) || up(b, a));

  const aliasIndex = new Map<string, string[]>();
  for (const concept of concepts.values()) {
    const keys = new Set([concept.label, concept.id, ...concept.aliases].map(foldText));
    for (const key of keys) push(aliasIndex, key, concept.id);
  }

  return {
    concepts,
    conceptsByPapers,
    neighbours,
    broader,
    narrower,
    papers,
    mentionsByConcept,
    mentionsByPaper,
    communities: summariseCommunities(names.ranked, names.labels, names.home, mentionsByConcept, papers),
    communityMembers: names.ranked,
    aliasIndex,
    aliasList: [...aliasIndex],
    foldedTitles: [...papers.values()].map((p) => ({ id: p.id, folded: foldText(p.title) })),
    years: { min: minYear, max: maxYear },
    cooccurrences: edgeRows.length,
    mentionCount: mentionRows.length,
  };
}

function summariseCommunities(
  members: Map<number, RankedConcept[]>,
  labels: Map<number, string>,
  home: Map<string, number>,
  mentionsByConcept: Map<string, MentionEntry[]>,
  papers: Map<string, PaperEntry>,
): Map<number, CommunitySummary> {
  const own = new Map<number, number>();
  const ownYears = new Map<number, number[]>();
  for (const [paperId, community] of home) {
    own.set(community, (own.get(community) ?? 0) + 1);
    const year = papers.get(paperId)?.year;
    if (typeof year !== 'number') continue;
    const list = ownYears.get(community);
    if (list) list.push(year);
    else ownYears.set(community, [year]);
  }
  const out = new Map<number, CommunitySummary>();
  for (const id of [...members.keys()].sort((a, b) => a - b)) {
    const list = members.get(id)!;
    // A community's papers are those of its specific concepts: "neural networks" would otherwise bring half the corpus.
    const specific = list.some((r) => !r.concept.generic) ? list.filter((r) => !r.concept.generic) : list;
    const paperIds = new Set<string>();
    for (const { concept } of specific) for (const m of mentionsByConcept.get(concept.id) ?? []) paperIds.add(m.paperId);
    const years = [...paperIds].map((p) => papers.get(p)?.year).filter((y): y is number => typeof y === 'number');
    out.set(id, {
      id,
      label: labels.get(id) ?? '',
      concepts: list.length,
      papers: paperIds.size,
      ownPapers: own.get(id) ?? 0,
      ownPapersByYear: yearCounts(ownYears.get(id) ?? []),
      meanYear: years.length ? Math.round((years.reduce((a, b) => a + b, 0) / years.length) * 10) / 10 : null,
    });
  }
  return out;
}

/** Counts per year from the first year to the last (`counts[i]`: year `from + i`); null without years. */
function yearCounts(years: number[]): { from: number; counts: number[] } | null {
  if (years.length === 0) return null;
  let from = years[0];
  let to = years[0];
  for (const year of years) (from = Math.min(from, year)), (to = Math.max(to, year));
  const counts = new Array<number>(to - from + 1).fill(0);
  for (const year of years) counts[year - from]++;
  return { from, counts };
}
