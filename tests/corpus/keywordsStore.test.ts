// Author keywords and the new ids through a real ingest: stored on the paper in the
// embedded store, read back, mapped by the thesaurus, and never made concepts.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest.ts';
import { openEmbeddedStore } from '../../src/store/embedded.ts';

const REAL = path.resolve(import.meta.dirname, 'fixtures/real');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function ingestInto(paths: string[], thesaurus?: { replace: Map<string, string>; drop: Set<string> }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'papergraph-kw-'));
  dirs.push(dir);
  const store = await openEmbeddedStore(dir);
  try {
    await ingest(store, paths, { workers: 1, thesaurus });
    return { papers: await store.papers(), concepts: (await store.run('snapshot-concepts')).map((c) => String(c.id)), paper: (id: string) => store.run('paper', { id }) };
  } finally {
    await store.close();
  }
}

describe('author keywords in the store', () => {
  it('are stored and read back with PMIDs and WoS ids, and stay out of the concepts', async () => {
    const { papers, concepts } = await ingestInto([path.join(REAL, 'wos-wosfile-plaintext-5.txt'), path.join(REAL, 'pubmed-biopython-pubmed5.xml')]);
    const wos = papers.find((p) => p.id === 'doi:10.1287/orsc.1030.0054')!;
    expect(wos.keywords).toEqual(['knowledge networks', 'economic geography', 'spillovers', 'biotechnology', 'patenting']);
    expect(wos.wosId).toBe('WOS:000220015600001');
    const pubmed = papers.find((p) => p.pmid === '28775130')!;
    expect(pubmed.keywords).toContain('thyroid stimulating hormone');
    // A keyword the text never says is not a concept: keywords never replace extraction.
    expect(concepts).not.toContain('patenting');
  });

  it('are mapped and dropped by the ingest thesaurus', async () => {
    const thesaurus = { replace: new Map([['Economic Geography', 'spatial economics']]), drop: new Set(['spillovers']) };
    const { papers } = await ingestInto([path.join(REAL, 'wos-wosfile-plaintext-5.txt')], thesaurus);
    expect(papers.find((p) => p.id === 'doi:10.1287/orsc.1030.0054')!.keywords).toEqual(['knowledge networks', 'spatial economics', 'biotechnology', 'patenting']);
  });
});
