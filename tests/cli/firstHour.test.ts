// The first hour of a new user, with real processes: `npm start` on a fresh clone serves
// the bundled sample; `papergraph ingest my.bib` then replaces the sample (and says so);
// `npm start` again serves only my papers, without ingesting anything.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/papergraph.mjs');
const MY_BIB = path.join(ROOT, 'tests/corpus/fixtures/zotero.bib');
const work = mkdtempSync(path.join(os.tmpdir(), 'papergraph-first-hour-'));
const env = { ...process.env, PAPERGRAPH_DB: path.join(work, '.papergraph'), PAPERGRAPH_STORE: 'embedded', PORT: '0' };
const running: ChildProcess[] = [];

afterAll(() => {
  for (const child of running) {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) continue;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  rmSync(work, { recursive: true, force: true });
});

/** Runs `npm start` in its own process group; resolves with its URL and what it printed first. */
function npmStart(): Promise<{ url: string; output: string; stop: () => Promise<void> }> {
  const child = spawn('npm', ['start'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start printed no URL in 120 s:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /papergraph explorer at (http:\/\/\S+)/.exec(output);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        url: m[1],
        output,
        stop: () => new Promise((done) => {
          child.once('exit', () => done());
          process.kill(-child.pid!, 'SIGTERM');
        }),
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
}

const json = async <T>(url: string): Promise<T> => (await fetch(url)).json() as Promise<T>;

describe('the first hour', () => {
  it('npm start serves the sample; ingest of my file replaces it; npm start again serves only my papers', async () => {
    const first = await npmStart();
    expect(first.output).toContain('The store is empty: loading the bundled sample');
    expect((await json<{ papers: number }>(`${first.url}/api/health`)).papers).toBe(99);
    await first.stop();

    const ingest = spawnSync(process.execPath, [BIN, 'ingest', MY_BIB], { env, encoding: 'utf8', timeout: 120_000 });
    expect(ingest.stdout).toContain('The store held only the bundled sample (99 papers); your papers replace it');
    const mine = readFileSync(MY_BIB, 'utf8').match(/^@(?:article|inproceedings|misc)\{/gim)!.length;

    const second = await npmStart();
    expect(second.output).not.toContain('loading the bundled sample');
    const health = await json<{ papers: number }>(`${second.url}/api/health`);
    expect(health.papers).toBeGreaterThan(0);
    expect(health.papers).toBeLessThanOrEqual(mine);
    const sampleTitle = await json<{ results: { kind: string; label: string }[] }>(`${second.url}/api/search?q=${encodeURIComponent('heterogeneous delays')}`);
    expect(sampleTitle.results.filter((r) => r.kind === 'paper')).toEqual([]);
    await second.stop();

    // Asked for both, a user gets both.
    const both = spawnSync(process.execPath, [BIN, 'ingest', path.join(ROOT, 'data/sample'), MY_BIB], { env, encoding: 'utf8', timeout: 120_000 });
    expect(both.stdout).not.toContain('replace');
    const stats = JSON.parse(spawnSync(process.execPath, [BIN, 'stats', '--json'], { env, encoding: 'utf8' }).stdout);
    expect(stats.papers).toBe(99 + health.papers);
  }, 300_000);
});
