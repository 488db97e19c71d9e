// The explorer's HTTP client: one typed function per API route (DESIGN.md "Public interfaces").
// Server errors arrive as {error:{code, message}} and leave here as ApiRequestError.
import type {
  CommunityResponse,
  ConceptResponse,
  CypherExample,
  CypherResponse,
  EdgeEvidenceResponse,
  HealthResponse,
  NeighbourhoodResponse,
  OverviewResponse,
  PaperResponse,
  PaperSummary,
  SearchResponse,
} from '../../src/graph/model.ts';

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}


export type RankBy = 'papers' | 'pagerank';

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiRequestError(0, 'network', 'The papergraph server cannot be reached.');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const apiError = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiRequestError(response.status, apiError?.code ?? 'http', apiError?.message ?? `The server answered ${response.status}.`);
  }
  return body as T;
}

const q = encodeURIComponent;

export const api = {
  /** Any API path, with the same error handling as the typed calls (the bridges panel builds its own URLs). */
  getJson: (path: string) => request<unknown>(path),
  health: () => request<HealthResponse>('/api/health'),
  search: (text: string, limit: number, signal?: AbortSignal) =>
    request<SearchResponse>(`/api/search?q=${q(text)}&limit=${limit}`, { signal }),
  overview: (limit: number, by: RankBy, edges: number | null) =>
    request<OverviewResponse>(`/api/overview?limit=${limit}&by=${by}${edges === null ? '' : `&edges=${edges}`}`),
  concept: (id: string) => request<ConceptResponse>(`/api/concepts/${q(id)}`),
  neighbourhood: (id: string, depth: 1 | 2, limit = 30, papers = 15) =>
    request<NeighbourhoodResponse>(`/api/concepts/${q(id)}/neighbourhood?depth=${depth}&limit=${limit}&papers=${papers}`),
  conceptPapers: (id: string, offset: number, limit: number) =>
    request<{ total: number; papers: PaperSummary[] }>(`/api/concepts/${q(id)}/papers?offset=${offset}&limit=${limit}`),
  paper: (id: string) => request<PaperResponse>(`/api/papers/${q(id)}`),
  evidence: (a: string, b: string, limit = 50) =>
    request<EdgeEvidenceResponse & { total: number }>(`/api/evidence?a=${q(a)}&b=${q(b)}&limit=${limit}`),
  community: (id: number) => request<CommunityResponse>(`/api/communities/${id}`),
  examples: () => request<{ examples: CypherExample[] }>('/api/examples'),
  cypher: (query: string, params: Record<string, unknown>) =>
    request<CypherResponse>('/api/cypher', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, params }),
    }),
};
