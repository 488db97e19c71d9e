// The Neo4j server this test worker may use (tests/neo4j/server/globalSetup.ts starts
// one per worker), or null with the reason the Neo4j suite is skipped.
import { inject } from 'vitest';
import type { Neo4jSettings } from '../../src/config.ts';

/** This worker's Bolt URI: workers never share a server, so files running side by side do not see each other's graphs. */
export function neo4jUri(): string | null {
  const uris = inject('neo4jUris') ?? [];
  if (uris.length === 0) return null;
  const worker = Number(process.env.VITEST_POOL_ID ?? 1);
  return uris[(worker - 1) % uris.length];
}

export function neo4jSkipReason(): string {
  return inject('neo4jSkipReason') ?? 'Neo4j suite skipped: no server';
}

/** Settings for this worker's server (the test server has authentication off; a given NEO4J_URI uses NEO4J_USER/NEO4J_PASSWORD). */
export function neo4jSettings(): Neo4jSettings {
  const uri = neo4jUri();
  if (!uri) throw new Error(neo4jSkipReason());
  return {
    uri,
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? 'papergraph',
    database: process.env.NEO4J_DATABASE || undefined,
  };
}
