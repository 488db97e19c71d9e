// Which reader a file needs, from its content first and its extension second: a
// `.txt` holding JSON is JSON, a `.xml` holding BibTeX is BibTeX. Sniffing looks at
// the first few kilobytes only.

export type InputFormat = 'daily-papers' | 'jsonl' | 'json' | 'csv' | 'arxiv-atom' | 'bibtex' | 'ris';

/** Extensions read when a directory is given (files with others are left alone). */
export const KNOWN_EXTENSIONS = ['.txt', '.json', '.jsonl', '.ndjson', '.csv', '.tsv', '.xml', '.atom', '.bib', '.bibtex', '.ris'];

const BY_EXTENSION: Record<string, InputFormat> = {
  '.json': 'json', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.csv': 'csv', '.tsv': 'csv',
  '.xml': 'arxiv-atom', '.atom': 'arxiv-atom', '.bib': 'bibtex', '.bibtex': 'bibtex', '.ris': 'ris',
  '.txt': 'daily-papers',
};

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
  if (head.startsWith('<')) return /<feed[\s>]|<entry[\s>]/.test(head) || ext === '.xml' || ext === '.atom' ? 'arxiv-atom' : null;
  if (/^(?:%[^\n]*\n\s*)*@\s*[a-zA-Z]+\s*[{(]/.test(head)) return 'bibtex';
  if (/^TY {2}- /m.test(head.slice(0, 400)) && /^(?:\s*\n)*TY {2}-/.test(head)) return 'ris';
  if (ext === '.csv' || ext === '.tsv') return 'csv';
  if (ext === '.bib' || ext === '.bibtex') return 'bibtex';
  if (ext === '.ris') return 'ris';
  // A header line of a CSV saved as .txt: delimiters and a title column.
  const firstLine = head.slice(0, head.indexOf('\n') === -1 ? head.length : head.indexOf('\n'));
  if (/(^|[,;\t"])\s*"?(document |article )?title"?\s*([,;\t]|$)/i.test(firstLine)) return 'csv';
  return BY_EXTENSION[ext] ?? (/•\s*\d+\s+authors?/.test(text.slice(0, 20000)) ? 'daily-papers' : null);
}
