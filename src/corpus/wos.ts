// Reader for Web of Science exports (Clarivate, "Web of Science Core Collection field
// tags"; the layouts VOSviewer, CiteSpace and bibliometrix read):
//  - plain text (`savedrecs.txt`): an `FN`/`VR` header, then records of `TG value` lines
//    (two-letter tag, a space), continuation lines indented by three spaces, `PT`
//    opening and `ER` closing each record, `EF` at the end; UTF-8, often with a BOM;
//  - tab-delimited ("Win" or "Mac", UTF-8 or UTF-16): a header row of the same tags and
//    one record per row, list fields separated by `; `.
// Read: title TI, abstract AB, year PY (else early-access EA, else PD), date PD, DOI DI,
// authors AF (full names; else AU), author keywords DE, PMID PM, accession number UT.
// Title and abstract continuation lines join with a space; AU/AF continuations are one
// name per line; DE continuations join with a space and the list splits at `;`.
import { displayName } from './authors.ts';
import { monthNumber } from './dates.ts';
import { splitKeywords } from './keywords.ts';
import type { InputProblem } from './problems.ts';
import type { RawRecord, ReaderOutput } from './rawRecord.ts';

const TAG_LINE = /^([A-Z][A-Z0-9]) (.*)$/;
const BARE_TAG = /^([A-Z][A-Z0-9])$/;
/** Tags whose continuation lines are further values (one per line), not wrapped text. */
const ONE_PER_LINE = new Set(['AU', 'AF', 'BA', 'BF', 'CA', 'GP', 'BE', 'CR', 'C1', 'C3', 'RP', 'EM', 'RI', 'OI', 'FU']);

/** True when `head` (the start of a decoded file) is WoS plain text. */
export function looksLikeWosPlainText(head: string): boolean {
  return /^(?:FN|VR) \S/.test(head) || (/^PT [A-Z]\s*$/m.test(head.slice(0, 200)) && /^(?:TI|AU|UT) /m.test(head));
}

/** True when the first line is a WoS tab-delimited header (`PT<TAB>AU<TAB>…<TAB>TI…`). */
export function looksLikeWosTabDelimited(head: string): boolean {
  const first = head.slice(0, head.search(/\r?\n|$/));
  const tags = first.split('\t').map((t) => t.trim());
  return tags[0] === 'PT' && tags.includes('TI') && tags.every((t) => t === '' || /^[A-Z][A-Z0-9]$/.test(t));
}

type Fields = Map<string, string[]>;

function wosDate(pd: string | null, year: number | null): string | null {
  if (year === null) return null;
  // PD is `MAR`, `MAR 15`, `SPR`, `JAN-FEB` or `2021 MAR` (early access copies).
  const m = pd ? /([A-Z]{3})[A-Z]*(?:\s+(\d{1,2}))?/.exec(pd.toUpperCase()) : null;
  const month = m ? monthNumber(m[1]) : null;
  if (!month) return String(year);
  const mm = String(month).padStart(2, '0');
  return m?.[2] ? `${year}-${mm}-${m[2].padStart(2, '0')}` : `${year}-${mm}`;
}

function yearOf(...texts: (string | null)[]): number | null {
  for (const t of texts) {
    const m = t ? /\b(1[6-9]\d\d|2[01]\d\d)\b/.exec(t) : null;
    if (m) return Number(m[1]);
  }
  return null;
}

function toRecord(get: (tag: string) => string | null, list: (tag: string) => string[], line: number): RawRecord {
  const year = yearOf(get('PY'), get('EA'), get('PD'));
  const fullNames = list('AF');
  return {
    format: 'wos',
    line,
    title: get('TI') ?? '',
    abstract: get('AB') ?? '',
    year,
    date: wosDate(get('PD'), year),
    url: null,
    authors: (fullNames.length ? fullNames : list('AU')).map(displayName),
    doi: get('DI'),
    pmid: get('PM'),
    wosId: get('UT'),
    keywords: splitKeywords(get('DE')),
  };
}

