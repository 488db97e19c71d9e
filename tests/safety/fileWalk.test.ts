// Row 8 of issue 12: ingest walks folders with symbolic links safely. Two link loops
// once made it run forever; a self-link read the same file 41 times and called ELOOP
// "no such file or directory". Real links on a real file system, the real CLI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readCorpus } from '../../src/corpus/index.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/papergraph.mjs');
let work: string;

const paper = (id: string, title: string) =>
  JSON.stringify({ id, title, abstract: `${title} in cortical circuits, studied with spiking network models.`, year: 2022 });

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'papergraph-walk-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function folder(name: string): string {
  const dir = path.join(work, name);
  mkdirSync(path.join(dir, 'sub'), { recursive: true });
  writeFileSync(path.join(dir, 'a.jsonl'), `${paper('a', 'Dendritic spikes')}\n`);
  writeFileSync(path.join(dir, 'sub', 'b.jsonl'), `${paper('b', 'Synaptic plasticity')}\n`);
  return dir;
}

describe('walking folders with symbolic links', () => {
  it('two link loops: every file read once, each loop reported with its path, and the run ends', async () => {
    const dir = folder('loops');
    symlinkSync('..', path.join(dir, 'sub', 'up')); // sub/up -> dir
    symlinkSync('.', path.join(dir, 'here')); // here -> dir
    const result = await readCorpus([dir]);
    expect(result.records.map((r) => r.id).sort()).toEqual(['a', 'b']);
    expect(result.files).toBe(2);
    const loops = result.problems.filter((p) => /symbolic link loop/.test(p.message));
    expect(loops.map((p) => p.file).sort()).toEqual([path.join(dir, 'here'), path.join(dir, 'sub', 'up')]);
    expect(loops.every((p) => p.severity === 'warning' && p.message.includes(dir))).toBe(true);
  });

  it('a link to itself is named ELOOP, not "no such file"', async () => {
    const dir = folder('self');
    symlinkSync('self.jsonl', path.join(dir, 'self.jsonl'));
    const result = await readCorpus([dir]);
    const problem = result.problems.find((p) => p.file === path.join(dir, 'self.jsonl'));
    expect(problem?.message).toMatch(/symbolic link loop \(ELOOP\)/);
    expect(problem?.message).not.toMatch(/no such file/);
    expect(result.records.map((r) => r.id).sort()).toEqual(['a', 'b']);
  });

  it('a file or folder reached under two names is read once', async () => {
    const dir = folder('twice');
    symlinkSync('a.jsonl', path.join(dir, 'alias.jsonl'));
    symlinkSync('sub', path.join(dir, 'sub-again'));
    const result = await readCorpus([dir, path.join(dir, 'a.jsonl')]);
    expect(result.records.map((r) => r.id).sort()).toEqual(['a', 'b']);
    expect(result.files).toBe(2);
    expect(result.problems).toEqual([]);
  });

  it('a broken link says where it points', async () => {
    const dir = folder('broken');
    symlinkSync('gone.jsonl', path.join(dir, 'dangling.jsonl'));
    const result = await readCorpus([dir]);
    expect(result.problems.find((p) => p.file.endsWith('dangling.jsonl'))?.message).toBe(
      'broken symbolic link: it points to gone.jsonl, which does not exist',
    );
  });

  it('the CLI ingests a folder with loops, reports them on stderr, and exits', () => {
    const dir = folder('cli');
    symlinkSync('..', path.join(dir, 'sub', 'up'));
    symlinkSync('.', path.join(dir, 'here'));
    symlinkSync('loop.jsonl', path.join(dir, 'loop.jsonl'));
    const run = spawnSync(process.execPath, [BIN, 'ingest', dir, '--db', path.join(work, 'store')], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status).toBe(3); // the ELOOP link is an input error; the rest is stored
    expect(run.stderr).toContain(`${path.join(dir, 'here')}: warning: symbolic link loop`);
    expect(run.stderr).toContain(`${path.join(dir, 'loop.jsonl')}: error: symbolic link loop (ELOOP)`);
    expect(run.stdout).toMatch(/Ingested 2 records from 2 files/);
  });
});
