// A reader's raw record to a `Paper`: cleaned text, normalised identifiers, the stable
// id (ids.ts), and the record fingerprint that makes re-reading the same input a no-op.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Paper } from '../graph/model.ts';
import { cleanText, truncateAtSentence } from './cleanText.ts';
import { parseDate } from './dates.ts';
import { normaliseArxivId, normaliseDoi, normaliseOpenalexId, paperId } from './ids.ts';
import type { InputProblem } from './problems.ts';
import type { RawRecord } from './rawRecord.ts';

export interface BuildPaperOptions {
  /** Longest abstract kept, in characters; longer ones are cut at a sentence end. Default 20,000. */
  maxAbstractChars?: number;
}

const DEFAULT_MAX_ABSTRACT = 20_000;
/** arXiv's DataCite DOIs (`10.48550/arXiv.2401.01234`) name the preprint: treated as its arXiv id. */
const ARXIV_DOI = /^10\.48550\/arxiv\.(.+)$/;

function fingerprint(record: RawRecord, paper: Omit<Paper, 'sources' | 'source' | 'id'>): string {
  const content = JSON.stringify([
    paper.title, paper.abstract, paper.year, paper.date, paper.authors, paper.doi, paper.arxivId,
    paper.openalexId, record.explicitId ?? null, paper.url,
  ]);
  return `${record.format}:${createHash('sha256').update(content).digest('hex').slice(0, 16)}`;
}

/** Build the Paper for one record, or null (with an error in `problems`) when it has no title. */
export function buildPaper(
  record: RawRecord,
  file: string,
  problems: InputProblem[],
  options: BuildPaperOptions = {},
): Paper | null {
  const maxAbstract = options.maxAbstractChars ?? DEFAULT_MAX_ABSTRACT;
  const title = cleanText(record.title ?? '');
  if (!title) {
    problems.push({ file, line: record.line, severity: 'error', message: 'record has no title; skipped (every paper needs a title)' });
    return null;
  }
  // Cleaning is linear but a 10 MB abstract is still 10 MB: cut the raw text early.
  const rawAbstract = record.abstract ?? '';
  let abstract = cleanText(rawAbstract.length > maxAbstract * 2 ? rawAbstract.slice(0, maxAbstract * 2) : rawAbstract);
  if (abstract.length > maxAbstract || rawAbstract.length > maxAbstract * 2) {
    const cut = truncateAtSentence(abstract, maxAbstract);
    problems.push({
      file,
      line: record.line,
      severity: 'warning',
      message: `abstract of ${rawAbstract.length.toLocaleString('en')} characters cut to ${cut.length.toLocaleString('en')} at a sentence end (limit ${maxAbstract.toLocaleString('en')})`,
    });
    abstract = cut;
  }

  let doi = normaliseDoi(record.doi);
  let arxivId = normaliseArxivId(record.arxivId);
  const arxivDoi = doi ? ARXIV_DOI.exec(doi) : null;
  if (arxivDoi) {
    arxivId ??= normaliseArxivId(arxivDoi[1]);
    doi = null;
  }
  const openalexId = normaliseOpenalexId(record.openalexId);
  const parsed = parseDate(record.date ?? null);
  const year = record.year ?? parsed.year;
  const date = parsed.date ?? (year !== null ? String(year) : null);
  const authors = (record.authors ?? []).map((a) => cleanText(a, { stripHtml: false })).filter(Boolean);
  const url = record.url?.trim() || null;

  const fields = { title, abstract, year, date, url, authors, doi, arxivId, openalexId };
  return {
    id: paperId({ doi, arxivId, openalexId, explicitId: record.explicitId, title }),
    ...fields,
    source: `${record.format}:${basename(file)}`,
    sources: [fingerprint(record, fields)],
  };
}