/** Plain-text export: tagged lines, `ER` per record. */
export function readWosPlainText(text: string, file: string): ReaderOutput {
  const records: RawRecord[] = [];
  const problems: InputProblem[] = [];
  let fields: Fields | null = null;
  let start = 0;
  let tag: string | null = null;
  let badLines = 0;

  const flush = () => {
    if (!fields) return;
    const f = fields;
    const get = (t: string) => {
      const v = f.get(t);
      return v && v.length ? v.join(ONE_PER_LINE.has(t) ? '; ' : ' ').trim() || null : null;
    };
    const list = (t: string) => (f.get(t) ?? []).flatMap((v) => v.split(/\s*;\s*/)).map((v) => v.trim()).filter(Boolean);
    records.push(toRecord(get, list, start));
    fields = null;
  };

  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (raw.trim() === '') continue;
    if (/^\s/.test(raw)) {
      // A continuation line: another value of the last tag.
      if (fields && tag) fields.get(tag)!.push(raw.trim());
      continue;
    }
    const m = TAG_LINE.exec(raw) ?? BARE_TAG.exec(raw.trimEnd());
    if (!m) {
      if (badLines++ < 5) problems.push({ file, line: i + 1, severity: 'warning', message: `not a Web of Science field line (expected a two-letter tag and a space, e.g. "TI Title"); ignored: ${JSON.stringify(raw.slice(0, 40))}` });
      continue;
    }
    const [, t, value = ''] = m;
    if (t === 'FN' || t === 'VR' || t === 'EF') {
      if (fields && t === 'EF') {
        problems.push({ file, line: start, severity: 'warning', message: 'record has no "ER" line before "EF"; read up to there' });
        flush();
      }
      tag = null;
      continue;
    }
    if (t === 'PT') {
      if (fields) {
        problems.push({ file, line: start, severity: 'warning', message: 'record has no "ER" line before the next "PT"; read up to there' });
        flush();
      }
      fields = new Map();
      start = i + 1;
      tag = null;
      continue;
    }
    if (t === 'ER') {
      flush();
      tag = null;
      continue;
    }
    if (!fields) {
      problems.push({ file, line: i + 1, severity: 'warning', message: `"${t}" line outside a record (records start with "PT"); ignored` });
      continue;
    }
    if (!fields.has(t)) fields.set(t, []);
    fields.get(t)!.push(value.trim());
    tag = t;
  }
  if (badLines > 5) problems.push({ file, line: null, severity: 'warning', message: `${badLines - 5} more lines that are not Web of Science field lines were ignored` });
  if (fields) {
    problems.push({ file, line: start, severity: 'warning', message: 'the file ends inside a record (no "ER" line; truncated?); read to the end' });
    flush();
  }
  if (records.length === 0) {
    problems.push({ file, line: null, severity: 'error', message: 'no Web of Science records found: expected "PT J", "TI …", "ER" lines' });
  }
  return { records, problems };
}

/** Tab-delimited export: a header row of tags, one record per row. */
export function readWosTabDelimited(text: string, file: string): ReaderOutput {
  const records: RawRecord[] = [];
  const problems: InputProblem[] = [];
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  const header = lines[0].split('\t').map((t) => t.trim());
  const column = new Map(header.map((t, i) => [t, i] as const));
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const cells = lines[i].split('\t');
    if (cells.length < column.get('TI')! + 1) {
      problems.push({ file, line: i + 1, severity: 'error', message: `row has ${cells.length} of the header's ${header.length} columns and no title (truncated?); row skipped` });
      continue;
    }
    const get = (t: string) => {
      const at = column.get(t);
      const v = at === undefined ? '' : (cells[at] ?? '').trim();
      return v || null;
    };
    const list = (t: string) => (get(t) ?? '').split(/\s*;\s*/).filter(Boolean);
    records.push(toRecord(get, list, i + 1));
  }
  if (records.length === 0) {
    problems.push({ file, line: null, severity: 'error', message: 'no Web of Science records found below the tab-delimited header' });
  }
  return { records, problems };
}
