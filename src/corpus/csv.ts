// Reader for CSV/TSV exports with a header row (RFC 4180; delimiter sniffed among
// comma, semicolon and tab). Column names are matched case-insensitively, ignoring
// punctuation, against the names used by:
//  - generic sheets: title, abstract, year, date, authors, doi, url, id
//  - IEEE Xplore "Export to CSV": Document Title, Authors (`;`), Publication Year,
//    Abstract, DOI, PDF Link (ieeexplore.ieee.org help, "Exporting search results")
//  - Scopus CSV (Scopus, "Export → CSV"): Title, Authors (`Smith J., Lee K.` before 2023,
//    `Smith, J.; Lee, K.` since), Author full names (`Smith, John (57190000000); …`,
//    preferred), Year, Abstract, DOI, Link, Author Keywords (`;`), PubMed ID, EID
//  - Embase.com "CSV – Fields by Column": TITLE, AUTHOR NAMES (`,`-separated
//    `Smith J.`), ABSTRACT, PUBLICATION YEAR / DATE OF PUBLICATION, DOI, PUI, and
//    "CSV – Fields by Row", the long layout: one `FIELD,value` pair per row, a
//    record starting at each TITLE row (or after a blank row)
//  - Zotero CSV: Title, Abstract Note, Author, Publication Year, DOI, Url
//  - Web of Science "Excel" exports saved as CSV: Article Title, Author Full Names,
//    Author Keywords, Pubmed Id, UT (Unique WOS ID)
// No year column is fine: papers then have year null.
import { parse } from 'csv-parse/sync';
import { displayName, splitAuthors } from './authors.ts';
import { splitKeywords } from './keywords.ts';
import type { InputProblem } from './problems.ts';
import type { RawRecord, ReaderOutput } from './rawRecord.ts';

type Field = 'title' | 'abstract' | 'year' | 'date' | 'authors' | 'fullNames' | 'doi' | 'url' | 'id' | 'arxivId' | 'keywords' | 'pmid' | 'wosId';

const COLUMN_NAMES: Record<Field, string[]> = {
  title: ['title', 'document title', 'article title', 'paper title', 'primary title', 'ti', 't1'],
  abstract: ['abstract', 'abstract note', 'summary', 'ab', 'description'],
  year: ['year', 'publication year', 'pub year', 'py', 'publication_year'],
  date: ['date', 'publication date', 'date of publication', 'date published', 'published', 'online date'],
  authors: ['authors', 'author', 'author names', 'au', 'creators'],
  fullNames: ['author full names', 'af'],
  doi: ['doi', 'do'],
  url: ['url', 'link', 'pdf link', 'document url', 'full text link', 'landing page'],
  id: ['id', 'paper id', 'record id'],
  arxivId: ['arxiv id', 'arxivid', 'arxiv', 'eprint'],
  keywords: ['author keywords', 'keywords', 'keyword', 'de'],
  pmid: ['pubmed id', 'pmid', 'pm'],
  wosId: ['ut unique wos id', 'ut', 'accession number'],
};

const key = (name: string) => name.replace(/^\ufeff/, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
const LOOKUP = new Map<string, Field>();
for (const [field, names] of Object.entries(COLUMN_NAMES) as [Field, string[]][]) for (const n of names) LOOKUP.set(key(n), field);

function sniffDelimiter(text: string): string {
  const header = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  // Count outside quotes only: "Title, subtitle" must not vote for comma.
  const unquoted = header.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, unquoted.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0][1] > 0 ? counts[0][0] : ',';
}

interface Row {
  cells: string[];
  line: number;
}

function parseRows(text: string, delimiter: string, file: string, problems: InputProblem[]): Row[] {
  try {
    const parsed = parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      info: true,
      raw: true,
    }) as unknown as { record: string[]; info: { lines: number }; raw: string }[];
    return parsed.map(({ record, info, raw }) => {
      const body = raw.replace(/^(?:\r?\n)+/, '').replace(/\r?\n$/, '');
      const inner = body.split('\n').length - 1;
      return { cells: record, line: info.lines - inner };
    });
  } catch (error) {
    const err = error as Error & { lines?: number };
    problems.push({ file, line: err.lines ?? null, severity: 'error', message: `CSV cannot be parsed: ${err.message}; file skipped` });
    return [];
  }
}

