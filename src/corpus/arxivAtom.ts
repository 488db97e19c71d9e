// Reader for arXiv API responses (Atom 1.0, RFC 4287, with the arXiv and OpenSearch
// extensions), per the arXiv API User's Manual (info.arxiv.org/help/api/user-manual.html
// §3.3 "Outline of an Atom feed", §3.4 "Errors"). Both layouts are read:
//  - classic export.arxiv.org: `<id>http://arxiv.org/abs/2401.01234v2</id>`, namespaces
//    declared on each opensearch element, `<title type="html">` on the feed;
//  - the 2025 service: `https://arxiv.org/abs/…` ids, all namespaces on `<feed>`, no
//    `rel="self"` feed link.
// Entries: `<title>` and `<summary>` are hard-wrapped (whitespace collapsed),
// `<published>` is the v1 date, `<author><name>`, `<arxiv:doi>`, `<link rel="alternate">`.
// A bad query answers HTTP 200 with one entry titled `Error` whose id is
// `http://arxiv.org/api/errors#…`: reported as an error, not read as a paper.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { InputProblem } from './problems.ts';
import { linesAt } from './problems.ts';
import type { RawRecord, ReaderOutput } from './rawRecord.ts';

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ['entry', 'author', 'link', 'category'].includes(name),
});

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && '#text' in (value as Node)) return String((value as Node)['#text']);
  return '';
}

function entryToRecord(entry: Node, line: number): RawRecord {
  const links = (entry.link as Node[] | undefined) ?? [];
  const alternate = links.find((l) => l['@_rel'] === 'alternate') ?? links.find((l) => !l['@_rel']);
  const authors = ((entry.author as Node[] | undefined) ?? []).map((a) => textOf(a.name)).filter(Boolean);
  const id = textOf(entry.id);
  return {
    format: 'arxiv',
    line,
    title: textOf(entry.title),
    abstract: textOf(entry.summary),
    date: textOf(entry.published) || textOf(entry.updated) || null,
    url: (alternate ? String(alternate['@_href'] ?? '') : '') || id || null,
    authors,
    doi: textOf(entry['arxiv:doi']) || null,
    arxivId: id || null,
  };
}

export function readArxivAtom(text: string, file: string): ReaderOutput {
  const problems: InputProblem[] = [];
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    problems.push({ file, line: valid.err.line, severity: 'error', message: `malformed XML: ${valid.err.msg}; expected an arXiv API Atom feed; file skipped` });
    return { records: [], problems };
  }
  const doc = parser.parse(text) as Node;
  const feed = (doc.feed ?? doc) as Node;
  const entries = (feed.entry as Node[] | undefined) ?? [];
  if (!doc.feed) {
    problems.push({ file, line: 1, severity: 'error', message: 'XML has no <feed> element: expected an arXiv API Atom feed; file skipped' });
    return { records: [], problems };
  }
  const offsets: number[] = [];
  for (const m of text.matchAll(/<entry[\s>]/g)) offsets.push(m.index ?? 0);
  const lines = linesAt(text, offsets);
  const records: RawRecord[] = [];
  entries.forEach((entry, k) => {
    const line = lines[k] ?? null;
    const id = textOf(entry.id);
    if (/\/api\/errors/.test(id) || (textOf(entry.title) === 'Error' && !/\/abs\//.test(id))) {
      problems.push({ file, line, severity: 'error', message: `the arXiv API returned an error entry: ${textOf(entry.summary) || id}` });
      return;
    }
    records.push(entryToRecord(entry, line ?? 1));
  });
  if (entries.length === 0) {
    const total = textOf(feed['opensearch:totalResults']);
    problems.push({ file, line: null, severity: 'warning', message: `arXiv feed has no entries${total ? ` (opensearch:totalResults = ${total})` : ''}` });
  }
  return { records, problems };
}
