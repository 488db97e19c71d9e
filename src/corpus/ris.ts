// Reader for RIS (Research Information Systems) exports, as written by Zotero,
// EndNote, Scopus, Web of Science and PubMed: `TAG  - value` lines, `TY` opens a
// record and `ER` closes it (RIS format specification, Research Information Systems
// 2011; tag list per the EndNote RIS reference). Title TI/T1 (else CT, BT), abstract
// AB/N2, authors AU/A1 (one per line), year PY/Y1 (`2020///` or `2020/03/01/`),
// date DA, DOI DO, URL UR, arXiv from UR/M3 when present, keywords KW (one per line, or a
// `;` list). Repeated AB lines join.
import { displayName } from './authors.ts';
import { splitKeywords } from './keywords.ts';
import type { InputProblem } from './problems.ts';
import type { RawRecord, ReaderOutput } from './rawRecord.ts';

const TAG_LINE = /^([A-Z][A-Z0-9])  ?-(?: (.*))?$/;

export function readRis(text: string, file: string): ReaderOutput {
  const records: RawRecord[] = [];
  const problems: InputProblem[] = [];
  let tags: Map<string, string[]> | null = null;
  let start = 0;
  let lastTag: string | null = null;

  const flush = () => {
    if (!tags) return;
    const one = (...names: string[]) => {
      for (const n of names) {
        const v = tags!.get(n);
        if (v && v.length) return v.join(' ');
      }
      return null;
    };
    const dateText = one('PY', 'Y1', 'DA');
    const dateMatch = dateText ? /(\d{4})(?:\/(\d{1,2})?(?:\/(\d{1,2})?)?)?/.exec(dateText) : null;
    const date = dateMatch
      ? [dateMatch[1], dateMatch[2]?.padStart(2, '0'), dateMatch[2] && dateMatch[3] ? dateMatch[3].padStart(2, '0') : undefined].filter(Boolean).join('-')
      : null;
    const urls = tags.get('UR') ?? [];
    records.push({
      format: 'ris',
      line: start,
      title: one('TI', 'T1', 'CT', 'BT') ?? '',
      abstract: one('AB', 'N2') ?? '',
      date,
      url: urls[0] ?? null,
      authors: (tags.get('AU') ?? tags.get('A1') ?? []).map(displayName),
      doi: one('DO'),
      arxivId: urls.find((u) => /arxiv\.org\/abs\//.test(u)) ?? null,
      keywords: (tags.get('KW') ?? []).flatMap((k) => splitKeywords(k)),
    });
    tags = null;
  };

  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = TAG_LINE.exec(lines[i]);
    if (!m) {
      // RIS values may wrap onto untagged lines (long abstracts from EndNote).
      if (tags && lastTag && lines[i].trim()) tags.get(lastTag)!.push(lines[i].trim());
      continue;
    }
    const [, tag, value = ''] = m;
    if (tag === 'TY') {
      if (tags) {
        problems.push({ file, line: start, severity: 'warning', message: 'record has no "ER  -" line before the next "TY  -"; read up to there' });
        flush();
      }
      tags = new Map();
      start = i + 1;
      lastTag = null;
      continue;
    }
    if (tag === 'ER') {
      flush();
      lastTag = null;
      continue;
    }
    if (!tags) {
      problems.push({ file, line: i + 1, severity: 'warning', message: `"${tag}  -" line outside a record (records start with "TY  -"); ignored` });
      continue;
    }
    if (!tags.has(tag)) tags.set(tag, []);
    tags.get(tag)!.push(value.trim());
    lastTag = tag;
  }
  if (tags) {
    problems.push({ file, line: start, severity: 'warning', message: 'last record has no "ER  -" line; read to the end of the file' });
    flush();
  }
  if (records.length === 0) {
    problems.push({ file, line: null, severity: 'error', message: 'no RIS records found: expected lines like "TY  - JOUR", "TI  - …", "ER  - "' });
  }
  return { records, problems };
}
