// A reader's raw record to a `Paper`: cleaned text, normalised identifiers, the stable
// id (ids.ts), and the record fingerprint that makes re-reading the same input a no-op.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Paper } from '../graph/model.ts';
import { cleanText, truncateAtSentence } from './cleanText.ts';
import { parseDate } from './dates.ts';
import { normaliseArxivId, normaliseDoi, normaliseOpenalexId, normalisePmid, normaliseWosId, paperId } from './ids.ts';
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
  const fields: unknown[] = [
    paper.title, paper.abstract, paper.year, paper.date, paper.authors, paper.doi, paper.arxivId,
    paper.openalexId, record.explicitId ?? null, paper.url,
  ];
  // Appended only when present, so records read before these fields existed keep their fingerprints.
  if (paper.pmid || paper.wosId || paper.keywords.length) fields.push(paper.pmid, paper.wosId, paper.keywords);
  const content = JSON.stringify(fields);
  return `${record.format}:${createHash('sha256').update(content).digest('hex').slice(0, 16)}`;
}

/** Keywords as text, in source order, each once (case-insensitively); empty and over-long ones left out. */
export function cleanKeywords(raw: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const k of raw) {
    const text = cleanText(k).replace(/^[\s;,.]+|[\s;,.]+$/g, '');
    const key = text.toLowerCase();
    if (!text || text.length > 200 || seen.has(key)) continue;
    seen.add(key);
    out.push(text);
  }
  return out;
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
  const wosId = normaliseWosId(record.wosId);
  // A MEDLINE accession number in a WoS all-databases export is the PMID.
  const pmid = normalisePmid(record.pmid) ?? (wosId?.startsWith('MEDLINE:') ? normalisePmid(wosId.slice(8)) : null);
  const keywords = cleanKeywords(record.keywords ?? []);

  const fields = { title, abstract, year, date, url, authors, doi, arxivId, openalexId, pmid, wosId, keywords };
  return {
    id: paperId({ doi, arxivId, openalexId, pmid, wosId, explicitId: record.explicitId, title }),
    ...fields,
    source: `${record.format}:${basename(file)}`,
    sources: [fingerprint(record, fields)],
  };
}
