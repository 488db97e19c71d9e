// Vitest global setup: a real Neo4j 5 for the suite. With PAPERGRAPH_NEO4J=1 it resolves
// Neo4j's test server from Maven Central (pom.xml, cached in ~/.m2), starts Launcher.java
// with one server per test worker and hands the Bolt URIs to the tests (neo4jServer.ts).
// With NEO4J_URI set it uses that server instead. Otherwise the Neo4j suite is skipped,
// and the tests say why.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { TestProject } from 'vitest/node';

const SERVER_DIR = import.meta.dirname;
const CLASSPATH_FILE = path.join(SERVER_DIR, 'target', 'classpath.txt');
/** A cold JVM on a busy two-core machine takes a minute or more to bring Neo4j up. */
const START_TIMEOUT_MS = 300_000;

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUris: string[];
    neo4jSkipReason: string;
  }
}

function has(command: string): boolean {
  return spawnSync(command, ['-version'], { stdio: 'ignore' }).status === 0;
}

/** `mvn dependency:build-classpath`, again only when pom.xml changed since the last resolve. */
export function resolveClasspath(): string {
  const pom = path.join(SERVER_DIR, 'pom.xml');
  if (!existsSync(CLASSPATH_FILE) || statSync(CLASSPATH_FILE).mtimeMs < statSync(pom).mtimeMs) {
    const mvn = spawnSync('mvn', ['-q', '-B', 'dependency:build-classpath', `-Dmdep.outputFile=${CLASSPATH_FILE}`], {
      cwd: SERVER_DIR,
      encoding: 'utf8',
    });
    if (mvn.status !== 0) throw new Error(`Resolving neo4j-harness with Maven failed (in ${SERVER_DIR}):\n${mvn.stdout}${mvn.stderr}`);
  }
  return readFileSync(CLASSPATH_FILE, 'utf8').trim();
}

/**
 * Starts Launcher.java with `servers` Neo4j servers, each on a copy of the databases of
 * the NEO4J_HOME `from` when given; resolves with their Bolt URIs once all accept connections.
 */
export async function startNeo4j(servers: number, from?: string): Promise<{ uris: string[]; child: ChildProcess; stop: () => Promise<void> }> {
  const classpath = resolveClasspath();
  const child = spawn('java', ['-Xmx2g', '-XX:+UseSerialGC', 'Launcher.java', String(servers), ...(from ? ['--from', from] : [])], {
    cwd: SERVER_DIR,
    env: { ...process.env, CLASSPATH: classpath },
    // stdin stays open and unread: when this process dies, it closes and the launcher exits.
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-8_000)));
  const uris = await new Promise<string[]>((resolve, reject) => {
    const found: string[] = [];
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Neo4j did not start within ${START_TIMEOUT_MS / 1000} s:\n${stderr}`));
    }, START_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The Neo4j launcher exited (code ${code}) before it was up:\n${stderr}`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^NEO4J_URI=(\S+)$/.exec(line);
      if (!match) return;
      found.push(match[1]);
      if (found.length === servers) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve(found);
      }
    });
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.stdin!.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  };
  return { uris, child, stop };
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const given = process.env.NEO4J_URI;
  if (given) {
    project.provide('neo4jUris', [given]);
    project.provide('neo4jSkipReason', '');
    return;
  }
  if (process.env.PAPERGRAPH_NEO4J !== '1') {
    const missing = ['java', 'mvn'].filter((command) => !has(command));
    project.provide('neo4jUris', []);
    project.provide(
      'neo4jSkipReason',
      missing.length > 0
        ? `Neo4j suite skipped: it needs Java 17 and Maven (${missing.join(' and ')} not found) and PAPERGRAPH_NEO4J=1, or NEO4J_URI for a running server`
        : 'Neo4j suite skipped: set PAPERGRAPH_NEO4J=1 (or run `npm run test:neo4j`) to start a Neo4j 5 test server, or NEO4J_URI for a running one',
    );
    return;
  }
  // Asked for explicitly: a missing JDK or Maven is an error, never a silent skip.
  for (const command of ['java', 'mvn']) {
    if (!has(command)) throw new Error(`PAPERGRAPH_NEO4J=1 needs ${command} (Java 17 and Maven) to start the Neo4j test server`);
  }
  const workers = Number(project.config.maxWorkers) || 1;
  const { uris, stop } = await startNeo4j(workers);
  project.provide('neo4jUris', uris);
  project.provide('neo4jSkipReason', '');
  return stop;
}
