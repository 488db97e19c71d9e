// Hand-made corpora for the bridges tests: which paper mentions which concept is
// written out, and the real graph build (co-occurrence, Louvain, betweenness,
// participation) and the real embedded store do the rest, so the right answer can
// be worked out by hand.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildGraph } from '../../src/graph/buildGraph.ts';
import type { ExtractedConcept, Mention, Paper } from '../../src/graph/model.ts';
import { loadSnapshot, type Snapshot } from '../../src/explore/snapshot.ts';
import { openEmbeddedStore } from '../../src/store/embedded.ts';
import type { GraphStore } from '../../src/store/GraphStore.ts';

export interface HandMention {
  concept: string;
  inTitle?: boolean;
  /** The extractor's per-paper score; default: by position, first highest. */
  score?: number;
}

export interface HandPaper {
  id: string;
  title?: string;
  mentions: (string | HandMention)[];
}

export interface HandStore {
  dir: string;
  store: GraphStore;
  snapshot: Snapshot;
  cleanup: () => Promise<void>;
}

/** Builds, stores and loads a graph in which each paper mentions exactly the listed concepts. */
export async function handStore(papers: HandPaper[], concepts: Record<string, string[]>): Promise<HandStore> {
  const paperRecords: Paper[] = papers.map((p) => ({
    id: p.id,
    title: p.title ?? `Paper ${p.id}`,
    abstract: '',
    year: 2020,
    date: null,
    url: null,
    authors: [],
    source: 'test:bridges',
    doi: null,
    arxivId: null,
    openalexId: null,
    pmid: null,
    wosId: null,
    keywords: [],
    sources: [`test:${p.id}`],
  }));
  const mentions: Mention[] = papers.flatMap((p) =>
    p.mentions.map((m, rank) => {
      const hand = typeof m === 'string' ? { concept: m } : m;
      return { paperId: p.id, conceptId: hand.concept, count: 1, inTitle: hand.inTitle ?? false, score: hand.score ?? p.mentions.length - rank, spans: [] };
    }),
  );
  const extracted: ExtractedConcept[] = Object.entries(concepts).map(([id, aliases]) => ({ id, label: aliases[0] ?? id, aliases, score: 1 }));
  const graph = await buildGraph(paperRecords, { concepts: extracted, mentions });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'papergraph-bridges-'));
  const writer = await openEmbeddedStore(dir);
  await writer.write(graph);
  await writer.close();
  const store = await openEmbeddedStore(dir);
  const snapshot = await loadSnapshot(store);
  return {
    dir,
    store,
    snapshot,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `n` papers mentioning the same concepts, to make those concepts common. */
export function filler(prefix: string, n: number, mentions: string[]): HandPaper[] {
  return Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, mentions }));
}
