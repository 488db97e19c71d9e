// De-duplication of papers read from several sources: records are the same paper when
// they share a DOI, an arXiv id, a PubMed id, a Web of Science UT, or a normalised title
// (in that order of trust), joined
// transitively with union-find (Tarjan 1975, path halving + union by size), so a preprint
// matched by arXiv id to an OpenAlex record matched by DOI to a journal record is one
// paper. Works on stored Papers too: `sources` sets are unioned, so re-reading an input
// that is already in the store changes nothing.
//
// Choices for a merged paper:
//  - id: best by DOI > arXiv > OpenAlex > explicit id > title hash (ids.ts);
//  - title, url, source: from the first record in input order that has one (stored
//    papers come first when the caller passes them first, so ids and labels stay put);
//  - abstract: the longest; authors: the longest list; keywords: the union, first seen first;
//  - year/date: the earliest. A preprint's year is when the work reached readers; the
//    concept timelines (mean year) should date an idea by its first appearance;
//  - sources: the sorted union of fingerprints.
// Very short titles ("Introduction", "Editorial", under 3 words and 20 characters)
// never match by title: different papers share them.
import type { Paper } from '../graph/model.ts';
import { normaliseTitle, paperId } from './ids.ts';

export interface DedupeResult {
  papers: Paper[];
  /** Records folded into another paper that brought it at least one new source fingerprint. */
  merged: number;
}

function isTitleSpecific(normalised: string): boolean {
  return normalised.split(' ').length >= 3 || normalised.length >= 20;
}

/** The explicit id a paper carries, if its id is not derived from DOI/arXiv/OpenAlex/title. */
function explicitIdOf(paper: Paper): string | null {
  return /^(doi|arxiv|openalex|pmid|wos|title):/.test(paper.id) ? null : paper.id;
}

type When = Pick<Paper, 'year' | 'date'>;

function earliestDate(a: When, b: When): When {
  if (a.year === null) return { year: b.year, date: b.date };
  if (b.year === null) return { year: a.year, date: a.date };
  if (a.year !== b.year) return a.year < b.year ? { year: a.year, date: a.date } : { year: b.year, date: b.date };
  // Same year: the more precise date that is earliest; `2020` sorts before `2020-03`, so prefer length first.
  const ad = a.date ?? '';
  const bd = b.date ?? '';
  if (ad.length !== bd.length) return ad.length > bd.length ? { year: a.year, date: a.date } : { year: b.year, date: b.date };
  return ad <= bd ? { year: a.year, date: a.date } : { year: b.year, date: b.date };
}

function mergeGroup(members: Paper[]): Paper {
  const [first] = members;
  let when: When = { year: first.year, date: first.date };
  for (const p of members.slice(1)) when = earliestDate(when, p);
  const pick = <K extends keyof Paper>(key: K): Paper[K] => members.find((p) => p[key] !== null && p[key] !== '')?.[key] ?? first[key];
  const longest = <K extends 'abstract' | 'authors'>(key: K): Paper[K] =>
    members.reduce((best, p) => (p[key].length > best[key].length ? p : best), first)[key];
  const doi = pick('doi');
  const arxivId = pick('arxivId');
  const openalexId = pick('openalexId');
  const pmid = pick('pmid');
  const wosId = pick('wosId');
  const title = pick('title');
  const explicitId = members.map(explicitIdOf).find((id) => id !== null) ?? null;
  const keywords = new Map<string, string>();
  for (const k of members.flatMap((p) => p.keywords)) if (!keywords.has(k.toLowerCase())) keywords.set(k.toLowerCase(), k);
  return {
    id: paperId({ doi, arxivId, openalexId, pmid, wosId, explicitId, title }),
    title,
    abstract: longest('abstract'),
    year: when.year,
    date: when.date,
    url: pick('url'),
    authors: longest('authors'),
    source: first.source,
    doi,
    arxivId,
    openalexId,
    pmid,
    wosId,
    keywords: [...keywords.values()],
    sources: [...new Set(members.flatMap((p) => p.sources))].sort(),
  };
}

/**
 * Two different papers with one id (a reused explicit id, two papers titled
 * "Introduction"): the later one gets its title-hash id, or that plus its first
 * fingerprint when even the title is shared, so no store ever sees one id twice.
 */
function unusedId(paper: Paper, used: Set<string>): string {
  const byTitle = paperId({ title: paper.title });
  if (!used.has(byTitle)) return byTitle;
  return `${byTitle}-${paper.sources[0].split(':').pop()}`;
}

/** Merge records that are the same paper. Output order: first appearance in the input. */
export function dedupePapers(records: Paper[]): DedupeResult {
  const parent = records.map((_, i) => i);
  const size = records.map(() => 1);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const union = (a: number, b: number) => {
    let ra = find(a);
    let rb = find(b);
    if (ra === rb) return;
    if (size[ra] < size[rb]) [ra, rb] = [rb, ra];
    parent[rb] = ra;
    size[ra] += size[rb];
  };
  const firstWithKey = new Map<string, number>();
  const link = (key: string, i: number) => {
    const seen = firstWithKey.get(key);
    if (seen === undefined) firstWithKey.set(key, i);
    else union(seen, i);
  };
  records.forEach((paper, i) => {
    if (paper.doi) link(`doi:${paper.doi.toLowerCase()}`, i);
    if (paper.arxivId) link(`arxiv:${paper.arxivId}`, i);
    if (paper.pmid) link(`pmid:${paper.pmid}`, i);
    if (paper.wosId) link(`wos:${paper.wosId}`, i);
    const title = normaliseTitle(paper.title);
    if (isTitleSpecific(title)) link(`title:${title}`, i);
    // The same fingerprint is the same record, whatever else changed around it.
    for (const fp of paper.sources) link(`fp:${fp}`, i);
  });

  const groups = new Map<number, Paper[]>();
  records.forEach((paper, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(paper);
    else groups.set(root, [paper]);
  });

  const papers: Paper[] = [];
  const usedIds = new Set<string>();
  let merged = 0;
  for (const members of groups.values()) {
    let paper = members.length === 1 ? members[0] : mergeGroup(members);
    if (usedIds.has(paper.id)) paper = { ...paper, id: unusedId(paper, usedIds) };
    usedIds.add(paper.id);
    papers.push(paper);
    // Records whose sources were all already known (re-reads, stored copies) add nothing.
    merged += paper.sources.length - Math.max(...members.map((m) => m.sources.length));
  }
  return { papers, merged };
}
