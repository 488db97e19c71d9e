// Opens the store a Config names. The Neo4j backend loads only when asked for, so
// the default embedded path never pulls in the driver.
import type { Config } from '../config.ts';
import type { GraphStore } from './GraphStore.ts';
import { openEmbeddedStore } from './embedded.ts';

export * from './GraphStore.ts';

export async function openStore(config: Config): Promise<GraphStore> {
  if (config.store === 'neo4j') {
    const { openNeo4jStore } = await import('./neo4j.ts');
    return openNeo4jStore(config.neo4j);
  }
  return openEmbeddedStore(config.db);
}
