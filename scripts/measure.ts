// Shared by the benchmarks: run a command as a whole process and report wall time,
// CPU time and peak resident memory (utime + stime and VmHWM from /proc, polled every
// 50 ms; both cover worker threads, which share the process). CPU time says what a run
// costs when other processes share the cores and wall time is theirs as much as ours.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface ProcessMeasure {
  code: number | null;
  wallMs: number;
  /** User + system CPU time of the process and its threads, as last polled before it exited. */
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

/** CPU time used so far by process `pid`, in ms, from /proc (Linux); NaN elsewhere. */
export function cpuTimeMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    // utime and stime are fields 14 and 15 of stat(5), counted from the state field (3).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ: 100 on every Linux
  } catch {
    return NaN;
  }
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
    const poll = setInterval(() => {
      peakKb = Math.max(peakKb, vmHwmKb(child.pid!));
      const cpu = cpuTimeMs(child.pid!);
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
