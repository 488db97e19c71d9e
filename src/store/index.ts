// Opens the store a Config names. The Neo4j backend loads only when asked for, so
// the default embedded path never pulls in the driver.
import type { Config } from '../config.ts';
import type { GraphReader, GraphStore } from './GraphStore.ts';
import { openEmbeddedStore, type EmbeddedOptions } from './embedded.ts';
import { neo4jLockFile } from './storeLock.ts';

export * from './GraphStore.ts';

/** `embedded` tunes the embedded store (the console child sizes its buffer pool); Neo4j ignores it. */
export async function openStore(config: Config, embedded: EmbeddedOptions = {}): Promise<GraphStore> {
  if (config.store === 'neo4j') {
    const { openNeo4jStore } = await import('./neo4j.ts');
    return openNeo4jStore(config.neo4j, { lockFile: neo4jLockFile(config.stateDir, config.neo4j.uri, config.neo4j.database) });
  }
  return openEmbeddedStore(config.db, embedded);
}

/** The read side only: for the server and the console, which never write. */
export function openReader(config: Config, embedded: EmbeddedOptions = {}): Promise<GraphReader> {
  return openStore(config, embedded);
}
