// The read model's GET routes (search, a concept, its neighbourhood and papers, a
// community) answered straight from node:http, in front of Express. Express 5 costs
// ~0.15 ms of CPU per request before a route runs (its request and response
// prototypes, the router's walk over every layer); with 50 connections on one event
// loop a p99 is ~50 answers' CPU, and a computed neighbourhood is ~0.3 ms, so that
// was a third of it.
//
// Each route is registered once, here, and in Express as well: a request this path
// does not match exactly (a trailing slash, other letter case, a host the server does
// not answer to, a parameter that fails validation, a malformed escape) goes on to
// Express, which answers it as before, error shapes and 421s included. So this path
// only ever sends successful answers, with the same headers.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { parse } from 'node:querystring';
import type { Express } from 'express';

/** What a read route looks at: Express's request has these too. */
export interface ReadRequest {
  params: Record<string, string>;
  /** As Express's 'simple' query parser gives it (node:querystring). */
  query: Record<string, string | string[] | undefined>;
  method?: string;
  headers: IncomingHttpHeaders;
}

/** A route that answers synchronously, or throws before it writes anything. */
export type ReadHandler = (req: ReadRequest, res: ServerResponse) => void;

interface Route {
  /** Path segments; null stands for a parameter, named in `names`. */
  parts: (string | null)[];
  names: string[];
  handler: ReadHandler;
}

export interface FastReads {
  /** Registers `handler` for GET (and HEAD) `path` ("/api/x/:id/y") here and in Express. */
  get(path: string, handler: ReadHandler): void;
  /** Answers `req` and returns true, or returns false having sent nothing: Express's turn. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
}

/**
 * `accepts` is the Host rule Express applies too (sameOrigin.ts); `headers` sets the
 * headers every answer carries (Express's middleware calls the same function).
 */
export function fastReads(app: Express, accepts: (req: IncomingMessage) => boolean, headers: (res: ServerResponse) => void): FastReads {
  const routes: Route[] = [];
  return {
    get(path, handler) {
      const segments = path.split('/');
      routes.push({
        parts: segments.map((s) => (s.startsWith(':') ? null : s)),
        names: segments.filter((s) => s.startsWith(':')).map((s) => s.slice(1)),
        handler,
      });
      app.get(path, (req, res) => handler(req as unknown as ReadRequest, res));
    },

    handle(req, res) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return false;
      const url = req.url ?? '';
      const mark = url.indexOf('?');
      const parts = (mark < 0 ? url : url.slice(0, mark)).split('/');
      const route = routes.find((r) => r.parts.length === parts.length && r.parts.every((p, i) => (p === null ? parts[i] !== '' : p === parts[i])));
      if (!route || !accepts(req)) return false;
      try {
        const params: Record<string, string> = {};
        let n = 0;
        route.parts.forEach((p, i) => {
          if (p === null) params[route.names[n++]] = decodeURIComponent(parts[i]);
        });
        headers(res);
        route.handler({ params, query: parse(mark < 0 ? '' : url.slice(mark + 1)), method: req.method, headers: req.headers }, res);
        return true;
      } catch {
        return false;
      }
    },
  };
}
