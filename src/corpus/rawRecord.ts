// What every reader produces: one record as its source wrote it, before cleaning,
// id assignment and de-duplication (`buildPaper.ts` turns it into a `Paper`).
import type { InputProblem } from './problems.ts';

/** The source format of a record; also the prefix of `Paper.source` and of fingerprints. */
export type RecordFormat = 'daily-papers' | 'json' | 'csv' | 'arxiv' | 'openalex' | 'bibtex' | 'ris' | 'pubmed' | 'wos' | 'csl';

export interface RawRecord {
  format: RecordFormat;
  /** 1-based line where the record starts in its file; null when it cannot be located. */
  line: number | null;
  title: string;
  abstract: string;
  year?: number | null;
  date?: string | null;
  url?: string | null;
  authors?: string[];
  doi?: string | null;
  arxivId?: string | null;
  openalexId?: string | null;
  pmid?: string | null;
  /** Web of Science `UT`. */
  wosId?: string | null;
  /** The authors' keywords, one per entry (readers split the source's lists). */
  keywords?: string[];
  /** The record's own `id` field (JSON, JSONL, CSV), echoed as the paper id when nothing better exists. */
  explicitId?: string | null;
}

export interface ReaderOutput {
  records: RawRecord[];
  problems: InputProblem[];
}
