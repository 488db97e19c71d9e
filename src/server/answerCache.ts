// Answers that depend only on the graph and the request's parameters (search, a
// concept's neighbourhood, its details and papers, a community, bridges) are the same
// until the next ingest, when the server loads a new read model. So each answer's
// JSON is kept as bytes per read model: a repeated question costs a lookup and a
// write, not a computation and a serialisation. Bounded in bytes, least recently used
// dropped first; a new read model starts empty (the old one's cache goes with it).
//
// Its validator is the read model's: an answer changes only when the graph does, so a
// browser's copy of any of these URLs is current while the read model is the same.
// Those validators are weak and cheap: hashing every body (Express's default ETag) was
// a visible share of a request's CPU time.
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';

export interface Answer {
  body: Buffer;
  etag: string;
}

interface Cache {
  etag: string;
  entries: Map<string, Answer>;
  bytes: number;
}

const caches = new WeakMap<object, Cache>();
let models = 0;

function cacheOf(owner: object): Cache {
  let cache = caches.get(owner);
  if (!cache) caches.set(owner, (cache = { etag: `W/"g${Date.now().toString(36)}.${++models}"`, entries: new Map(), bytes: 0 }));
  return cache;
}

/** The kept answer to `key` for read model `owner`, made most recently used. */
function lookup(owner: object, key: string): Answer | undefined {
  const cache = cacheOf(owner);
  const hit = cache.entries.get(key);
  if (hit) {
    // Most recently used last: Map keeps insertion order.
    cache.entries.delete(key);
    cache.entries.set(key, hit);
  }
  return hit;
}

/** Serialises `value` as the answer to `key` and keeps it while the cache holds under `maxBytes` (0: kept never). */
function keep(owner: object, key: string, maxBytes: number, value: unknown): Answer {
  const cache = cacheOf(owner);
  const answer = { body: Buffer.from(JSON.stringify(value)), etag: cache.etag };
  if (answer.body.length > maxBytes) return answer;
  cache.entries.set(key, answer);
  cache.bytes += answer.body.length;
  for (const [oldKey, old] of cache.entries) {
    if (cache.bytes <= maxBytes) break;
    cache.entries.delete(oldKey);
    cache.bytes -= old.body.length;
  }
  return answer;
}

/**
 * The answer to `key` for read model `owner`: kept, or `compute()`d and kept. A
 * computation that throws (a 404, a bad parameter) leaves nothing behind.
 */
export function cachedAnswer(owner: object, key: string, maxBytes: number, compute: () => unknown): Answer {
  return lookup(owner, key) ?? keep(owner, key, maxBytes, compute());
}

/** The same for answers that read the store. */
export async function cachedAnswerAsync(owner: object, key: string, maxBytes: number, compute: () => Promise<unknown>): Promise<Answer> {
  return lookup(owner, key) ?? keep(owner, key, maxBytes, await compute());
}

/**
 * Whether the client's copy (If-None-Match) is `etag`'s, as Express's req.fresh decides
 * for these answers (they carry no Last-Modified); `Cache-Control: no-cache` asks anew.
 */
function clientHas(headers: IncomingHttpHeaders, etag: string): boolean {
  const noneMatch = headers['if-none-match'];
  if (!noneMatch || /(?:^|,)\s*no-cache\s*(?:,|$)/.test(headers['cache-control'] ?? '')) return false;
  return noneMatch.trim() === '*' || noneMatch.split(',').some((t) => {
    const tag = t.trim();
    return tag === etag || `W/${tag}` === etag || tag === `W/${etag}`;
  });
}

/** Sends an answer as JSON, or 304 when the client's copy is of this read model. */
export function sendAnswer(req: { method?: string; headers: IncomingHttpHeaders }, res: ServerResponse, answer: Answer): void {
  res.setHeader('ETag', answer.etag);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  if (clientHas(req.headers, answer.etag)) {
    res.statusCode = 304;
    res.end();
    return;
  }
  res.setHeader('Content-Length', answer.body.length);
  res.end(req.method === 'HEAD' ? undefined : answer.body);
}
