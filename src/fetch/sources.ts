// What every source of `papergraph fetch` provides: pages of paper records from a
// position (its cursor) on, so a run can stop anywhere and go on later.
import type { RawRecord } from '../corpus/rawRecord.ts';
import type { PoliteClient } from './http.ts';

export interface SourceOptions {
  /** Only works published in this year or later. */
  from: number | null;
  /** Stop after this many records. */
  max: number;
  /** Where the last run stopped (the source's own paging position), null to start. */
  cursor: string | null;
  /** Contact address for the polite pools (OpenAlex `mailto`, NCBI `email`). */
  mailto: string | null;
  /** NCBI API key: 10 requests/s instead of 3. */
  apiKey: string | null;
  baseUrl: string;
  /** Records already written (a resumed run), counted against `max`. */
  written: number;
}

export interface SourcePage {
  records: RawRecord[];
  /** The position after this page; null when the source has no more. */
  cursor: string | null;
  /** Matching records at the source, when it says. */
  total: number | null;
}

export interface FetchSource {
  /** As written on the command line: openalex, arxiv, pubmed. */
  name: string;
  label: string;
  /** The source's published rate limit, as the shortest time between requests. */
  minIntervalMs: (options: SourceOptions) => number;
  pages(query: string, options: SourceOptions, http: PoliteClient): AsyncGenerator<SourcePage>;
}

/** A raw record as the JSON line `ingest` reads back (jsonRecords.ts), empty fields left out. */
export function toJsonRecord(record: RawRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ['title', 'abstract', 'year', 'date', 'url', 'authors', 'doi', 'arxivId', 'openalexId', 'pmid', 'keywords'] as const) {
    const value = record[key];
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = value;
  }
  return out;
}

export function withParams(base: string, params: Record<string, string | number | null | undefined>): string {
  const url = new URL(base);
  for (const [key, value] of Object.entries(params)) if (value !== null && value !== undefined && value !== '') url.searchParams.set(key, String(value));
  return url.toString();
}
