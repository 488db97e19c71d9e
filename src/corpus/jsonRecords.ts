// Reader for paper records in JSON: JSON Lines (https://jsonlines.org), a JSON array,
// or a single object (RFC 8259). Fields: `{id?, doi?, arxivId?, title, abstract,
// year? | date?, authors? (array, or "A and B" / "A; B"), url?, keywords?, pmid?,
// openalexId?}` (what `papergraph fetch` writes); the NeurIPS/ICML/ICLR corpus shape
// `{id, title, abstract, year, authors, url, venue}` is this too (`venue` is ignored).
// Objects that are OpenAlex works go to openalex.ts, CSL-JSON items to cslJson.ts; an
// OpenAlex `/works` page on one line of a JSONL file yields its results.
import { createInterface } from 'node:readline';
import type { Paper } from '../graph/model.ts';
import { splitAuthors } from './authors.ts';
import { buildPaper } from './buildPaper.ts';
import { cslItemToRecord, isCslItem } from './cslJson.ts';
import { splitKeywords } from './keywords.ts';
import { scanJsonRecords } from './jsonScan.ts';
import { isOpenAlexWork, openAlexWorkToRecord } from './openalex.ts';
import { lineAt, linesAt, type InputProblem } from './problems.ts';
import type { RawRecord, ReaderOutput } from './rawRecord.ts';

type Json = Record<string, unknown>;

function text(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return null;
}

function first(obj: Json, keys: string[]): unknown {
  for (const key of keys) if (obj[key] !== undefined && obj[key] !== null && obj[key] !== '') return obj[key];
  return undefined;
}

function authorsOf(value: unknown): string[] {
  if (typeof value === 'string') return splitAuthors(value);
  if (!Array.isArray(value)) return [];
  return value
    .map((a) => (typeof a === 'string' ? a : text((a as Json)?.name) ?? [text((a as Json)?.given), text((a as Json)?.family)].filter(Boolean).join(' ')))
    .filter((a): a is string => typeof a === 'string' && a.trim() !== '');
}

/** One parsed JSON value as a raw record, or null (with an error) when it is not an object. */
export function jsonValueToRecord(value: unknown, line: number | null, file: string, problems: InputProblem[]): RawRecord | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    problems.push({ file, line, severity: 'error', message: `expected a JSON object {"title", "abstract", …}, found ${Array.isArray(value) ? 'an array' : JSON.stringify(value)?.slice(0, 40)}` });
    return null;
  }
  const obj = value as Json;
  if (isOpenAlexWork(obj)) return openAlexWorkToRecord(obj, line, file, problems);
  if (isCslItem(obj)) return cslItemToRecord(obj, line);
  const keywords = first(obj, ['keywords', 'keyword']);
  const yearValue = first(obj, ['year', 'publication_year', 'publicationYear']);
  const year = typeof yearValue === 'number' ? yearValue : typeof yearValue === 'string' && /^\d{4}$/.test(yearValue.trim()) ? Number(yearValue) : null;
  return {
    format: 'json',
    line,
    title: text(first(obj, ['title', 'Title', 'display_name'])) ?? '',
    abstract: text(first(obj, ['abstract', 'Abstract', 'summary', 'abstractNote'])) ?? '',
    year,
    date: text(first(obj, ['date', 'publication_date', 'published'])) ?? (typeof yearValue === 'string' ? yearValue : null),
    url: text(first(obj, ['url', 'URL', 'link'])),
    authors: authorsOf(first(obj, ['authors', 'author', 'creators'])),
    doi: text(first(obj, ['doi', 'DOI'])),
    arxivId: text(first(obj, ['arxivId', 'arxiv_id', 'arxiv', 'eprint'])),
    openalexId: text(first(obj, ['openalexId', 'openalex_id'])),
    pmid: text(first(obj, ['pmid', 'PMID'])),
    wosId: text(first(obj, ['wosId', 'UT'])),
    keywords: Array.isArray(keywords) ? keywords.filter((k): k is string => typeof k === 'string') : splitKeywords(text(keywords)),
    explicitId: text(obj.id),
  };
}

function parseError(error: unknown): string {
  return error instanceof Error ? error.message.replace(/^(Unexpected .*?) in JSON at position \d+.*$/s, '$1') : String(error);
}

/** An OpenAlex list page `{meta, results: [...]}`. */
function isWorksPage(value: unknown): value is { results: unknown[] } {
  return Boolean(value && typeof value === 'object' && !Array.isArray(value) && Array.isArray((value as Json).results) && 'meta' in (value as Json));
}

/** One JSONL line (1-based `lineNumber`) as records: one object, or the works of a page; blank lines give none. */
function parseJsonLine(line: string, lineNumber: number, file: string, problems: InputProblem[]): RawRecord[] {
  const trimmed = line.trim();
  if (!trimmed) return [];
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    problems.push({ file, line: lineNumber, severity: 'error', message: `not valid JSON (${parseError(error)}); expected one JSON object per line; line skipped` });
    return [];
  }
  const values = isWorksPage(value) ? value.results : [value];
  return values.map((v) => jsonValueToRecord(v, lineNumber, file, problems)).filter((r): r is RawRecord => r !== null);
}

/** JSON Lines: one record per line; a bad line is an error naming it, the others are read. */
export function readJsonLines(source: string, file: string): ReaderOutput {
  const records: RawRecord[] = [];
  const problems: InputProblem[] = [];
  // Line by line from the text, not split into an array of every line first (a copy of the whole file).
  for (let from = 0, lineNumber = 1; from <= source.length; lineNumber++) {
    const end = source.indexOf('\n', from);
    const to = end === -1 ? source.length : end;
    for (const record of parseJsonLine(source.slice(from, to), lineNumber, file, problems)) records.push(record);
    from = to + 1;
  }
  return { records, problems };
}

/** A JSON array of records, an OpenAlex `/works` page, or one record object. */
export function readJsonDocument(source: string, file: string): ReaderOutput {
  const records: RawRecord[] = [];
  const problems: InputProblem[] = [];
  const scan = scanJsonRecords(source);
  const lines = linesAt(source, scan.spans.map((s) => s.start));
  scan.spans.forEach((span, k) => {
    let value: unknown;
    try {
      value = JSON.parse(source.slice(span.start, span.end));
    } catch (error) {
      problems.push({ file, line: lines[k], severity: 'error', message: `record is not valid JSON (${parseError(error)}); record skipped` });
      return;
    }
    const record = jsonValueToRecord(value, lines[k], file, problems);
    if (record) records.push(record);
  });
  if (scan.shape === 'results' && scan.spans.length === 0 && !scan.fault) {
    problems.push({ file, line: null, severity: 'warning', message: 'OpenAlex page with no results (the last page of a cursor walk, or a query that matched nothing)' });
  }
  if (scan.fault) {
    problems.push({
      file,
      line: lineAt(source, scan.fault.offset),
      severity: 'error',
      message: `${scan.fault.message}; ${records.length} complete record(s) before it were read`,
    });
  }
  return { records, problems };
}

/**
 * JSONL from a stream (stdin for `papergraph extract -`), named `name` in messages.
 * Yields each Paper as its line is read, and an InputProblem for each bad line;
 * the stream is read to its end whatever it contains. Papers are not de-duplicated.
 */
export async function* readJsonlStream(input: NodeJS.ReadableStream, name: string): AsyncIterable<Paper | InputProblem> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    const problems: InputProblem[] = [];
    for (const record of parseJsonLine(line, lineNumber, name, problems)) {
      const paper = buildPaper(record, name, problems);
      if (paper) yield paper;
    }
    yield* problems;
  }
}
