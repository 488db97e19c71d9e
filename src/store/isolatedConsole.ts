// Runs console queries in child processes (consoleChild.ts) that can be killed and
// that live under an OS memory limit. LadybugDB checks its query timeout only between
// pipeline steps, so one expensive expression (a `range(1, 1e9)`) can hold a native
// thread far past the limit, and an engine fault takes its whole process down; in the
// server either would starve or kill every other request.
//
// A small pool of children, each running one query at a time. A query is sent only
// to a child that is ready and idle, so when a child dies the one query it was
// running is the only one that fails; queued queries go to a fresh child. A child
// past the timeout (plus a grace period) is killed. Every child stream, the IPC
// channel and every send have error handlers: no child death, at any moment, can
// take the parent down.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Config, ConsoleConfig } from '../config.ts';
import { ConsoleError, StoreError, type ConsoleLimits, type ConsoleResult, type Params } from './GraphStore.ts';
import type { FromChild, ToChild, WireError } from './consoleChild.ts';

const CHILD = fileURLToPath(new URL('./consoleChild.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');

export interface IsolatedConsoleOptions {
  /** Children running queries side by side. */
  workers?: number;
  /** Queries that may wait for a child; past it a query is refused as busy. */
  maxQueue?: number;
  /** Time a child gets beyond the query timeout before it is killed. */
  graceMs?: number;
  /** Start a child at once, so the first query does not wait for one (the server does). */
  prestart?: boolean;
  /** Where to report a child's death or a missing memory limit (the server's log). */
  log?: (line: string) => void;
}

const DEFAULTS: Required<Omit<IsolatedConsoleOptions, 'log'>> = { workers: 2, maxQueue: 32, graceMs: 1_000, prestart: false };
/** How long a query may wait for a child on top of its own timeout (a child takes about a second to start). */
const QUEUE_SLACK_MS = 10_000;
/** Pause before starting another child after one died starting, times the deaths in a row (at most 5 s). */
const RESTART_BACKOFF_MS = 250;
/** The child's LadybugDB buffer pool, as a share of its memory limit. */
const BUFFER_POOL_SHARE = 0.25;
const MB = 1 << 20;

export interface IsolatedConsole {
  console(query: string, params: Params, limits: ConsoleLimits): Promise<ConsoleResult>;
  close(): Promise<void>;
}

interface Job {
  id: number;
  query: string;
  params: Params;
  limits: ConsoleLimits;
  resolve: (result: ConsoleResult) => void;
  reject: (error: Error) => void;
  /** Sends that failed before the query reached a child. */
  resends: number;
  queuedTimer: NodeJS.Timeout | null;
}

interface Worker {
  child: ChildProcess;
  ready: boolean;
  job: Job | null;
  runTimer: NodeJS.Timeout | null;
  /** Set once the child is being killed or has gone: nothing more is sent to it. */
  gone: boolean;
  /** The last of what the child wrote to stderr, to say why it died. */
  stderr: string;
  /** Set when the parent killed it, and why. */
  killedFor: 'timeout' | 'close' | null;
}

export function isolatedConsole(config: Config, options: IsolatedConsoleOptions = {}): IsolatedConsole {
  const settings = { ...DEFAULTS, ...options };
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const memory = childMemory(config.console);
  const workers = new Set<Worker>();
  const queue: Job[] = [];
  let nextId = 0;
  let closed = false;
  let warnedUnlimited = false;
  /** Children that died before they were ready, since the last one that got ready, and how the last one did. */
  let failedStarts = 0;
  let lastStartFailure = '';
  let restartAt = 0;

  const settle = (job: Job) => {
    if (job.queuedTimer) clearTimeout(job.queuedTimer);
    job.queuedTimer = null;
  };

  const pump = () => {
    if (closed) return;
    for (const worker of workers) {
      if (queue.length === 0) return;
      if (worker.ready && !worker.gone && !worker.job) dispatch(worker, queue.shift()!);
    }
    const starting = [...workers].filter((w) => !w.ready && !w.gone).length;
    const live = [...workers].filter((w) => !w.gone).length;
    if (queue.length > starting && live < settings.workers && Date.now() >= restartAt) startWorker();
  };

  const dispatch = (worker: Worker, job: Job) => {
    settle(job);
    worker.job = job;
    worker.runTimer = setTimeout(() => {
      worker.killedFor = 'timeout';
      kill(worker);
    }, job.limits.timeoutMs + settings.graceMs);
    const message: ToChild = { type: 'query', id: job.id, query: job.query, params: job.params, limits: job.limits };
    send(worker, message, () => {
      // The query never reached the child: it goes back to the front of the queue.
      if (worker.job === job) worker.job = null;
      if (worker.runTimer) clearTimeout(worker.runTimer);
      if (++job.resends > 2) job.reject(new ConsoleError('crashed', 'The console process could not be reached; try again.'));
      else queue.unshift(job);
      kill(worker);
    });
  };

  /** Sends unless the child is gone; `failed` runs once if the message cannot be delivered. */
  const send = (worker: Worker, message: ToChild, failed: () => void) => {
    if (worker.gone || !worker.child.connected) {
      failed();
      return;
    }
    try {
      worker.child.send(message, (error) => {
        if (error) failed();
      });
    } catch {
      failed();
    }
  };

  const kill = (worker: Worker) => {
    if (worker.gone) return;
    worker.gone = true;
    try {
      worker.child.kill('SIGKILL');
    } catch {
      // already dead: its 'exit' handler does the rest
    }
    pump();
  };

  const onMessage = (worker: Worker, message: FromChild) => {
    if (message.type === 'ready') {
      worker.ready = true;
      failedStarts = 0;
      if (!message.memoryLimited && !warnedUnlimited) {
        warnedUnlimited = true;
        log(`papergraph: console queries run without an OS memory limit (${message.reason}).`);
      }
      pump();
      return;
    }
    if (message.type === 'failed') {
      // The store cannot be opened (Neo4j down, say): every waiting query hears why.
      for (const job of queue.splice(0)) {
        settle(job);
        job.reject(fromWire(message.error));
      }
      kill(worker);
      return;
    }
    const job = worker.job;
    if (!job || job.id !== message.id) return;
    worker.job = null;
    if (worker.runTimer) clearTimeout(worker.runTimer);
    if (message.error) job.reject(fromWire(message.error));
    else job.resolve(message.result as ConsoleResult);
    pump();
  };

  const onExit = (worker: Worker, code: number | null, signal: NodeJS.Signals | null) => {
    worker.gone = true;
    workers.delete(worker);
    if (worker.runTimer) clearTimeout(worker.runTimer);
    const job = worker.job;
    worker.job = null;
    if (job) {
      if (worker.killedFor === 'timeout') {
        job.reject(new ConsoleError('timeout', `The query ran longer than ${job.limits.timeoutMs} ms and was stopped. Add a LIMIT or narrow the MATCH.`));
      } else if (worker.killedFor === 'close') {
        job.reject(new ConsoleError('crashed', 'The console is closing.'));
      } else {
        job.reject(crashError(code, signal, worker.stderr, config.console.maxMemoryMb));
        log(`papergraph: a console query stopped its process (${signal ?? `exit ${code}`}); the console goes on in a fresh one. ${lastLine(worker.stderr)}`.trim());
      }
    } else if (!worker.ready && !worker.killedFor) {
      // It died starting: no query was lost. Try again, more slowly each time; queries
      // waiting meanwhile give up at their deadline, with this reason.
      failedStarts++;
      lastStartFailure = `${signal ?? `exit ${code}`}. ${lastLine(worker.stderr)}`.trim();
      restartAt = Date.now() + Math.min(5_000, RESTART_BACKOFF_MS * failedStarts);
      setTimeout(pump, restartAt - Date.now()).unref();
    }
    pump();
  };

  const startWorker = () => {
    const child = spawn(process.execPath, ['--import', TSX, `--max-old-space-size=${memory.heapMb}`, CHILD], {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      // Fewer malloc arenas: each reserves 64 MB of address space, which the limit counts.
      env: { ...process.env, MALLOC_ARENA_MAX: '2' },
    });
    const worker: Worker = { child, ready: false, job: null, runTimer: null, gone: false, stderr: '', killedFor: null };
    workers.add(worker);
    child.on('message', (message: FromChild) => onMessage(worker, message));
    child.on('exit', (code, signal) => onExit(worker, code, signal));
    child.on('error', () => kill(worker)); // failed spawn, kill or IPC write: 'exit' follows or never comes
    child.on('disconnect', () => {
      if (!worker.gone) kill(worker);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      worker.stderr = (worker.stderr + chunk.toString('utf8')).slice(-4_000);
    });
    child.stderr?.on('error', () => {});
    const start: ToChild = {
      type: 'start',
      config,
      bufferPoolBytes: memory.bufferPoolBytes,
      headroomBytes: memory.headroomBytes,
    };
    send(worker, start, () => kill(worker));
  };

  if (settings.prestart) startWorker();

  return {
    console(query, params, limits) {
      if (closed) return Promise.reject(new ConsoleError('crashed', 'The console is closing.'));
      if (queue.length >= settings.maxQueue) {
        return Promise.reject(new ConsoleError('busy', `The console is busy with ${queue.length} queries waiting; try again in a moment.`));
      }
      const waitMs = limits.timeoutMs + QUEUE_SLACK_MS;
      return new Promise<ConsoleResult>((resolve, reject) => {
        const job: Job = { id: nextId++, query, params, limits, resolve, reject, resends: 0, queuedTimer: null };
        // A query that cannot even start in time is told so, not left hanging.
        job.queuedTimer = setTimeout(() => {
          const at = queue.indexOf(job);
          if (at === -1) return;
          queue.splice(at, 1);
          const started = [...workers].some((w) => w.ready && !w.gone);
          reject(new ConsoleError('busy', started
            ? `The console was busy with other queries for ${waitMs} ms; try again in a moment.`
            : `The console process did not start within ${waitMs} ms${lastStartFailure ? ` (the last one ended: ${lastStartFailure})` : ''}; try again in a moment.`));
        }, waitMs);
        queue.push(job);
        pump();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) {
        settle(job);
        job.reject(new ConsoleError('crashed', 'The console is closing.'));
      }
      const exits = [...workers].map((worker) => new Promise<void>((resolve) => {
        if (worker.child.exitCode !== null || worker.child.signalCode !== null) resolve();
        else worker.child.once('exit', () => resolve());
      }));
      for (const worker of workers) {
        worker.killedFor = 'close';
        kill(worker);
      }
      await Promise.all(exits);
    },
  };
}

/** How the memory limit is split: LadybugDB's buffer pool, the rest of the process, V8's heap. */
export function childMemory(limits: Pick<ConsoleConfig, 'maxMemoryMb'>): { bufferPoolBytes: number; headroomBytes: number; heapMb: number } {
  const total = limits.maxMemoryMb * MB;
  const bufferPoolBytes = Math.max(64 * MB, Math.min(1 << 30, Math.floor((total * BUFFER_POOL_SHARE) / MB) * MB));
  return { bufferPoolBytes, headroomBytes: Math.max(128 * MB, total - bufferPoolBytes), heapMb: Math.max(128, Math.floor(limits.maxMemoryMb / 2)) };
}

function fromWire(error: WireError): Error {
  if (error.name === 'ConsoleError') return new ConsoleError(error.code as ConsoleError['code'], error.message);
  if (error.name === 'StoreError') return new StoreError(error.code as StoreError['code'], error.message);
  return new Error(error.message);
}

const OUT_OF_MEMORY = /out of memory|bad_alloc|Allocation failed|Cannot allocate memory|Unable to allocate/i;

function crashError(code: number | null, signal: NodeJS.Signals | null, stderr: string, maxMemoryMb: number): ConsoleError {
  const how = signal ?? `exit ${code}`;
  if (OUT_OF_MEMORY.test(stderr)) {
    return new ConsoleError(
      'too_complex',
      `The query needed more memory than the console allows (${maxMemoryMb.toLocaleString('en')} MB, --max-memory) and was stopped (${how}). Narrow the MATCH or add a LIMIT.`,
    );
  }
  return new ConsoleError('crashed', `The query crashed the database engine (${how}) and was stopped; nothing was changed and the console goes on. Other queries are not affected.`);
}

function lastLine(text: string): string {
  const lines = text.trim().split('\n').filter((l) => l.trim() !== '');
  return lines.length ? `Its last words: ${lines[lines.length - 1].slice(0, 300)}` : '';
}
