// Rows 2, 3 and 5 of issue 12 as the attacker ran them: through `papergraph cypher`
// and `POST /api/cypher` on a real store of the sample corpus. Before: /etc/passwd came
// back, `current_setting` answered, `read_csv_serial` killed the process (exit 139),
// UNINSTALL deleted extension files, UPDATE went to the network, ANALYZE ran.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeTestStore, type TestStore } from '../helpers/sampleStore.ts';
import { startServer } from '../../src/server/serve.ts';
import { cypherExamples } from '../../src/explore/examples.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/papergraph.mjs');
let testStore: TestStore;
let server: Awaited<ReturnType<typeof startServer>>;
let home: string;

const ATTACKS: [row: string, query: string, named: RegExp][] = [
  ['2', "WITH 1 AS `x` LOAD FROM '/etc/passwd' (file_format='csv', header=false, delim=':') RETURN *", /LOAD is not allowed/],
  ['3', "CALL `current_setting`('threads') RETURN *", /CALL current_setting is not allowed/],
  ['3', 'CALL `show_functions`() RETURN *', /CALL show_functions is not allowed/],
  ['3/4', "CALL `read_csv_serial`(\"/etc/hostname\") RETURN *", /CALL read_csv_serial is not allowed/],
  ['5', 'UNINSTALL json', /UNINSTALL is not allowed/],
  ['5', 'UPDATE httpfs', /UPDATE is not allowed/],
  ['5', 'ANALYZE', /ANALYZE is not allowed/],
];

beforeAll(async () => {
  testStore = await makeTestStore();
  server = await startServer(testStore.config, { quiet: true });
  // A home with an installed-looking extension, to see that nothing touches it.
  home = mkdtempSync(path.join(os.tmpdir(), 'papergraph-home-'));
  const extension = path.join(home, '.lbdb', 'extension', '0.19.1', 'linux_amd64', 'json');
  mkdirSync(extension, { recursive: true });
  writeFileSync(path.join(extension, 'libjson.lbug_extension'), 'not really an extension');
});
afterAll(async () => {
  await server?.close();
  testStore?.cleanup();
  rmSync(home, { recursive: true, force: true });
});

describe('the console attacks of issue 12', () => {
  it.each(ATTACKS)('row %s through the CLI: %s', (_row, query, named) => {
    const run = spawnSync(process.execPath, [BIN, 'cypher', query, '--db', testStore.dir], {
      encoding: 'utf8',
      env: { ...process.env, HOME: home },
      timeout: 60_000,
    });
    expect(run.signal).toBeNull();
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(named);
    expect(run.stdout).not.toMatch(/root:|daemon/);
    expect(readdirSync(path.join(home, '.lbdb', 'extension', '0.19.1', 'linux_amd64', 'json'))).toEqual(['libjson.lbug_extension']);
  }, 60_000);

  it.each(ATTACKS)('row %s through HTTP: %s', async (_row, query, named) => {
    const res = await fetch(`${server.url}/api/cypher`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const body = (await res.json()) as { error?: { code: string; message: string } };
    expect(res.status).toBe(403);
    expect(body.error?.code).toBe('forbidden');
    expect(body.error?.message).toMatch(named);
  });

  it.each(cypherExamples())('still runs the example $name through the guard and the console child', async ({ query, params }) => {
    const res = await fetch(`${server.url}/api/cypher`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, params }) });
    const body = (await res.json()) as { rows?: unknown[]; error?: { message: string } };
    expect(res.status, body.error?.message).toBe(200);
    expect(Array.isArray(body.rows)).toBe(true);
  });

  it('leaves the server and its store as they were', async () => {
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as { papers: number };
    expect(health.papers).toBe(99);
    expect(existsSync(path.join(testStore.dir, 'CURRENT'))).toBe(true);
  });
});
