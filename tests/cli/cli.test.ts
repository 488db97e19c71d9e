// The `papergraph` command as a user runs it: a real process, real files, a
// throw-away store. Exit codes: 0 ok, 1 error, 2 bad usage, 3 some input skipped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const BIN = path.resolve(import.meta.dirname, '../../bin/papergraph.mjs');
let work: string;
let db: string;

function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, PAPERGRAPH_DB: db, PAPERGRAPH_STORE: 'embedded' },
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'papergraph-cli-'));
  db = path.join(work, 'store');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('papergraph CLI', () => {
  it('prints help and exits 0; unknown commands and flags exit 2', () => {
    const help = run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('ingest');
    expect(run(['frobnicate']).code).toBe(2);
    const badFlag = run(['stats', '--colour']);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toMatch(/colour/);
    expect(run(['stats', '--store', 'mysql']).code).toBe(2);
  });

  it('ingests good records, names the file and line of bad ones, and exits 3', () => {
    const file = path.join(work, 'papers.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'a1', title: 'Dendritic computation in pyramidal neurons', abstract: 'Active dendrites let pyramidal neurons compute nonlinear functions of their synaptic input.', year: 2020 }),
        '{"id": "broken", "title": "Half a record',
        JSON.stringify({ id: 'a2', title: 'Catastrophic forgetting in continual learning', abstract: 'Continual learning suffers from catastrophic forgetting of earlier tasks.', year: 2021 }),
      ].join('\n'),
    );
    const result = run(['ingest', file]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`${file}:2`);
    expect(result.stdout).toMatch(/2 papers/);
    const stats = JSON.parse(run(['stats', '--json']).stdout);
    expect(stats.papers).toBe(2);
  });

  it('--strict stores nothing when the input has an error', () => {
    const before = JSON.parse(run(['stats', '--json']).stdout);
    const file = path.join(work, 'strict.jsonl');
    writeFileSync(file, `${JSON.stringify({ id: 'b1', title: 'Spiking neural networks', abstract: 'SNNs.' })}\n{not json\n`);
    const result = run(['ingest', '--strict', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file}:2`);
    expect(JSON.parse(run(['stats', '--json']).stdout)).toEqual(before);
  });

  it('fails with a clear message for a file that does not exist or a CSV without the needed columns', () => {
    const missing = run(['ingest', path.join(work, 'nope.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.csv.*no such file/);
    const csv = path.join(work, 'wrong.csv');
    writeFileSync(csv, 'name,colour\nx,blue\n');
    const wrong = run(['ingest', csv]);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toMatch(/wrong\.csv:1.*title/i);
  });

  it('runs read-only Cypher as a table or JSON, and refuses writes', () => {
    const table = run(['cypher', 'MATCH (p:Paper) RETURN p.title AS title ORDER BY title']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Catastrophic forgetting in continual learning');
    const json = JSON.parse(run(['cypher', 'MATCH (p:Paper) WHERE p.year >= $y RETURN count(p) AS n', '--param', 'y=2021', '--json']).stdout);
    expect(json.rows).toEqual([[1]]);
    const write = run(['cypher', "CREATE (:Paper {id: 'x'})"]);
    expect(write.code).toBe(1);
    expect(write.stderr).toMatch(/read-only/);
    expect(run(['cypher']).code).toBe(2);
  });

  it('extracts JSONL from stdin with the ids it was given, concepts best first', () => {
    const input = [
      { id: 'doc-7', title: 'Spike-timing-dependent plasticity', abstract: 'We study spike-timing-dependent plasticity (STDP) in cortical synapses. STDP depends on spike timing.' },
      { id: 'doc-8', title: 'Dendrites', abstract: 'Dendrites of pyramidal neurons integrate synaptic input.' },
    ].map((r) => JSON.stringify(r)).join('\n');
    const result = run(['extract', '-'], input);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['doc-7', 'doc-8']);
    expect(Object.keys(lines[0])).toEqual(['id', 'title', 'concepts']);
    const scores = lines[0].concepts.map((c: { score: number }) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(lines[0].concepts.some((c: { label: string }) => /STDP|spike-timing-dependent plasticity/i.test(c.label))).toBe(true);
  });
});
