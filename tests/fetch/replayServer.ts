// A local HTTP server on 127.0.0.1 that replays recorded API responses
// (responses/, provenance in tests/corpus/fixtures/SOURCES.md) so `papergraph fetch` is
// tested end to end with no network. Each route picks a response from the request; a
// script of failures (429 with Retry-After, 503) and holds (a request that never gets
// its answer, to interrupt a run) is played before the recording.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const RESPONSES = path.join(import.meta.dirname, 'responses');
export const recorded = (name: string) => readFileSync(path.join(RESPONSES, name), 'utf8');

export interface Logged {
  path: string;
  params: URLSearchParams;
  at: number;
}

export type Answer = { status?: number; headers?: Record<string, string>; body: string } | 'hold';
export type Route = (params: URLSearchParams, path: string) => Answer;

export interface ReplayServer {
  url: string;
  log: Logged[];
  /** Answers to give, in order, before the routes answer (a failure script). */
  script: Answer[];
  close(): Promise<void>;
}

export async function startReplay(route: Route): Promise<ReplayServer> {
  const log: Logged[] = [];
  const script: Answer[] = [];
  const held: ServerResponse[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    log.push({ path: url.pathname, params: url.searchParams, at: Date.now() });
    const answer = script.length ? script.shift()! : route(url.searchParams, url.pathname);
    if (answer === 'hold') {
      held.push(res);
      return;
    }
    res.writeHead(answer.status ?? 200, { 'content-type': answer.body.startsWith('<') ? 'application/xml' : 'application/json', ...answer.headers });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    script,
    close: () => {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
