// A paper's page: its text from the store and every concept it mentions, with the
// spans the explorer highlights.
import type { PaperResponse } from '../graph/model.ts';
import type { GraphReader, StoreValue } from '../store/GraphStore.ts';
import { ExploreError } from './errors.ts';
import { parseSpans } from './spans.ts';

const text = (v: StoreValue | undefined): string | null => (typeof v === 'string' ? v : null);

export async function paperDetails(store: GraphReader, id: string): Promise<PaperResponse> {
  const [rows, mentions] = await Promise.all([store.run('paper', { id }), store.run('paper-mentions', { id })]);
  const row = rows[0];
  if (!row) throw new ExploreError('not_found', `No paper with id "${id}".`);
  return {
    id: String(row.id),
    title: text(row.title) ?? '',
    abstract: text(row.abstract) ?? '',
    year: typeof row.year === 'number' ? row.year : null,
    date: text(row.date),
    url: text(row.url),
    authors: Array.isArray(row.authors) ? row.authors.map(String) : [],
    doi: text(row.doi),
    arxivId: text(row.arxivId),
    pmid: text(row.pmid),
    wosId: text(row.wosId),
    keywords: Array.isArray(row.keywords) ? row.keywords.map(String) : [],
    concepts: mentions.map((m) => ({ id: String(m.id), label: text(m.label) ?? String(m.id), spans: parseSpans(m.spans) })),
  };
}
