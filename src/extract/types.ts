// The extractor's public option and input types (re-exported by index.ts).
import type { Paper } from '../graph/model.ts';

/** What extraction reads of a paper. */
export type PaperText = Pick<Paper, 'id' | 'title' | 'abstract'> & { year?: number | null };

/** VOSviewer thesaurus: `replace` maps a term to its replacement; `drop` lists terms to ignore. */
export interface Thesaurus {
  replace: Map<string, string>;
  drop: Set<string>;
}

export interface ExtractOptions {
  thesaurus?: Thesaurus;
  /** Worker threads for tagging. Default: min(2, cores); 1 = in-process. */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
  /**
   * Directory of the per-paper extraction cache (analysisCache.ts): papers whose text it
   * holds are not tagged again. Default: no cache.
   */
  cacheDir?: string;
  /** Called once extraction knows how many papers the cache answers for. */
  onCache?: (reused: number, total: number) => void;
}
