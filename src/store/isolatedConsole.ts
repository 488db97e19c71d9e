// Runs console queries in a child process that can be killed. LadybugDB checks its
// query timeout only between pipeline steps, so one expensive expression (a
// `range(1, 1e9)`) can hold a native thread far past the limit; in the server that
// would starve every other request. The child answers over IPC; when it overruns the
// timeout by a grace period it is killed and a fresh one starts on the next query.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.ts';
import { ConsoleError, type ConsoleLimits, type ConsoleResult, type Params } from './GraphStore.ts';

const CHILD = fileURLToPath(new URL('./consoleChild.ts', import.meta.url));
/** Time the child gets beyond the query timeout before it is killed. */
const GRACE_MS = 1_000;

export interface IsolatedConsole {
  console(query: string, params: Params, limits: ConsoleLimits): Promise<ConsoleResult>;
  close(): Promise<void>;
}

type Reply = { id: number; result?: ConsoleResult; error?: { name: string; code: string; message: string } };

export function isolatedConsole(config: Config): IsolatedConsole {
  let child: ChildProcess | null = null;
  let nextId = 0;
  const pending = new Map<number, { owner: ChildProcess; resolve: (r: ConsoleResult) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();

  /** Rejects the queries `owner` was running (all queries when owner is null). */
  const fail = (owner: ChildProcess | null, error: Error) => {
    for (const [id, p] of pending) {
      if (owner && p.owner !== owner) continue;
      clearTimeout(p.timer);
      p.reject(error);
      pending.delete(id);
    }
  };

  const start = (): ChildProcess => {
    const c = fork(CHILD, [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, PAPERGRAPH_CHILD_CONFIG: JSON.stringify(config) },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    c.on('message', (reply: Reply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      clearTimeout(p.timer);
      pending.delete(reply.id);
      if (reply.result) p.resolve(reply.result);
      else if (reply.error?.name === 'ConsoleError') p.reject(new ConsoleError(reply.error.code as ConsoleError['code'], reply.error.message));
      else p.reject(new Error(reply.error?.message ?? 'The console process failed.'));
    });
    c.on('exit', () => {
      if (child === c) child = null;
      fail(c, new Error('The console process stopped unexpectedly.'));
    });
    return c;
  };

  return {
    console(query, params, limits) {
      child ??= start();
      const c = child;
      const id = nextId++;
      return new Promise<ConsoleResult>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          if (child === c) child = null;
          c.kill('SIGKILL');
          reject(new ConsoleError('timeout', `The query ran longer than ${limits.timeoutMs} ms and was stopped. Add a LIMIT or narrow the MATCH.`));
        }, limits.timeoutMs + GRACE_MS);
        pending.set(id, { owner: c, resolve, reject, timer });
        c.send({ id, query, params, limits });
      });
    },
    async close() {
      fail(null, new Error('The console is closing.'));
      child?.kill();
      child = null;
    },
  };
}
