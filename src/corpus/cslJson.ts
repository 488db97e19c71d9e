// Reader for CSL-JSON items (Citation Style Language 1.0.2, "CSL-JSON" input schema
// csl-data.json), the JSON that Zotero ("CSL JSON" export), Better BibTeX, Mendeley and
// pandoc write: `title`, `abstract`, `author` [{family, given} | {literal}], `issued`
// {date-parts: [[y, m, d]]} (or {raw} / {literal}), `DOI`, `URL`, `PMID`, `keyword`
// (one string, `,`- or `;`-separated). Titles may carry CSL's rich-text markup
// (`<i>`, `<b>`, `<sub>`, `<span class="nocase">`), reduced to text like any HTML.
// The item's `id` (a citation key or a Zotero URI) is its id only when nothing better exists.
import { parseDate } from './dates.ts';
import { splitKeywords } from './keywords.ts';
import type { RawRecord } from './rawRecord.ts';

type Json = Record<string, unknown>;

/** CSL 1.0.2 item types (the `type` values of csl-data.json). */
const CSL_TYPES = new Set([
  'article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast', 'chapter',
  'classic', 'collection', 'dataset', 'document', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'event',
  'figure', 'graphic', 'hearing', 'interview', 'legal_case', 'legislation', 'manuscript', 'map', 'motion_picture',
  'musical_score', 'pamphlet', 'paper-conference', 'patent', 'performance', 'periodical', 'personal_communication',
  'post', 'post-weblog', 'regulation', 'report', 'review', 'review-book', 'software', 'song', 'speech', 'standard',
  'thesis', 'treaty', 'webpage',
]);

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : null);

/** True for objects shaped like a CSL-JSON item (a known `type` plus CSL's own variables). */
export function isCslItem(value: Json): boolean {
  if (typeof value.type !== 'string' || !CSL_TYPES.has(value.type)) return false;
  return ['issued', 'container-title', 'citation-key', 'DOI', 'URL', 'author', 'editor', 'title-short'].some((k) => k in value);
}

function dateOf(issued: unknown): { year: number | null; date: string | null } {
  const d = issued && typeof issued === 'object' ? (issued as Json) : null;
  const parts = Array.isArray(d?.['date-parts']) ? (d!['date-parts'] as unknown[])[0] : null;
  if (Array.isArray(parts) && parts.length) {
    const [y, m, day] = parts.map((p) => Number(p));
    if (Number.isInteger(y)) {
      const text = [y, m, day].filter((n, i) => Number.isInteger(n) && (i === 0 || n >= 1)).map((n, i) => (i === 0 ? String(n) : String(n).padStart(2, '0')));
      // Seasons are months 13–16 (or 21–24) in CSL: a year only.
      return m > 12 ? { year: y, date: String(y) } : { year: y, date: text.join('-') };
    }
  }
  const raw = str(d?.raw) ?? str(d?.literal) ?? (typeof issued === 'string' ? issued : null);
  return raw ? parseDate(raw) : { year: null, date: null };
}

function names(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list
    .map((n) => {
      const name = (n ?? {}) as Json;
      return str(name.literal) ?? [str(name.given), str(name['non-dropping-particle']), str(name.family)].filter(Boolean).join(' ');
    })
    .filter((n): n is string => Boolean(n && n.trim()));
}

export function cslItemToRecord(item: Json, line: number | null): RawRecord {
  const { year, date } = dateOf(item.issued);
  const url = str(item.URL);
  return {
    format: 'csl',
    line,
    title: str(item.title) ?? '',
    abstract: str(item.abstract) ?? '',
    year,
    date,
    url,
    authors: names(item.author),
    doi: str(item.DOI),
    arxivId: url && /arxiv\.org\/(?:abs|pdf)\//i.test(url) ? url : null,
    pmid: str(item.PMID),
    keywords: Array.isArray(item.keyword) ? item.keyword.map(String) : splitKeywords(str(item.keyword)),
    explicitId: str(item.id),
  };
}
