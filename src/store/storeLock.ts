// One writer per store. An ingest holds this lock from the moment it reads the stored
// papers until the new graph is live and the old files are pruned, so two ingests of
// the same store run one after the other and neither loses the other's work.
//
// The lock is an OS lock, so a killed or crashed holder never leaves it behind and
// there is no stale-lock guessing (pid reuse, clocks): Node has no flock(), but
// LadybugDB takes an exclusive fcntl() lock on a database it opens for writing and
// the kernel drops it with the process. So the lock is a tiny, empty LadybugDB
// database: `<store>/ingest.lock` for the embedded store, one per Neo4j URI and
// database in the user's state directory for Neo4j. Beside it, `<lock>.json` says who
// holds it, for the "waiting for …" message; it is only ever informative.
// Within one process the lock is a queue (fcntl locks do not exclude their own process),
// and re-entrant along one async flow: `write` inside an `ingest` that holds it goes on.
import lbug from '@ladybugdb/core';
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StoreError } from './GraphStore.ts';

export interface LockOwner {
  pid: number;
  host: string;
  /** ISO time the holder took the lock. */
  since: string;
  /** What the holder is doing, e.g. "papergraph ingest data/sample". */
  command: string;
}

export interface LockOptions {
  /** Wait for the holder to finish (default) or fail at once with StoreError('locked'). */
  wait?: boolean;
  /** Called when the lock is busy, once per holder, so the caller can say who it waits for. */
  onWait?: (owner: LockOwner | null) => void;
  /** How often a waiting process retries. */
  pollMs?: number;
}

interface StoreLock {
  release(): Promise<void>;
}

/** LadybugDB's message when another process holds the file lock. */
const BUSY = /could not set lock on file/i;
/**
 * Opening and closing the lock database creates and removes its side files
 * (`<lock>.wal`, `<lock>.shadow`); a process taking the lock while another releases it
 * can trip over them. That is contention too, but an error that persists is not.
 */
const SIDE_FILE_RACE = /\.lock\.(wal|shadow)\b/;
const SIDE_FILE_RETRIES = 40;
const LOCK_DATABASE = { bufferPoolBytes: 1 << 24, maxBytes: 1 << 26 };

/** In-process holders by lock file: a promise that settles when the current holder releases. */
const inProcess = new Map<string, Promise<void>>();
/** The lock files the current async flow holds. */
const held = new AsyncLocalStorage<ReadonlySet<string>>();

/**
 * Runs `work` holding the write lock of the store whose lock file is `lockFile`
 * (`where` names the store in messages); waits for another holder first, or throws
 * StoreError('locked') with `wait: false`.
 */
export async function withStoreLock<T>(lockFile: string, where: string, options: LockOptions, work: () => Promise<T>): Promise<T> {
  mkdirSync(path.dirname(lockFile), { recursive: true });
  const key = path.join(realpathSync(path.dirname(lockFile)), path.basename(lockFile));
  const holding = held.getStore() ?? new Set<string>();
  if (holding.has(key)) return work();
  const lock = await acquire(key, where, options);
  try {
    return await held.run(new Set([...holding, key]), work);
  } finally {
    await lock.release();
  }
}

async function acquire(key: string, where: string, options: LockOptions): Promise<StoreLock> {
  const { wait = true, onWait, pollMs = 250 } = options;

  // First the other holders in this process, then the other processes.
  for (let holder = inProcess.get(key); holder; holder = inProcess.get(key)) {
    if (!wait) throw lockedError(where, readOwner(key));
    onWait?.(readOwner(key));
    await holder;
  }
  let releaseInProcess!: () => void;
  inProcess.set(key, new Promise<void>((resolve) => (releaseInProcess = resolve)));
  const leave = () => {
    inProcess.delete(key);
    releaseInProcess();
  };

  let lastOwner: string | undefined;
  let sideFileRaces = 0;
  for (;;) {
    const db = new lbug.Database(key, LOCK_DATABASE.bufferPoolBytes, false, false, LOCK_DATABASE.maxBytes);
    try {
      await db.init();
      writeOwner(key);
      return {
        release: async () => {
          rmSync(`${key}.json`, { force: true });
          await db.close().catch(() => {});
          leave();
        },
      };
    } catch (error) {
      await db.close().catch(() => {});
      const message = error instanceof Error ? error.message : String(error);
      if (!BUSY.test(message) && SIDE_FILE_RACE.test(message) && ++sideFileRaces <= SIDE_FILE_RETRIES) {
        await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40));
        continue;
      }
      if (!BUSY.test(message)) {
        leave();
        throw new StoreError('write_failed', `Could not take the write lock ${key}: ${message}`, { cause: error });
      }
      const owner = readOwner(key);
      if (!wait) {
        leave();
        throw lockedError(where, owner);
      }
      const seen = JSON.stringify(owner);
      if (seen !== lastOwner) {
        lastOwner = seen;
        onWait?.(owner);
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }
}

/** Where the lock of a Neo4j database lives: one file per URI and database in the state directory. */
export function neo4jLockFile(stateDir: string, uri: string, database: string | undefined): string {
  const name = `${uri}#${database ?? ''}`.replace(/[^A-Za-z0-9.-]+/g, '_').slice(0, 120);
  return path.join(stateDir, 'locks', `neo4j-${name}.lock`);
}

/** Who holds the lock, for messages: "the ingest of pid 123 on host, started 2025-12-01 20:10:05". */
export function describeOwner(owner: LockOwner | null): string {
  if (!owner) return 'another ingest';
  const since = owner.since.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  const host = owner.host === os.hostname() ? '' : ` on ${owner.host}`;
  return `\`${owner.command}\` (pid ${owner.pid}${host}, started ${since})`;
}

function lockedError(where: string, owner: LockOwner | null): StoreError {
  return new StoreError(
    'locked',
    `${describeOwner(owner)} is writing to ${where}. Run again when it has finished, or without --no-wait to wait for it.`,
  );
}

function writeOwner(lockFile: string): void {
  const owner: LockOwner = {
    pid: process.pid,
    host: os.hostname(),
    since: new Date().toISOString(),
    command: ['papergraph', ...process.argv.slice(2)].join(' ').slice(0, 200),
  };
  const tmp = `${lockFile}.json.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(owner)}\n`);
  renameSync(tmp, `${lockFile}.json`);
}

function readOwner(lockFile: string): LockOwner | null {
  try {
    return JSON.parse(readFileSync(`${lockFile}.json`, 'utf8')) as LockOwner;
  } catch {
    return null; // the holder has not written it yet, or just removed it
  }
}
