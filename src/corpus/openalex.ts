// Reader for OpenAlex works (https://docs.openalex.org/api-entities/works/work-object):
// a single work, a `/works` results page `{meta, results: [...]}`, or JSONL of works.
// The abstract is rebuilt from `abstract_inverted_index` (word → positions), as
// OpenAlex stores it for licensing reasons. A work whose index is null is still read:
// its title alone names concepts (warning "no abstract"). The arXiv id comes from
// `ids`, the locations' landing pages, or an arXiv DataCite DOI; the PMID from `ids.pmid`.
// Keywords: `keywords` (`[{display_name, score}]`; older snapshots `[{keyword}]`).
import type { InputProblem } from './problems.ts';
import type { RawRecord } from './rawRecord.ts';

type Json = Record<string, unknown>;

const asObject = (v: unknown): Json | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null);
const asString = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

/** True for objects shaped like an OpenAlex work (so the JSON reader hands them here). */
export function isOpenAlexWork(value: Json): boolean {
  const id = asString(value.id);
  return 'abstract_inverted_index' in value || (id !== null && /openalex\.org\/W\d+/i.test(id)) || ('display_name' in value && 'publication_year' in value);
}

/** Words back in order from `{word: [positions]}`; out-of-range or malformed entries are skipped. */
export function abstractFromInvertedIndex(index: unknown): string {
  const map = asObject(index);
  if (!map) return '';
  const words: string[] = [];
  let count = 0;
  for (const [word, positions] of Object.entries(map)) {
    if (!Array.isArray(positions)) continue;
    for (const p of positions) {
      // Guard against absurd positions: a sparse array of 10^9 slots would exhaust memory.
      if (Number.isInteger(p) && p >= 0 && p < 1_000_000) {
        words[p] = word;
        count++;
      }
    }
  }
  return count ? words.filter((w) => w !== undefined).join(' ') : '';
}

function arxivFromWork(work: Json): string | null {
  const ids = asObject(work.ids);
  const candidates: unknown[] = [ids?.arxiv];
  const locations = Array.isArray(work.locations) ? work.locations : [];
  for (const loc of [work.primary_location, work.best_oa_location, ...locations]) {
    const l = asObject(loc);
    if (l) candidates.push(l.landing_page_url, l.pdf_url);
  }
  for (const c of candidates) {
    const s = asString(c);
    if (s && /arxiv\.org\/(?:abs|pdf)\//i.test(s)) return s;
  }
  return null;
}

function keywordsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .map((k) => (typeof k === 'string' ? k : asString(asObject(k)?.display_name) ?? asString(asObject(k)?.keyword)))
    .filter((k): k is string => k !== null);
}

export function openAlexWorkToRecord(work: Json, line: number | null, file: string, problems: InputProblem[]): RawRecord {
  const ids = asObject(work.ids);
  const index = work.abstract_inverted_index;
  if (index === null || index === undefined) {
    problems.push({ file, line, severity: 'warning', message: 'OpenAlex work has no abstract (abstract_inverted_index is null); kept with its title only' });
  }
  const authorships = Array.isArray(work.authorships) ? work.authorships : [];
  const authors = authorships
    .map((a) => asString(asObject(asObject(a)?.author)?.display_name) ?? asString(asObject(a)?.raw_author_name))
    .filter((a): a is string => a !== null);
  const primary = asObject(work.primary_location);
  const year = typeof work.publication_year === 'number' ? work.publication_year : null;
  return {
    format: 'openalex',
    line,
    title: asString(work.title) ?? asString(work.display_name) ?? '',
    abstract: abstractFromInvertedIndex(index),
    year,
    date: asString(work.publication_date),
    url: asString(primary?.landing_page_url) ?? asString(work.doi) ?? asString(work.id),
    authors,
    doi: asString(work.doi) ?? asString(ids?.doi),
    arxivId: arxivFromWork(work),
    openalexId: asString(ids?.openalex) ?? asString(work.id),
    pmid: asString(ids?.pmid),
    keywords: keywordsOf(work.keywords),
  };
}
