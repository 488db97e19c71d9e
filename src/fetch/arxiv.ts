// arXiv API search (info.arxiv.org/help/api/user-manual.html §3.1.1: `search_query`,
// `start`/`max_results` paging, slices of at most 2,000, `sortBy=submittedDate`; "play
// nice and incorporate a 3 second delay" between calls; §3.4: errors come back as a feed
// with one entry titled Error). A query without a field prefix searches every field for
// all its words; `--from` adds a `submittedDate` range.
import { readArxivAtom } from '../corpus/arxivAtom.ts';
import { FetchError } from './http.ts';
import { withParams, type FetchSource } from './sources.ts';

const PAGE = 200;

/** `spiking neural networks` → `all:spiking AND all:neural AND all:networks`; arXiv syntax passes as written. */
export function arxivQuery(query: string, from: number | null): string {
  const base = /\b(?:ti|au|abs|co|jr|cat|rn|id|all|submittedDate):/.test(query)
    ? query
    : query.split(/\s+/).filter(Boolean).map((w) => `all:${w}`).join(' AND ');
  return from ? `(${base}) AND submittedDate:[${from}01010000 TO 999912312359]` : base;
}

export const arxiv: FetchSource = {
  name: 'arxiv',
  label: 'arXiv',
  minIntervalMs: () => 3_000,
  async *pages(query, options, http) {
    let start = Number(options.cursor ?? 0);
    let written = options.written;
    while (written < options.max) {
      const url = withParams(options.baseUrl, {
        search_query: arxivQuery(query, options.from),
        start,
        max_results: Math.min(PAGE, options.max - written),
        sortBy: 'submittedDate',
        sortOrder: 'descending',
      });
      const body = await http.get(url);
      const { records, problems } = readArxivAtom(body, url);
      const error = problems.find((p) => p.severity === 'error');
      if (error) throw new FetchError(`arXiv refused the query: ${error.message}`);
      const total = Number(/<opensearch:totalResults[^>]*>\s*(\d+)/.exec(body)?.[1] ?? NaN);
      const kept = records.slice(0, options.max - written);
      written += kept.length;
      start += records.length;
      const more = records.length > 0 && written < options.max && (Number.isNaN(total) || start < total);
      yield { records: kept, cursor: more ? String(start) : null, total: Number.isNaN(total) ? null : total };
      if (!more) return;
    }
  },
};
