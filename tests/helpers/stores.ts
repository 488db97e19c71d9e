// Both stores for one behaviour suite: the embedded store in a throw-away directory,
// and Neo4j on this worker's test server (neo4jServer.ts). A suite runs
// `describe.each(STORES)` and keeps the same expectations for both; the Neo4j case is
// reported skipped, with the reason, when no server is available.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../src/config.ts';
import type { KnowledgeGraph, StoreKind } from '../../src/graph/model.ts';
import { readGraph } from '../../src/export/readGraph.ts';
import { openStore } from '../../src/store/index.ts';
import type { GraphReader, GraphStore } from '../../src/store/GraphStore.ts';
import { neo4jSettings, neo4jSkipReason, neo4jUri } from './neo4jServer.ts';

export const EMPTY_GRAPH: KnowledgeGraph = { papers: [], concepts: [], mentions: [], cooccurrences: [], broader: [] };

export interface StoreUnderTest {
  kind: StoreKind;
  /** A Config naming this store, for the server, the console child and the CLI. */
  config: Config;
  open(): Promise<GraphStore>;
  /** Leaves nothing behind: the embedded directory goes, the Neo4j graph is emptied. */
  cleanup(): Promise<void>;
}

export interface StoreCase {
  kind: StoreKind;
  /** Why this store's tests do not run here, or null when they do. */
  skip: string | null;
  make(): Promise<StoreUnderTest>;
}

function embeddedCase(): StoreCase {
  return {
    kind: 'embedded',
    skip: null,
    async make() {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'papergraph-both-'));
      const config = loadConfig({ db: dir, port: '0' }, { PAPERGRAPH_STATE_DIR: path.join(dir, 'state') });
      return {
        kind: 'embedded',
        config,
        open: () => openStore(config),
        cleanup: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  };
}

function neo4jCase(): StoreCase {
  return {
    kind: 'neo4j',
    // Read when a suite is collected, not on import: scripts import the e2e helpers
    // outside vitest, where there is no test server to ask about.
    get skip() {
      return neo4jUri() ? null : neo4jSkipReason();
    },
    async make() {
      const settings = neo4jSettings();
      const stateDir = mkdtempSync(path.join(os.tmpdir(), 'papergraph-both-state-'));
      const env = {
        PAPERGRAPH_STORE: 'neo4j',
        NEO4J_URI: settings.uri,
        NEO4J_USER: settings.user,
        NEO4J_PASSWORD: settings.password,
        NEO4J_DATABASE: settings.database ?? '',
        PAPERGRAPH_STATE_DIR: stateDir,
      };
      const config = loadConfig({ port: '0' }, env);
      const empty = async () => {
        const store = await openStore(config);
        try {
          await store.write(EMPTY_GRAPH);
        } finally {
          await store.close();
        }
      };
      // The worker's server may hold a graph from an earlier file: start from nothing.
      await empty();
      return {
        kind: 'neo4j',
        config,
        open: () => openStore(config),
        cleanup: async () => {
          await empty();
          rmSync(stateDir, { recursive: true, force: true });
        },
      };
    },
  };
}

export const STORES: StoreCase[] = [embeddedCase(), neo4jCase()];

/** The describe title, with the reason when the store is skipped here. */
export const storeTitle = (c: StoreCase) => (c.skip ? `${c.kind} store (skipped: ${c.skip})` : `${c.kind} store`);

/** The stored graph in one order: neither store promises an order for rows that tie. */
export async function storedGraph(store: GraphReader): Promise<KnowledgeGraph> {
  const g = await readGraph(store);
  const by = <T>(key: (x: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  return {
    papers: [...g.papers].sort(by((p) => p.id)),
    concepts: [...g.concepts].sort(by((c) => c.id)),
    mentions: [...g.mentions].sort(by((m) => `${m.paperId}\u0000${m.conceptId}`)),
    cooccurrences: g.cooccurrences,
    broader: g.broader,
  };
}

/**
 * Graph JSON with its node and edge lists in key order: lists of items with a `key` are
 * sets to a user (the map draws them all), and the stores return rows that tie (edges of
 * equal weight) in different orders.
 */
export function keyOrdered(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(keyOrdered);
    const keyed = items.every((x) => x !== null && typeof x === 'object' && typeof (x as { key?: unknown }).key === 'string');
    return keyed ? [...items].sort((a, b) => ((a as { key: string }).key < (b as { key: string }).key ? -1 : 1)) : items;
  }
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, keyOrdered(v)]));
  return value;
}
