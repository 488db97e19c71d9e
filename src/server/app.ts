// The HTTP API and the explorer's static files. Routes stay thin: validate the
// input, call one function from src/explore/, shape the output. Errors leave as
// JSON {error:{code, message}} with a fitting status, never as a stack trace.
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import type { RequestListener, ServerResponse } from 'node:http';
import path from 'node:path';
import type { ApiError, HealthResponse, StoreKind } from '../graph/model.ts';
import { conceptDetails, conceptPapers } from '../explore/concept.ts';
import { communityDetails } from '../explore/community.ts';
import { runCypher } from '../explore/cypherConsole.ts';
import { ExploreError } from '../explore/errors.ts';
import { edgeEvidence } from '../explore/evidence.ts';
import { neighbourhood } from '../explore/neighbourhood.ts';
import { overviewJson, OVERVIEW_DEFAULTS } from '../explore/overview.ts';
import { paperDetails } from '../explore/paper.ts';
import { search } from '../explore/search.ts';
import { topicPapers } from '../explore/topicPapers.ts';
import { cypherExamples } from '../explore/examples.ts';
import type { Snapshot } from '../explore/snapshot.ts';
import { ConsoleError, StoreError, type ConsoleLimits, type GraphReader } from '../store/GraphStore.ts';
import { intParam, stringParam, idParam } from './params.ts';
import { bridgesRoute } from './bridgesRoute.ts';
import { cachedAnswer, sendAnswer } from './answerCache.ts';
import { encodedBody, sendEncoded } from './encodedBody.ts';
import { openApiDocument } from './openapi.ts';
import { fastReads, type ReadRequest } from './fastReads.ts';
import { hostRule, sameOrigin } from './sameOrigin.ts';

export interface AppContext {
  store: GraphReader;
  /** The in-memory read model; a function so a reload can swap it. */
  snapshot: () => Snapshot;
  /** Console runner: the store's own, or one isolated in a child process. */
  console: Pick<GraphReader, 'console'>;
  limits: ConsoleLimits;
  /** Built web app (web/dist); the API works without it. */
  webDir: string | null;
  storeKind: StoreKind;
  /** The address the server listens on (default 127.0.0.1) and the extra names it answers to (sameOrigin.ts). */
  host?: string;
  allowedHosts?: string[];
  /** Bytes of JSON answers kept per graph (answerCache.ts); default none: every answer computed. */
  answerCacheBytes?: number;
}

const STATUS: Record<string, number> = {
  bad_input: 400,
  syntax: 400,
  bad_params: 400,
  too_complex: 400,
  forbidden: 403,
  not_found: 404,
  // 504, not 408: browsers re-send a request answered 408, running the slow query again.
  timeout: 504,
  crashed: 500,
  busy: 503,
  unavailable: 503,
  auth: 503,
  database_missing: 503,
};

function sendError(res: Response, status: number, code: string, message: string): void {
  const body: ApiError = { error: { code, message } };
  res.status(status).json(body);
}

/** Headers on every answer. */
function securityHeaders(res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  // Paper text is escaped before it reaches the DOM; this is the second wall.
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  );
}

/** The server's request handler: the read routes' fast path (fastReads.ts), else the Express app. */
export function createListener(ctx: AppContext): RequestListener {
  const { app, fast } = build(ctx);
  return (req, res) => {
    if (!fast.handle(req, res)) app(req, res);
  };
}

/** The Express app alone: every route, without the fast path in front. */
export function createApp(ctx: AppContext): express.Express {
  return build(ctx).app;
}

