// Which reader a file needs, from its content first and its extension second: a
// `.txt` holding JSON is JSON, a `.txt` holding a Web of Science export is WoS, a `.xml`
// holding BibTeX is BibTeX. A `.txt` that is no known format is refused (never read as
// Daily Papers text). Sniffing looks at the first few kilobytes only.
import { looksLikeDailyPapers } from './dailyPapers.ts';
import { looksLikePubmedXml } from './pubmed.ts';
import { looksLikeWosPlainText, looksLikeWosTabDelimited } from './wos.ts';

export type InputFormat = 'daily-papers' | 'jsonl' | 'json' | 'csv' | 'arxiv-atom' | 'pubmed-xml' | 'bibtex' | 'ris' | 'wos' | 'wos-tab';

/** What `ingest` reads, in words, for messages about files it cannot read. */
export const FORMATS_READ =
  'JSON/JSONL (papergraph records, OpenAlex works and /works pages, CSL-JSON from Zotero or Mendeley), ' +
  'CSV/TSV with a header (Scopus, IEEE Xplore, Embase, Zotero), Web of Science plain text or tab-delimited, ' +
  'PubMed XML, arXiv Atom XML, BibTeX, RIS, or Hugging Face Daily Papers page text; any of them may be gzipped (.gz)';

/** Extensions read when a directory is given (files with others are left alone); each also with `.gz`. */
export const KNOWN_EXTENSIONS = ['.txt', '.json', '.jsonl', '.ndjson', '.csv', '.tsv', '.xml', '.atom', '.bib', '.bibtex', '.ris', '.isi'];

const BY_EXTENSION: Record<string, InputFormat> = {
  '.json': 'json', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.csv': 'csv', '.tsv': 'csv',
  '.bib': 'bibtex', '.bibtex': 'bibtex', '.ris': 'ris',
};

/** True when a directory walk should read `path` (a known extension, optionally gzipped). */
export function hasKnownExtension(path: string): boolean {
  const lower = path.toLowerCase().replace(/\.gz$/, '');
  return KNOWN_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

function sniffJson(head: string, text: string): InputFormat {
  if (head.startsWith('[')) return 'json';
  // JSONL: the first line is a complete object and another object line follows.
  const firstBreak = text.indexOf('\n');
  if (firstBreak === -1) return 'json';
  const firstLine = text.slice(0, firstBreak).trim();
  const rest = text.slice(firstBreak + 1).trimStart();
  if (rest && !rest.startsWith('{')) return 'json';
  try {
    JSON.parse(firstLine);
    return 'jsonl';
  } catch {
    return 'json';
  }
}

/** The format of `text` (the file's decoded content); null when nothing fits. */
export function detectFormat(path: string, text: string): InputFormat | null {
  const head = text.slice(0, 4096).replace(/^\ufeff/, '').trimStart();
  const ext = /\.[^./\\]+$/.exec(path.toLowerCase())?.[0] ?? '';
  if (head.startsWith('{') || head.startsWith('[')) return sniffJson(head, text.replace(/^\ufeff/, '').trimStart());
  if (head.startsWith('<')) {
    if (looksLikePubmedXml(head)) return 'pubmed-xml';
    return /<feed[\s>]|<entry[\s>]/.test(head) ? 'arxiv-atom' : null;
  }
  if (/^(?:%[^\n]*\n\s*)*@\s*[a-zA-Z]+\s*[{(]/.test(head)) return 'bibtex';
  if (/^TY {2}- /m.test(head.slice(0, 400)) && /^(?:\s*\n)*TY {2}-/.test(head)) return 'ris';
  if (looksLikeWosPlainText(head)) return 'wos';
  if (looksLikeWosTabDelimited(head)) return 'wos-tab';
  if (ext === '.csv' || ext === '.tsv') return 'csv';
  if (ext === '.bib' || ext === '.bibtex') return 'bibtex';
  if (ext === '.ris') return 'ris';
  // A header line of a CSV saved as .txt: delimiters and a title column.
  const firstLine = head.slice(0, head.indexOf('\n') === -1 ? head.length : head.indexOf('\n'));
  if (/(^|[,;\t"])\s*"?(document |article )?title"?\s*([,;\t]|$)/i.test(firstLine)) return 'csv';
  if (looksLikeDailyPapers(text)) return 'daily-papers';
  return ext === '.txt' ? null : (BY_EXTENSION[ext] ?? null);
}