const isBlank = (row: Row) => row.cells.every((c) => c.trim() === '');

/** Scopus's `Smith, John (57190000000); Lee, Kim (…)`, WoS's `Smith, John; Lee, Kim`. */
function fullNames(text: string): string[] {
  return text.split(';').map((n) => displayName(n.replace(/\(\d+\)\s*$/, ''))).filter(Boolean);
}

function recordFrom(values: Partial<Record<Field, string>>, line: number, embaseAuthors: boolean): RawRecord {
  const yearText = values.year?.trim();
  const year = yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : null;
  // Scopus before 2023 and Embase list authors `Smith J., Lee K.`: commas separate names.
  const commaSeparated = embaseAuthors || Boolean(values.authors && !values.authors.includes(';') && /^[^,]+ (?:\p{Lu}\.-?)+,\s/u.test(values.authors));
  return {
    format: 'csv',
    line,
    title: values.title ?? '',
    abstract: values.abstract ?? '',
    year,
    date: values.date ?? (yearText && year === null ? yearText : null),
    url: values.url ?? null,
    authors: values.fullNames ? fullNames(values.fullNames) : values.authors ? splitAuthors(values.authors, { commaSeparated }) : [],
    doi: values.doi ?? null,
    arxivId: values.arxivId ?? null,
    keywords: splitKeywords(values.keywords),
    pmid: values.pmid ?? null,
    wosId: values.wosId ?? null,
    explicitId: values.id?.trim() || null,
  };
}

/** Embase "fields by row": `TITLE,…` / `AUTHOR NAMES,…` pairs, one record per TITLE. */
function readLongLayout(rows: Row[]): RawRecord[] {
  const records: RawRecord[] = [];
  let values: Partial<Record<Field, string>> | null = null;
  let start = 0;
  const flush = () => {
    if (values) records.push(recordFrom(values, start, true));
    values = null;
  };
  for (const row of rows) {
    if (isBlank(row)) {
      flush();
      continue;
    }
    const field = LOOKUP.get(key(row.cells[0] ?? ''));
    if (!field) continue;
    if (!values || (field === 'title' && values.title !== undefined)) {
      flush();
      values = {};
      start = row.line;
    }
    values[field] ??= row.cells.slice(1).join(', ');
  }
  flush();
  return records;
}

export function readCsv(text: string, file: string): ReaderOutput {
  const problems: InputProblem[] = [];
  const rows = parseRows(text, sniffDelimiter(text), file, problems);
  const headerIndex = rows.findIndex((r) => !isBlank(r));
  if (headerIndex === -1) return { records: [], problems };
  const header = rows[headerIndex];
  const columns = header.cells.map((c) => LOOKUP.get(key(c)) ?? null);

  // The long layout: a first column of field names and no header naming two fields.
  const firstColumnFields = rows.filter((r) => LOOKUP.has(key(r.cells[0] ?? ''))).length;
  if (columns.filter(Boolean).length < 2 && header.cells.length <= 3 && firstColumnFields >= 2 && LOOKUP.get(key(header.cells[0])) === 'title') {
    return { records: readLongLayout(rows.slice(headerIndex)), problems };
  }

  const found = header.cells.map((c) => JSON.stringify(c.trim())).join(', ');
  if (!columns.includes('title')) {
    problems.push({
      file,
      line: header.line,
      severity: 'error',
      message: `CSV header has no title column. Found columns: ${found}. Accepted title columns: ${COLUMN_NAMES.title.join(', ')}; file skipped`,
    });
    return { records: [], problems };
  }
  if (!columns.includes('abstract')) {
    problems.push({
      file,
      line: header.line,
      severity: 'warning',
      message: `CSV header has no abstract column (found: ${found}; accepted: ${COLUMN_NAMES.abstract.join(', ')}); papers get titles only`,
    });
  }
  const embaseAuthors = header.cells.some((c) => key(c) === 'author names');
  const records: RawRecord[] = [];
  for (const row of rows.slice(headerIndex + 1)) {
    if (isBlank(row)) continue;
    const values: Partial<Record<Field, string>> = {};
    columns.forEach((field, i) => {
      const cell = row.cells[i];
      if (field && cell !== undefined && cell.trim() !== '' && values[field] === undefined) values[field] = cell;
    });
    records.push(recordFrom(values, row.line, embaseAuthors));
  }
  return { records, problems };
}
