// `papergraph fetch openalex|arxiv|pubmed QUERY`: a corpus one command away. Pages come
// from the source at its published rate, each written to the output as it arrives
// (output.ts), so an interrupted run resumes where it stopped.
import { arxiv } from './arxiv.ts';
import { FetchError, politeClient } from './http.ts';
import { openalex } from './openalex.ts';
import { openOutput } from './output.ts';
import { progressBar } from './progress.ts';
import { pubmed } from './pubmed.ts';
import { toJsonRecord, type FetchSource } from './sources.ts';

export { FetchError } from './http.ts';
export const SOURCES: Record<string, FetchSource> = { openalex, arxiv, pubmed };

export interface FetchSettings {
  mailto: string | null;
  ncbiApiKey: string | null;
  baseUrls: Record<'openalex' | 'arxiv' | 'pubmed', string>;
}

export interface FetchRequest {
  source: string;
  query: string;
  from: number | null;
  max: number;
  out: string;
}

export interface FetchSummary {
  source: string;
  records: number;
  /** Records already in the file from an earlier, interrupted run. */
  resumedAt: number;
  /** Matching records at the source, when it said. */
  total: number | null;
  requests: number;
  retries: number;
  complete: boolean;
  out: string;
}

/** Default output name: `openalex-spiking-neural-networks.jsonl.gz`. */
export function defaultOut(source: string, query: string): string {
  const slug = query.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'query';
  return `${source}-${slug}.jsonl.gz`;
}

export async function runFetch(request: FetchRequest, settings: FetchSettings, stderr: NodeJS.WriteStream = process.stderr): Promise<FetchSummary> {
  const source = SOURCES[request.source];
  if (!source) throw new FetchError(`unknown source "${request.source}": choose ${Object.keys(SOURCES).join(', ')}`);
  const output = openOutput(request.out, { source: source.name, query: request.query, from: request.from, max: request.max });
  const resumedAt = output.resumed ? output.state.written : 0;
  const options = {
    from: request.from,
    max: request.max,
    cursor: output.state.cursor,
    mailto: settings.mailto,
    apiKey: settings.ncbiApiKey,
    baseUrl: settings.baseUrls[source.name as keyof FetchSettings['baseUrls']],
    written: output.state.written,
  };
  const http = politeClient({ minIntervalMs: source.minIntervalMs(options) });
  const bar = progressBar(stderr, source.label);
  let total: number | null = null;
  try {
    if (!output.state.done) {
      for await (const page of source.pages(request.query, options, http)) {
        total ??= page.total;
        output.writePage(page.records.map(toJsonRecord), page.cursor, page.cursor === null);
        bar.update(output.state.written, total === null ? request.max : Math.min(total, request.max));
      }
    }
  } finally {
    bar.done();
    output.close();
  }
  return {
    source: source.label,
    records: output.state.written,
    resumedAt,
    total,
    requests: http.stats.requests,
    retries: http.stats.retries,
    complete: output.state.done,
    out: request.out,
  };
}
