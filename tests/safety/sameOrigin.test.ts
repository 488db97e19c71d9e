// Row 7 of issue 12: the server answered any Host, so a web page could reach it by DNS
// rebinding and chain the console attacks; and row 10's `GET /api/papers/%ZZ`, which
// answered "The request body is not valid JSON." Raw HTTP requests (fetch cannot set
// Host) against the real server on a real store, and the real CLI's serve.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { makeTestStore, type TestStore } from '../helpers/sampleStore.ts';
import { startServer } from '../../src/server/serve.ts';
import { loadConfig } from '../../src/config.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/papergraph.mjs');
let testStore: TestStore;
let server: Awaited<ReturnType<typeof startServer>>;
let port: number;

beforeAll(async () => {
  testStore = await makeTestStore();
  server = await startServer({ ...testStore.config, allowedHosts: ['papergraph.lan', 'proxy.lan:8443'] }, { quiet: true });
  port = Number(new URL(server.url).port);
});
afterAll(async () => {
  await server?.close();
  testStore?.cleanup();
});

interface Answer {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

/** One request with exactly these headers (and no Host unless given). */
function request(method: string, pathname: string, headers: Record<string, string>, body?: string, atPort = port): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: atPort, method, path: pathname, headers, setHost: false }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const get = (pathname: string, host: string) => request('GET', pathname, { host });
const cypher = (headers: Record<string, string>) =>
  request('POST', '/api/cypher', { 'content-type': 'application/json', ...headers }, JSON.stringify({ query: 'MATCH (p:Paper) RETURN count(p) AS n' }));

describe('the Host rule', () => {
  it.each(['localhost:PORT', '127.0.0.1:PORT', '[::1]:PORT', 'LOCALHOST:PORT', 'localhost.:PORT'])('answers its own name %s', async (host) => {
    const res = await get('/api/health', host.replace('PORT', String(port)));
    expect(res.status).toBe(200);
  });

  it.each([
    'evil.example:PORT',
    'evil.example',
    '127.0.0.1.nip.io:PORT',
    'localhost:1',
    'localhost',
    '127.0.0.1:PORT@evil.example',
    '',
  ])('refuses Host %j with 421 on the API and the pages alike', async (host) => {
    for (const pathname of ['/api/health', '/', '/api/papers/x']) {
      const res = await get(pathname, host.replace('PORT', String(port)));
      expect(res.status).toBe(421);
      expect(JSON.parse(res.body).error).toMatchObject({ code: 'misdirected' });
      expect(JSON.parse(res.body).error.message).toMatch(/answers only to localhost, 127\.0\.0\.1 and \[::1\] on port \d+ and to names given with --allowed-host/);
    }
  });

  it('refuses a request without Host (Node itself answers 400 before any route)', async () => {
    expect((await request('GET', '/api/health', {})).status).toBe(400);
  });

  it('a DNS-rebound page (its own name in Host and Origin) cannot reach the console', async () => {
    const host = `attacker.example:${port}`;
    const res = await cypher({ host, origin: `http://${host}` });
    expect(res.status).toBe(421);
  });

  it('answers names given with --allowed-host: any port for a bare name, that port for name:port', async () => {
    expect((await get('/api/health', `papergraph.lan:${port}`)).status).toBe(200);
    expect((await get('/api/health', 'papergraph.lan')).status).toBe(200);
    expect((await get('/api/health', 'proxy.lan:8443')).status).toBe(200);
    expect((await get('/api/health', 'proxy.lan:9999')).status).toBe(421);
    expect((await get('/api/health', 'other.lan')).status).toBe(421);
  });

  it('takes --allowed-host from flags or PAPERGRAPH_ALLOWED_HOSTS, and says what a bad one should look like', () => {
    expect(loadConfig({ 'allowed-host': ['Papergraph.LAN', 'x.lan:8080'] }, {}).allowedHosts).toEqual(['papergraph.lan', 'x.lan:8080']);
    expect(loadConfig({}, { PAPERGRAPH_ALLOWED_HOSTS: 'a.lan, b.lan:81' }).allowedHosts).toEqual(['a.lan', 'b.lan:81']);
    expect(() => loadConfig({ 'allowed-host': ['http://a.lan/'] }, {})).toThrow(/--allowed-host takes a host name/);
  });
});

describe('the Origin rule for the console and other state-changing requests', () => {
  const own = () => `127.0.0.1:${port}`;

  it('runs a console query from the explorer itself, and from clients that send no Origin', async () => {
    expect((await cypher({ host: own(), origin: `http://${own()}` })).status).toBe(200);
    expect((await cypher({ host: own(), 'sec-fetch-site': 'same-origin', origin: `http://${own()}` })).status).toBe(200);
    expect((await cypher({ host: own() })).status).toBe(200);
  });

  it.each([
    ['another site', { origin: 'http://evil.example' }],
    ['another port of localhost', { origin: 'http://127.0.0.1:1' }],
    ['the same address under another name', { origin: `http://localhost:PORT` }],
    ['https for the same address', { origin: 'https://127.0.0.1:PORT' }],
    ['a sandboxed frame or file: page', { origin: 'null' }],
    ['a garbled Origin', { origin: 'not a url' }],
    ['a cross-site fetch', { 'sec-fetch-site': 'cross-site' }],
    ['a same-site fetch from another port', { 'sec-fetch-site': 'same-site' }],
  ])('refuses a request from %s with 403', async (_what, headers) => {
    const withPort = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.replace('PORT', String(port))]));
    const res = await cypher({ host: own(), ...withPort });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error.code).toBe('forbidden');
    expect(JSON.parse(res.body).error.message).toMatch(/Cross-site request refused/);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('lets a page behind a proxy name post from https://that-name', async () => {
    expect((await cypher({ host: 'papergraph.lan', origin: 'https://papergraph.lan' })).status).toBe(200);
  });

  it('reads stay readable from any page of its own, with no CORS headers for anyone else', async () => {
    const res = await request('GET', '/api/health', { host: own(), origin: 'http://evil.example' });
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('malformed URLs', () => {
  it.each(['/api/papers/%ZZ', '/api/concepts/%E0%A4%A', '/api/concepts/%/neighbourhood'])('answers %s with 400 about the URL, not about JSON', async (pathname) => {
    const res = await get(pathname, `127.0.0.1:${port}`);
    expect(res.status).toBe(400);
    const error = JSON.parse(res.body).error;
    expect(error.code).toBe('bad_input');
    expect(error.message).toMatch(/The URL is malformed/);
    expect(error.message).not.toMatch(/JSON/);
  });

  it('still says so when a body is not JSON', async () => {
    const res = await request('POST', '/api/cypher', { host: `127.0.0.1:${port}`, 'content-type': 'application/json' }, '{"query":');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.message).toBe('The request body is not valid JSON.');
  });
});

describe('papergraph serve --allowed-host', () => {
  it('passes the flag through to the running server', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--db', testStore.dir, '--allowed-host', 'mine.lan'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d) => {
          out += d;
          const m = /papergraph explorer at (http:\/\/\S+)/.exec(out);
          if (m) resolve(m[1]);
        });
        child.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
      });
      const at = Number(new URL(url).port);
      expect((await request('GET', '/api/health', { host: 'mine.lan' }, undefined, at)).status).toBe(200);
      expect((await request('GET', '/api/health', { host: 'yours.lan' }, undefined, at)).status).toBe(421);
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);
});
