// Which stored papers a write can keep. Adding papers to a stored corpus changes nearly
// every other row (a mention's score depends on document frequencies and the corpus
// size, a concept's analytics on the whole map, a co-occurrence's weight on every
// count: 99% of mentions, every concept and 86% of co-occurrences when 1,000 papers
// join 12,659), but a paper row depends on its record alone. So the embedded writer
// copies the live database, keeps the Paper rows that are unchanged, and rebuilds the
// other tables (embedded.ts).
//
// What was stored is known from the ingest's own read of it (`papers()`): a digest of
// each paper's row, tied to the database file it came from. A write onto any other file
// (another process swapped in a newer graph meanwhile) builds from scratch.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Paper } from '../../graph/model.ts';
import type { CsvCell } from '../csvFile.ts';

export interface PaperDeltaOptions {
  /**
   * Fewest kept papers, as a share of the new graph's, for a write to start from the
   * stored database. Below it a build from scratch writes about as much and leaves no
   * deleted rows in the file. Default 0.5.
   */
  minKeptShare?: number;
}

const DEFAULTS: Required<PaperDeltaOptions> = { minKeptShare: 0.5 };

/** The papers a database file holds, as digests of their rows by id. */
export interface StoredPapers {
  file: string;
  digests: Map<string, string>;
}

export interface PaperDelta {
  /** Papers stored unchanged: their rows stay. */
  kept: number;
  /** Stored papers to delete: gone from the graph, or changed (their new row is in `written`). */
  removed: string[];
  /** Papers to load: new ones and the new rows of changed ones. */
  written: Paper[];
}

/** A digest of a paper's stored row (the cells the loader writes), so a changed field is a changed paper. */
export function rowDigest(cells: CsvCell[]): string {
  return createHash('sha256').update(JSON.stringify(cells)).digest('base64url');
}

/**
 * How to turn the papers of `stored` into `papers`, or null when `stored` is not the
 * live file `live`, the file is not checkpointed, or it keeps too few papers to be worth
 * starting from.
 */
export function planPaperDelta(
  stored: StoredPapers | null,
  live: string | null,
  papers: Paper[],
  row: (paper: Paper) => CsvCell[],
  options: PaperDeltaOptions = {},
): PaperDelta | null {
  const { minKeptShare } = { ...DEFAULTS, ...options };
  // A log beside the live file would hold rows a copy of the file lacks (the writer swaps in only checkpointed files).
  if (!stored || !live || stored.file !== live || existsSync(`${live}.wal`)) return null;
  const unmatched = new Set(stored.digests.keys());
  const written: Paper[] = [];
  const removed: string[] = [];
  for (const paper of papers) {
    const digest = stored.digests.get(paper.id);
    if (digest === undefined) {
      written.push(paper);
      continue;
    }
    unmatched.delete(paper.id);
    if (digest === rowDigest(row(paper))) continue;
    removed.push(paper.id);
    written.push(paper);
  }
  removed.push(...unmatched);
  const kept = stored.digests.size - removed.length;
  if (papers.length === 0 || kept < minKeptShare * papers.length) return null;
  return { kept, removed, written };
}
