// A closed-loop HTTP/1.1 load client for bench-api.ts, as cheap per answer as a load
// tool in C (wrk): it runs on the same two cores as the server it measures, so every
// microsecond it spends per answer is one the server does not get. Each connection
// sends one GET, reads the status line and Content-Length, counts the body's bytes
// without decoding them (a brotli body stays bytes) and sends the next. autocannon,
// used before, parsed in JavaScript and appended every body chunk to a string: for the
// 162 kB overview that decoding cost the machine more than the server's answer did.
//
// Latency: from writing a request to its body's last byte. Connections are opened and
// each answers one `warmUp` request before any measured one (libuv accepts one
// connection per event-loop iteration: fresh connections on a busy server join late,
// and their waits were the p99 of short runs).
import net from 'node:net';

export interface LoadOptions {
  /** Concurrent connections, each with one request in flight. */
  connections: number;
  /** The path of the i-th request. */
  path: (i: number) => string;
  /** Stop after this many requests (each path asked once when `path` gives distinct ones)… */
  count?: number;
  /** …or send new requests for this many seconds. */
  seconds?: number;
  /** Asked once per connection before the measured requests. */
  warmUp: string;
  /** Called when the warm-up is done, just before the first measured request. */
  onStart?: () => void;
  headers: Record<string, string>;
}

export interface LoadResult {
  /** Ascending, in ms. */
  latencies: number[];
  /** Answers whose status was not 200 (or 304). */
  errors: number;
  seconds: number;
  /** Body bytes received, summed. */
  bytes: number;
  /** This process's CPU time (user + system) during the measured requests: the client's cost. */
  clientCpuMs: number;
}

interface Answer {
  status: number;
  bytes: number;
}

/** One keep-alive connection that answers one request at a time. */
class Connection {
  private readonly socket: net.Socket;
  private head = '';
  private remaining = -1;
  private status = 0;
  private bytes = 0;
  private pending: { resolve: (a: Answer) => void; reject: (e: Error) => void } | null = null;

  constructor(
    port: number,
    private readonly requestHead: (path: string) => string,
  ) {
    this.socket = net.connect(port, '127.0.0.1');
    this.socket.setNoDelay(true);
    this.socket.on('data', (chunk) => this.receive(chunk));
    this.socket.on('error', (error) => this.fail(error));
    this.socket.on('close', () => this.fail(new Error('the server closed a connection')));
  }

  get(path: string): Promise<Answer> {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.head = '';
      this.remaining = -1;
      this.socket.write(this.requestHead(path));
    });
  }

  close(): void {
    this.pending = null;
    this.socket.destroy();
  }

  private fail(error: Error): void {
    const pending = this.pending;
    this.pending = null;
    pending?.reject(error);
  }

  private receive(chunk: Buffer): void {
    let body = chunk.length;
    if (this.remaining < 0) {
      // Headers are ASCII and a few hundred bytes: only they become text (latin1: a byte a character).
      const headEnd = this.head === '' ? chunk.indexOf('\r\n\r\n') : -1;
      if (headEnd >= 0) {
        this.head = chunk.toString('latin1', 0, headEnd + 4);
        body = chunk.length - headEnd - 4;
      } else {
        // Headers split over chunks: the rare case, read as text whole.
        this.head += chunk.toString('latin1');
        const end = this.head.indexOf('\r\n\r\n');
        if (end < 0) return;
        body = this.head.length - end - 4;
        this.head = this.head.slice(0, end + 4);
      }
      this.status = Number(this.head.slice(9, 12));
      const length = /\r\ncontent-length:\s*(\d+)/i.exec(this.head);
      if (!length && this.status !== 304 && this.status !== 204) {
        this.fail(new Error(`an answer without Content-Length (status ${this.status}): this client reads only sized bodies`));
        return;
      }
      this.remaining = length ? Number(length[1]) : 0;
      this.bytes = this.remaining;
    }
    this.remaining -= body;
    if (this.remaining > 0) return;
    if (this.remaining < 0) {
      this.fail(new Error('more bytes than Content-Length: this client sends one request at a time'));
      return;
    }
    const pending = this.pending;
    this.pending = null;
    pending?.resolve({ status: this.status, bytes: this.bytes });
  }
}

/** Runs `options.connections` closed-loop clients against the server at `url` (http://127.0.0.1:PORT). */
export async function runLoad(url: string, options: LoadOptions): Promise<LoadResult> {
  const { port, hostname } = new URL(url);
  if (hostname !== '127.0.0.1') throw new Error(`Load goes to 127.0.0.1 only, not ${hostname}.`);
  const extra = Object.entries(options.headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  const requestHead = (path: string) => `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${extra}\r\n`;
  const connections = Array.from({ length: options.connections }, () => new Connection(Number(port), requestHead));
  try {
    await Promise.all(connections.map((c) => c.get(options.warmUp)));
    const latencies: number[] = [];
    let errors = 0;
    let bytes = 0;
    let next = 0;
    options.onStart?.();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const deadline = options.seconds === undefined ? Infinity : started + options.seconds * 1000;
    const count = options.count ?? Infinity;
    await Promise.all(
      connections.map(async (connection) => {
        while (next < count && performance.now() < deadline) {
          const path = options.path(next++);
          const sent = performance.now();
          const answer = await connection.get(path);
          latencies.push(performance.now() - sent);
          bytes += answer.bytes;
          if (answer.status !== 200 && answer.status !== 304) errors++;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    return { latencies: latencies.sort((a, b) => a - b), errors, seconds, bytes, clientCpuMs: (cpu.user + cpu.system) / 1000 };
  } finally {
    for (const c of connections) c.close();
  }
}
