// Polite HTTP for `papergraph fetch`: one request at a time per source, at most one per
// `minIntervalMs` (each source's published rate limit), and retries with exponential
// back-off (1 s, 2 s, 4 s… capped at a minute) on 429 and 5xx answers and on network
// errors, waiting as long as a Retry-After header asks (RFC 9110 §10.2.3: seconds or an
// HTTP date). Other 4xx answers are the caller's mistake and fail at once.

export interface HttpOptions {
  /** Shortest time between the starts of two requests. */
  minIntervalMs: number;
  /** Tries per request, the first included. Default 6. */
  attempts?: number;
  /** First back-off delay; doubles per retry. Default 1,000 ms. */
  baseDelayMs?: number;
  headers?: Record<string, string>;
}

export class FetchError extends Error {
  constructor(message: string, readonly status: number | null = null) {
    super(message);
    this.name = 'FetchError';
  }
}

const MAX_DELAY_MS = 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Milliseconds a Retry-After value asks for, or null when it says nothing usable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export interface PoliteClient {
  /** GET `url`; the body as text. Throws FetchError when every try failed. */
  get(url: string): Promise<string>;
  /** Requests sent, and how many of them were retries. */
  readonly stats: { requests: number; retries: number };
}

export function politeClient(options: HttpOptions): PoliteClient {
  const attempts = options.attempts ?? 6;
  const baseDelay = options.baseDelayMs ?? 1_000;
  let nextAt = 0;
  const stats = { requests: 0, retries: 0 };
  const headers = { 'user-agent': 'papergraph (https://github.com/; fetch)', ...options.headers };

  async function once(url: string): Promise<{ ok: true; body: string } | { ok: false; retry: boolean; waitMs: number | null; why: string; status: number | null }> {
    const wait = nextAt - Date.now();
    if (wait > 0) await sleep(wait);
    stats.requests++;
    let response: Response;
    try {
      response = await fetch(url, { headers, signal: AbortSignal.timeout(120_000) });
    } catch (error) {
      nextAt = Date.now() + options.minIntervalMs;
      return { ok: false, retry: true, waitMs: null, why: (error as Error).message, status: null };
    }
    const body = await response.text().catch(() => '');
    // The pause runs from the end of a response, so the server sees its interval between
    // requests however long a request took to reach it.
    nextAt = Date.now() + options.minIntervalMs;
    if (response.ok) return { ok: true, body };
    const retry = response.status === 429 || response.status >= 500;
    return { ok: false, retry, waitMs: retryAfterMs(response.headers.get('retry-after')), why: `HTTP ${response.status}${body ? `: ${body.replace(/\s+/g, ' ').slice(0, 200)}` : ''}`, status: response.status };
  }

  return {
    stats,
    async get(url) {
      let last = '';
      let status: number | null = null;
      for (let attempt = 1; attempt <= attempts; attempt++) {
        const result = await once(url);
        if (result.ok) return result.body;
        last = result.why;
        status = result.status;
        if (!result.retry || attempt === attempts) break;
        stats.retries++;
        await sleep(Math.min(MAX_DELAY_MS, result.waitMs ?? baseDelay * 2 ** (attempt - 1)));
      }
      throw new FetchError(`${new URL(url).origin} answered ${last}`, status);
    },
  };
}
