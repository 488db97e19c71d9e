// Two walls around the console on Neo4j, each tested on its own against a real Neo4j 5.
// First our guard (readOnlyGuard.ts) refuses the query before anything is sent; then,
// for the same queries sent straight through a READ access-mode transaction with the
// guard bypassed, Neo4j refuses them itself. The console uses exactly such
// transactions (neo4j.ts), with the console's time limit as the transaction timeout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import neo4j, { type Driver } from 'neo4j-driver';
import { assertReadOnly } from '../../src/store/readOnlyGuard.ts';
import { openNeo4jStore } from '../../src/store/neo4j.ts';
import type { GraphStore } from '../../src/store/GraphStore.ts';
import { neo4jSettings, neo4jSkipReason, neo4jUri } from '../helpers/neo4jServer.ts';
import { EMPTY_GRAPH } from '../helpers/stores.ts';
import { fixtureGraph } from './fixture.ts';

const URI = neo4jUri();
if (!URI) console.warn(neo4jSkipReason());

/** What the console must never run, and the Neo4j error code a READ transaction answers it with. */
const REFUSED: { what: string; query: string; neo4j: RegExp }[] = [
  { what: 'a write', query: "CREATE (:Paper {id: 'x'})", neo4j: /^Neo\.ClientError\.Statement\.AccessMode$/ },
  { what: 'a delete', query: 'MATCH (n) DETACH DELETE n', neo4j: /^Neo\.ClientError\.Statement\.AccessMode$/ },
  { what: 'a property write', query: "MATCH (c:Concept) SET c.label = 'x'", neo4j: /^Neo\.ClientError\.Statement\.AccessMode$/ },
  { what: 'a schema change', query: 'CREATE INDEX x IF NOT EXISTS FOR (n:Paper) ON (n.title)', neo4j: /^Neo\.ClientError\.Statement\.AccessMode$/ },
  { what: 'LOAD CSV from a local file', query: "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", neo4j: /^Neo\.ClientError\.Statement\.ExternalResourceFailed$/ },
  { what: 'an APOC file read', query: "CALL apoc.load.json('file:///etc/passwd')", neo4j: /^Neo\.ClientError\.Procedure\.ProcedureNotFound$/ },
  { what: 'a dbms.* write', query: "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')", neo4j: /^Neo\.ClientError\.(Procedure\.ProcedureNotFound|Security\.Forbidden|Statement\.AccessMode)$/ },
];

describe('the console guard refuses, before anything is sent', () => {
  it.each(REFUSED.map((c) => [c.what, c.query]))('%s: %s', (_what, query) => {
    expect(() => assertReadOnly(query, 'neo4j')).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });
  it('refuses dbms.* reads of the server settings too', () => {
    expect(() => assertReadOnly('CALL dbms.listConfig()', 'neo4j')).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });
});

describe.runIf(URI)('Neo4j refuses the same queries in a READ access-mode transaction, without our guard', () => {
  let driver: Driver;
  let store: GraphStore;

  beforeAll(async () => {
    const settings = neo4jSettings();
    store = await openNeo4jStore(settings);
    await store.write(fixtureGraph);
    driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password));
  });
  afterAll(async () => {
    await driver?.close();
    await store?.write(EMPTY_GRAPH);
    await store?.close();
  });

  async function readMode(query: string): Promise<string> {
    const session = driver.session({ defaultAccessMode: neo4j.session.READ, database: neo4jSettings().database });
    const tx = session.beginTransaction({ timeout: 5_000 });
    try {
      await tx.run(query);
      return 'ran';
    } catch (error) {
      return (error as { code?: string }).code ?? String(error);
    } finally {
      await tx.rollback().catch(() => {});
      await session.close();
    }
  }

  it.each(REFUSED.map((c) => [c.what, c.query, c.neo4j] as const))('%s: %s', async (_what, query, code) => {
    expect(await readMode(query)).toMatch(code);
    expect(await store.stats()).toMatchObject({ papers: 3, concepts: 3, mentions: 5 });
  });

  it('lets any user read the server settings: Community Edition has no roles, so there our guard is the only wall', async () => {
    expect(await readMode('CALL dbms.listConfig() YIELD name RETURN name LIMIT 1')).toBe('ran');
  });

  it('runs reads in the same mode, and stops one past the transaction timeout', async () => {
    expect(await readMode('MATCH (p:Paper) RETURN count(p)')).toBe('ran');
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    const tx = session.beginTransaction({ timeout: 300 });
    const error = await tx.run('UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN count(*)').then(() => null, (e: { code?: string }) => e);
    await tx.rollback().catch(() => {});
    await session.close();
    expect(error?.code).toMatch(/^Neo\.ClientError\.Transaction\.(TransactionTimedOut|TransactionTimedOutClientConfiguration)$/);
  });
});
