// Shared by the benchmarks: run a command as a whole process and report wall time,
// CPU time and peak resident memory (utime + stime and VmHWM from /proc, polled every
// 50 ms; both cover worker threads, which share the process, and the processes it starts,
// whose peaks are added). CPU time says what a run
// costs when other processes share the cores and wall time is theirs as much as ours.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface ProcessMeasure {
  code: number | null;
  wallMs: number;
  /** User + system CPU time of the process, its threads and its child processes, as last polled before it exited. */
  cpuMs: number;
  peakRssMb: number;
  stdout: string;
  stderr: string;
}

function vmHwmKb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** `pid`'s child processes, theirs, and so on (Linux); [] elsewhere or once they are gone. */
function descendants(pid: number): number[] {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return children.flatMap((child) => [child, ...descendants(child)]);
  } catch {
    return [];
  }
}

/** stat(5) fields from utime (14) on, counted from the state field (3). */
function statFields(pid: number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
  } catch {
    return null;
  }
}

/** CPU time used so far by process `pid`, in ms, from /proc (Linux); NaN elsewhere. */
export function cpuTimeMs(pid: number): number {
  const fields = statFields(pid);
  // utime and stime; USER_HZ is 100 on every Linux.
  return fields ? ((Number(fields[11]) + Number(fields[12])) * 1000) / 100 : NaN;
}

/**
 * CPU time of `pid` and every process under it, in ms: the live ones' own, plus what
 * `pid` has reaped (cutime and cstime), so a child's time still counts once it exits.
 */
function treeCpuTimeMs(pid: number): number {
  const fields = statFields(pid);
  if (!fields) return NaN;
  const reaped = ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  return cpuTimeMs(pid) + reaped + descendants(pid).reduce((sum, child) => sum + (cpuTimeMs(child) || 0), 0);
}

export function measureProcess(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; stdin?: string } = {}): Promise<ProcessMeasure> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peakKb = 0;
    let cpuMs = 0;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    // A command may run its work in a child process (bin/papergraph.mjs does for ingest):
    // the peaks of the process and of those under it alive with it, added (a child that
    // has exited, as one does when the ingest runs again with more heap, no longer counts).
    const peaks = new Map<number, number>();
    const poll = setInterval(() => {
      const live = [child.pid!, ...descendants(child.pid!)];
      for (const pid of live) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, vmHwmKb(pid)));
      peakKb = Math.max(peakKb, live.reduce((sum, pid) => sum + (peaks.get(pid) ?? 0), 0));
      const cpu = treeCpuTimeMs(child.pid!);
      if (!Number.isNaN(cpu)) cpuMs = Math.max(cpuMs, cpu);
    }, 50);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(poll);
      resolve({ code, wallMs: performance.now() - started, cpuMs, peakRssMb: Math.round(peakKb / 1024), stdout, stderr });
    });
    if (options.stdin !== undefined) child.stdin.end(options.stdin);
    else child.stdin.end();
  });
}

/** The value at percent `p` (0–100) of an ascending list; NaN when it is empty. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
