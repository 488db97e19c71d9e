// OpenAlex works search (docs.openalex.org: "Paging" → cursor paging with `cursor=*`
// and `meta.next_cursor`; "Rate limits and authentication": at most 10 requests per
// second and 100,000 a day; the polite pool for requests that give `mailto`). 200 works
// per page, the most the API allows; only the fields papergraph reads are selected.
import { openAlexWorkToRecord } from '../corpus/openalex.ts';
import type { InputProblem } from '../corpus/problems.ts';
import { FetchError } from './http.ts';
import { withParams, type FetchSource } from './sources.ts';

const SELECT = 'id,doi,title,display_name,publication_year,publication_date,ids,primary_location,best_oa_location,locations,authorships,abstract_inverted_index,keywords';

export const openalex: FetchSource = {
  name: 'openalex',
  label: 'OpenAlex',
  minIntervalMs: () => 100,
  async *pages(query, options, http) {
    let cursor = options.cursor ?? '*';
    let written = options.written;
    while (written < options.max) {
      const url = withParams(`${options.baseUrl.replace(/\/$/, '')}/works`, {
        search: query,
        filter: options.from ? `from_publication_date:${options.from}-01-01` : null,
        'per-page': Math.min(200, options.max - written),
        cursor,
        select: SELECT,
        mailto: options.mailto,
      });
      const body = await http.get(url);
      let page: { meta?: { count?: number; next_cursor?: string | null }; results?: unknown[] };
      try {
        page = JSON.parse(body);
      } catch {
        throw new FetchError(`OpenAlex sent something that is not JSON for ${url}`);
      }
      const results = Array.isArray(page.results) ? page.results : [];
      const problems: InputProblem[] = [];
      const records = results.slice(0, options.max - written).map((w) => openAlexWorkToRecord(w as Record<string, unknown>, null, url, problems));
      written += records.length;
      const next = page.meta?.next_cursor ?? null;
      const more = next !== null && results.length > 0 && written < options.max;
      yield { records, cursor: more ? next : null, total: page.meta?.count ?? null };
      if (!more) return;
      cursor = next;
    }
  },
};
