// Hot JSON bodies (the overview every visitor loads first: megabytes at 2,000 concepts)
// sent as bytes made once per read model: the text, its gzip and its brotli, chosen by
// the request's Accept-Encoding, with a validator so a reload costs a 304. Compressing
// or even re-encoding megabytes per request was the cost of the overview under load.
import type { Request, Response } from 'express';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export interface EncodedBody {
  /** A weak validator: the same for every encoding of the one JSON text. */
  etag: string;
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** At most this many bodies per read model, oldest dropped first. */
const MAX_CACHED = 16;
const cache = new WeakMap<object, Map<string, Promise<EncodedBody>>>();

/**
 * The encodings of `body`, made once per `owner` (the read model) and `etag` (a strong
 * validator of the text). Compression runs off the event loop: other requests go on meanwhile.
 */
export function encodedBody(owner: object, etag: string, body: string): Promise<EncodedBody> {
  let bodies = cache.get(owner);
  if (!bodies) cache.set(owner, (bodies = new Map()));
  let encoded = bodies.get(etag);
  if (!encoded) {
    const identity = Buffer.from(body);
    encoded = Promise.all([
      gzipAsync(identity, { level: 9 }),
      brotliAsync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
    ]).then(([gz, br]) => ({ etag: `W/${etag}`, identity, gzip: gz, br }));
    // A failed compression is not kept: the next request tries again.
    encoded.catch(() => bodies.delete(etag));
    if (bodies.size >= MAX_CACHED) bodies.delete(bodies.keys().next().value!);
    bodies.set(etag, encoded);
  }
  return encoded;
}

/** Sends `body` as JSON in the best encoding the client accepts, or 304 when its copy is current. */
export function sendEncoded(req: Request, res: Response, body: EncodedBody): void {
  res.set('ETag', body.etag);
  res.vary('Accept-Encoding');
  res.type('json');
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  // Brotli whenever accepted: the client's order of equally weighted encodings says nothing of preference.
  const encoding = req.acceptsEncodings('br') ? 'br' : req.acceptsEncodings('gzip') ? 'gzip' : 'identity';
  const bytes = encoding === 'br' ? body.br : encoding === 'gzip' ? body.gzip : body.identity;
  if (encoding === 'br' || encoding === 'gzip') res.set('Content-Encoding', encoding);
  res.set('Content-Length', String(bytes.length));
  res.end(req.method === 'HEAD' ? undefined : bytes);
}
