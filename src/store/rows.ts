// Row shapes shared by both stores: the same `.cypher` files return the same
// columns whichever database answers, so one reader serves both.
import type { Concept, GraphStats, Paper } from '../graph/model.ts';
import type { Row } from './GraphStore.ts';

export const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
export const numberOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
export const number = (v: unknown): number => numberOrNull(v) ?? 0;
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const num = numberOrNull;

export function paperFromRow(row: Row): Paper {
  return {
    id: String(row.id),
    title: text(row.title) ?? '',
    abstract: text(row.abstract) ?? '',
    year: num(row.year),
    date: text(row.date),
    url: text(row.url),
    authors: list(row.authors),
    source: text(row.source) ?? '',
    doi: text(row.doi),
    arxivId: text(row.arxivId),
    openalexId: text(row.openalexId),
    pmid: text(row.pmid),
    wosId: text(row.wosId),
    keywords: list(row.keywords),
    sources: list(row.sources),
  };
}

/** A row of `snapshot-concepts`. */
export function conceptFromRow(row: Row): Concept {
  return {
    id: String(row.id),
    label: text(row.label) ?? String(row.id),
    aliases: list(row.aliases),
    papers: number(row.papers),
    mentions: number(row.mentions),
    score: number(row.score),
    community: number(row.community),
    x: number(row.x),
    y: number(row.y),
    pagerank: number(row.pagerank),
    betweenness: number(row.betweenness),
    participation: number(row.participation),
    meanYear: numberOrNull(row.meanYear),
    relevance: number(row.relevance),
    generic: row.generic === true,
  };
}

/** Counts for `stats` and `/api/health`, from the four stats-* queries. */
export async function readStats(run: (name: string) => Promise<Row[]>): Promise<GraphStats> {
  const [papers, concepts, mentions, cooccurs] = await Promise.all([
    run('stats-papers'),
    run('stats-concepts'),
    run('stats-mentions'),
    run('stats-cooccurs'),
  ]);
  const paperCount = Number(papers[0]?.papers ?? 0);
  return {
    papers: paperCount,
    concepts: Number(concepts[0]?.concepts ?? 0),
    mentions: Number(mentions[0]?.mentions ?? 0),
    cooccurrences: Number(cooccurs[0]?.cooccurrences ?? 0),
    merged: Number(papers[0]?.records ?? 0) - paperCount,
    communities: Number(concepts[0]?.communities ?? 0),
  };
}
