// PubMed through NCBI E-utilities (www.ncbi.nlm.nih.gov/books/NBK25499: ESearch with
// `usehistory=y` keeps the result set on the History server as `WebEnv` + `query_key`;
// EFetch then pages it with `retstart`/`retmax`, `retmode=xml`). NCBI asks for `tool` and
// `email` on every request and allows 3 requests per second, 10 with an `api_key`
// (NBK25497, "Usage Guidelines and Requirements"). A resumed run searches again (a
// WebEnv expires) and goes on at the recorded `retstart`.
import { readPubmedXml } from '../corpus/pubmed.ts';
import { FetchError } from './http.ts';
import { withParams, type FetchSource } from './sources.ts';

const PAGE = 200;

export const pubmed: FetchSource = {
  name: 'pubmed',
  label: 'PubMed',
  minIntervalMs: (options) => (options.apiKey ? 100 : 334),
  async *pages(query, options, http) {
    const base = options.baseUrl.replace(/\/$/, '');
    const polite = { tool: 'papergraph', email: options.mailto, api_key: options.apiKey };
    const search = await http.get(withParams(`${base}/esearch.fcgi`, {
      db: 'pubmed', term: query, usehistory: 'y', retmax: 0,
      datetype: options.from ? 'pdat' : null, mindate: options.from, maxdate: options.from ? 3000 : null, ...polite,
    }));
    const error = /<ERROR>([\s\S]*?)<\/ERROR>/.exec(search)?.[1];
    if (error) throw new FetchError(`PubMed refused the search: ${error.trim()}`);
    const count = Number(/<Count>(\d+)<\/Count>/.exec(search)?.[1] ?? NaN);
    const webenv = /<WebEnv>([^<]+)<\/WebEnv>/.exec(search)?.[1];
    const queryKey = /<QueryKey>([^<]+)<\/QueryKey>/.exec(search)?.[1];
    if (Number.isNaN(count) || !webenv || !queryKey) throw new FetchError('PubMed ESearch answered without Count, WebEnv and QueryKey (usehistory=y)');
    let start = Number(options.cursor ?? 0);
    let written = options.written;
    while (written < options.max && start < count) {
      const url = withParams(`${base}/efetch.fcgi`, {
        db: 'pubmed', query_key: queryKey, WebEnv: webenv, retstart: start, retmax: Math.min(PAGE, options.max - written), retmode: 'xml', ...polite,
      });
      const { records } = readPubmedXml(await http.get(url), url);
      const kept = records.slice(0, options.max - written);
      written += kept.length;
      start += Math.max(records.length, 1);
      const more = records.length > 0 && written < options.max && start < count;
      yield { records: kept, cursor: more ? String(start) : null, total: count };
      if (!more) return;
    }
    if (start >= count) yield { records: [], cursor: null, total: count };
  },
};
