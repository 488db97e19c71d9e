// Driver and server errors translated into the errors papergraph users act on:
// StoreError for the connection (server down, wrong password, missing database),
// ConsoleError for a user-typed query the server refused.
import { ConsoleError, StoreError } from '../GraphStore.ts';

/** What a message needs to know about the connection. */
export interface ConnectionTarget {
  uri: string;
  user: string;
  database: string | undefined;
}

/** Codes meaning the server is gone or not there: the driver's own and the server's. */
const UNREACHABLE = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
]);
const AUTH = new Set([
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.AuthenticationRateLimit',
]);
const FORBIDDEN = new Set(['Neo.ClientError.Statement.AccessMode', 'Neo.ClientError.Security.Forbidden']);

export function errorCode(error: unknown): string {
  return error !== null && typeof error === 'object' && 'code' in error && typeof error.code === 'string' ? error.code : '';
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function isConnectionLoss(error: unknown): boolean {
  return (
    UNREACHABLE.has(errorCode(error)) ||
    // A server that accepts the connection but never speaks Bolt ends in the pool's acquisition timeout.
    /ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENOTFOUND|ETIMEDOUT|Connection acquisition timed out/.test(errorText(error))
  );
}

/** The StoreError for a connection-level failure, or null when `error` is something else. */
export function connectionError(error: unknown, target: ConnectionTarget): StoreError | null {
  if (error instanceof StoreError) return error;
  const code = errorCode(error);
  if (/Server responded HTTP/.test(errorText(error))) {
    return new StoreError(
      'unavailable',
      `${target.uri} is Neo4j's HTTP port (Neo4j Browser), not Bolt: point NEO4J_URI at the Bolt port, usually bolt://localhost:7687.`,
      { cause: error },
    );
  }
  if (isConnectionLoss(error)) {
    return new StoreError(
      'unavailable',
      `Neo4j is not reachable at ${target.uri}: is it running? Try \`docker compose up -d neo4j\` and wait until \`docker compose ps\` shows it healthy.`,
      { cause: error },
    );
  }
  if (AUTH.has(code)) {
    return new StoreError(
      'auth',
      `Neo4j at ${target.uri} refused user "${target.user}": wrong user or password. Set NEO4J_USER and NEO4J_PASSWORD ` +
        '(with docker compose, the password is the NEO4J_PASSWORD the data volume was first created with).',
      { cause: error },
    );
  }
  if (code === 'Neo.ClientError.Security.CredentialsExpired') {
    return new StoreError(
      'auth',
      `The password of "${target.user}" at ${target.uri} has expired: set a new one in Neo4j Browser (port 7474), then NEO4J_PASSWORD.`,
      { cause: error },
    );
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    const name = target.database ?? '(default)';
    return new StoreError(
      'database_missing',
      `Neo4j at ${target.uri} has no database "${name}": create it (\`CREATE DATABASE ${name}\`, Enterprise edition only) ` +
        'or unset NEO4J_DATABASE to use the server\'s default database.',
      { cause: error },
    );
  }
  return null;
}

/** Any failure of an app query: connection problems as StoreError, the rest as they came. */
export function storeError(error: unknown, target: ConnectionTarget): unknown {
  return connectionError(error, target) ?? error;
}

/** A failure during `write()`: the user's next step is always to re-run the ingest. */
export function writeError(error: unknown, target: ConnectionTarget, phase: string): StoreError {
  const connection = connectionError(error, target);
  if (connection?.code === 'unavailable') {
    return new StoreError(
      'unavailable',
      `Lost Neo4j at ${target.uri} while writing ${phase}. Re-run the ingest once it is back: every step MERGEs and stale ` +
        'data is removed only at the end, so a re-run picks up the pieces and converges.',
      { cause: error },
    );
  }
  if (connection) return connection;
  return new StoreError(
    'write_failed',
    `Could not write ${phase} to Neo4j at ${target.uri}: ${errorText(error)} Re-running the ingest is safe (every step MERGEs).`,
    { cause: error },
  );
}

/** A user-typed query the server refused, as the console reports it. */
export function consoleError(error: unknown, target: ConnectionTarget, timeoutMs: number): unknown {
  const connection = connectionError(error, target);
  if (connection) return connection;
  const code = errorCode(error);
  const message = errorText(error);
  if (
    code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') ||
    (/Transaction\.(Terminated|LockClientStopped)$/.test(code) && /time(d)? ?out/i.test(message))
  ) {
    return new ConsoleError('timeout', `The query ran longer than ${timeoutMs} ms and was stopped. Add a LIMIT or narrow the MATCH.`);
  }
  if (FORBIDDEN.has(code)) {
    return new ConsoleError('forbidden', `The console is read-only and Neo4j refused this query: ${message}`);
  }
  if (code === 'Neo.ClientError.Statement.ParameterMissing') return new ConsoleError('bad_params', message);
  // Syntax, semantic, type and argument errors: all mean "this query as typed cannot run".
  if (code.startsWith('Neo.ClientError.Statement.') || code.startsWith('Neo.ClientError.Procedure.')) {
    return new ConsoleError('syntax', message);
  }
  return error;
}