function build(ctx: AppContext) {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // Answers of the read model carry the graph's validator (answerCache.ts); hashing every other body is not worth its CPU.
  app.set('etag', false);
  const cacheBytes = ctx.answerCacheBytes ?? 0;
  /** The answer to a question about the current graph, kept per graph under `key` (route and validated parameters). */
  const answer = (req: ReadRequest, res: ServerResponse, key: string, compute: (snapshot: Snapshot) => unknown) => {
    const snapshot = ctx.snapshot();
    sendAnswer(req, res, cachedAnswer(snapshot, key, cacheBytes, () => compute(snapshot)));
  };
  const host = ctx.host ?? '127.0.0.1';
  const allowedHosts = ctx.allowedHosts ?? [];
  app.use(sameOrigin(host, allowedHosts));
  app.use((_req, res, next) => {
    securityHeaders(res);
    next();
  });
  const ownHost = hostRule(host, allowedHosts);
  // Registered here, these routes are in Express too and keep their place in its order.
  const fast = fastReads(app, (req) => ownHost(req) !== null, securityHeaders);

  app.get('/api/health', async (_req, res) => {
    const s = ctx.snapshot();
    const body: HealthResponse = {
      status: 'ok',
      store: ctx.storeKind,
      papers: s.papers.size,
      concepts: s.concepts.size,
      mentions: s.mentionCount,
    };
    res.json(body);
  });

  fast.get('/api/search', (req, res) => {
    const q = stringParam(req.query.q, 'q', { max: 200 });
    const limit = intParam(req.query.limit, 'limit', { min: 1, max: 100, fallback: 10 });
    answer(req, res, `search\0${q}\0${limit}`, (snapshot) => ({ results: search(snapshot, q, { limit }) }));
  });

  app.get('/api/overview', async (req, res) => {
    const by = stringParam(req.query.by, 'by', { fallback: 'papers', oneOf: ['papers', 'pagerank'] }) as 'papers' | 'pagerank';
    const limit = intParam(req.query.limit, 'limit', { min: 1, max: 10_000, fallback: OVERVIEW_DEFAULTS.limit });
    const maxEdgesPerNode = intParam(req.query.edges, 'edges', { min: 1, max: 200, fallback: OVERVIEW_DEFAULTS.maxEdgesPerNode });
    const snapshot = ctx.snapshot();
    const { body, etag } = overviewJson(snapshot, { limit, by, maxEdgesPerNode });
    sendEncoded(req, res, await encodedBody(snapshot, etag, body));
  });

  fast.get('/api/concepts/:id', (req, res) => {
    const id = idParam(req.params.id);
    answer(req, res, `concept\0${id}`, (snapshot) => conceptDetails(snapshot, id));
  });

  fast.get('/api/concepts/:id/neighbourhood', (req, res) => {
    const id = idParam(req.params.id);
    const depth = intParam(req.query.depth, 'depth', { min: 1, max: 2, fallback: 1 }) as 1 | 2;
    const limit = intParam(req.query.limit, 'limit', { min: 1, max: 200, fallback: 30 });
    const papers = intParam(req.query.papers, 'papers', { min: 0, max: 200, fallback: 15 });
    answer(req, res, `neighbourhood\0${id}\0${depth}\0${limit}\0${papers}`, (snapshot) => neighbourhood(snapshot, id, { depth, limit, papers }));
  });

  fast.get('/api/concepts/:id/papers', (req, res) => {
    const id = idParam(req.params.id);
    const offset = intParam(req.query.offset, 'offset', { min: 0, max: 10_000_000, fallback: 0 });
    const limit = intParam(req.query.limit, 'limit', { min: 1, max: 500, fallback: 50 });
    answer(req, res, `papers\0${id}\0${offset}\0${limit}`, (snapshot) => conceptPapers(snapshot, id, offset, limit));
  });

  app.get('/api/papers/:id', async (req, res) => {
    res.json(await paperDetails(ctx.store, idParam(req.params.id)));
  });

  app.get('/api/evidence', async (req, res) => {
    const a = idParam(stringParam(req.query.a, 'a'));
    const b = idParam(stringParam(req.query.b, 'b'));
    res.json(await edgeEvidence(ctx.store, ctx.snapshot(), a, b, { limit: intParam(req.query.limit, 'limit', { min: 1, max: 200, fallback: 50 }) }));
  });

  fast.get('/api/communities/:id', (req, res) => {
    const id = intParam(req.params.id, 'id', { min: 0, max: 1_000_000 });
    answer(req, res, `community\0${id}`, (snapshot) => communityDetails(snapshot, id));
  });

  app.get('/api/bridges', bridgesRoute({ ...ctx, answerCacheBytes: cacheBytes }));

  app.get('/api/topics', (req, res) => {
    const q = stringParam(req.query.q, 'q', { max: 200 });
    const offset = intParam(req.query.offset, 'offset', { min: 0, max: 10_000_000, fallback: 0 });
    const limit = intParam(req.query.limit, 'limit', { min: 1, max: 500, fallback: 50 });
    res.json(topicPapers(ctx.snapshot(), q, offset, limit));
  });

  const openApi = openApiDocument();
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openApi);
  });

  app.get('/api/examples', (_req, res) => {
    res.json({ examples: cypherExamples() });
  });

  app.post('/api/cypher', express.json({ limit: '100kb' }), async (req, res) => {
    const body = (req.body ?? {}) as { query?: unknown; params?: unknown };
    if (typeof body.query !== 'string') throw new ExploreError('bad_input', 'Send JSON {"query": "MATCH …", "params": {…}}.');
    const params = body.params ?? {};
    if (typeof params !== 'object' || params === null || Array.isArray(params)) {
      throw new ExploreError('bad_input', '"params" must be a JSON object.');
    }
    res.json(await runCypher(ctx.console, body.query, params as Record<string, unknown>, ctx.limits));
  });

  app.use('/api', (_req, res) => sendError(res, 404, 'not_found', 'No such API endpoint.'));

  if (ctx.webDir && existsSync(path.join(ctx.webDir, 'index.html'))) {
    const webDir = ctx.webDir;
    app.use(express.static(webDir, { index: 'index.html', maxAge: '1h' }));
    // Shareable URLs carry their state in the query string; every page path is the app.
    app.get('/{*path}', (_req, res) => res.sendFile(path.join(webDir, 'index.html')));
  } else {
    app.get('/', (_req, res) => {
      res.type('text/plain').send('papergraph API is running; the explorer is not built (run `npm run build:web`).');
    });
  }

  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (error instanceof ExploreError || error instanceof ConsoleError || error instanceof StoreError) {
      sendError(res, STATUS[error.code] ?? 500, error.code, error.message);
      return;
    }
    if (error instanceof URIError) {
      sendError(res, 400, 'bad_input', `The URL is malformed: ${error.message.replace(/^Failed to decode param/, 'cannot decode')} (a "%" must start a %XX escape).`);
      return;
    }
    const { status, type } = error as { status?: number; type?: string };
    if (status === 413) {
      sendError(res, 413, 'bad_input', 'The request body is too large.');
      return;
    }
    if (status === 400 || status === 415) {
      sendError(res, status, 'bad_input', type === 'entity.parse.failed' ? 'The request body is not valid JSON.' : `The request cannot be read: ${(error as Error).message}.`);
      return;
    }
    console.error(error);
    sendError(res, 500, 'internal', 'Something went wrong on the server; the details are in its log.');
  });
  return { app, fast };
}
