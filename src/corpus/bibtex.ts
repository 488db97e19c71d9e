// Reader for BibTeX and BibLaTeX as Zotero, Better BibTeX, Google Scholar and DBLP
// export them (BibTeX: Patashnik, "BibTeXing", 1988; BibLaTeX manual §2 for `date`,
// `eprint`/`eprinttype`/`archivePrefix`, `journaltitle`). Handles `@string` macros
// (and the predefined month macros), `#` concatenation, `{…}` and `"…"` values with
// nested braces, `@comment`/`@preamble`, text between entries (ignored, as BibTeX
// does), `%` line comments between fields, and LaTeX in values (latex.ts).
import { displayName } from './authors.ts';
import { splitKeywords } from './keywords.ts';
import { latexToUnicode } from './latex.ts';
import type { InputProblem } from './problems.ts';
import type { RawRecord, ReaderOutput } from './rawRecord.ts';

const MONTH_MACROS: Record<string, string> = {
  jan: '1', feb: '2', mar: '3', apr: '4', may: '5', jun: '6', jul: '7', aug: '8', sep: '9', oct: '10', nov: '11', dec: '12',
};

class BibSyntaxError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

class Scanner {
  pos = 0;
  constructor(readonly text: string) {}

  skipSpaceAndComments(): void {
    for (;;) {
      while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
      if (this.text[this.pos] !== '%') return;
      const eol = this.text.indexOf('\n', this.pos);
      this.pos = eol === -1 ? this.text.length : eol + 1;
    }
  }

  /** Inner text of a `{…}` group starting at `pos`, braces balanced, backslash-escaped braces skipped. */
  braced(): string {
    const start = this.pos;
    let depth = 0;
    for (; this.pos < this.text.length; this.pos++) {
      const c = this.text[this.pos];
      if (c === '\\') this.pos++;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        this.pos++;
        return this.text.slice(start + 1, this.pos - 1);
      }
    }
    throw new BibSyntaxError('a "{" is never closed', start);
  }

  quoted(): string {
    const start = this.pos;
    let depth = 0;
    for (this.pos++; this.pos < this.text.length; this.pos++) {
      const c = this.text[this.pos];
      if (c === '\\') this.pos++;
      else if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === '"' && depth === 0) {
        this.pos++;
        return this.text.slice(start + 1, this.pos - 1);
      }
    }
    throw new BibSyntaxError('a quoted value is never closed', start);
  }

  name(): string {
    const m = /^[^\s"#%'(),={}]+/.exec(this.text.slice(this.pos, this.pos + 200));
    if (!m) throw new BibSyntaxError(`expected a name, found ${JSON.stringify(this.text.slice(this.pos, this.pos + 12) || 'end of file')}`, this.pos);
    this.pos += m[0].length;
    return m[0];
  }
}

/** `value # value # …` with macros expanded; unknown macros are kept as written, with a warning. */
function readValue(s: Scanner, macros: Map<string, string>, unknown: Set<string>): string {
  let out = '';
  for (;;) {
    s.skipSpaceAndComments();
    const c = s.text[s.pos];
    if (c === '{') out += s.braced();
    else if (c === '"') out += s.quoted();
    else if (c !== undefined && /\d/.test(c)) out += s.name();
    else {
      const name = s.name();
      const expanded = macros.get(name.toLowerCase());
      if (expanded === undefined) unknown.add(name);
      out += expanded ?? name;
    }
    s.skipSpaceAndComments();
    if (s.text[s.pos] !== '#') return out;
    s.pos++;
  }
}

/** Split a name list on ` and ` outside braces (`{Barnes and Noble}` is one name). */
function splitNames(value: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (depth === 0 && /\s/.test(c)) {
      const m = /^\s+and\s+/i.exec(value.slice(i, i + 10));
      if (m) {
        names.push(value.slice(start, i));
        i += m[0].length - 1;
        start = i + 1;
      }
    }
  }
  names.push(value.slice(start));
  return names
    .map((n) => n.trim())
    .filter((n) => n && n.toLowerCase() !== 'others')
    .map((n) => displayName(latexToUnicode(n)));
}

function entryToRecord(fields: Map<string, string>, line: number): RawRecord {
  const get = (...names: string[]) => {
    for (const n of names) {
      const v = fields.get(n);
      if (v !== undefined && v.trim() !== '') return v;
    }
    return null;
  };
  const prefix = (get('archiveprefix', 'eprinttype') ?? '').toLowerCase();
  const journal = get('journal', 'journaltitle') ?? '';
  const arxivId =
    (prefix === 'arxiv' ? get('eprint') : null) ??
    get('arxivid', 'arxiv') ??
    (/arxiv/i.test(journal) ? journal : null) ??
    (/arxiv\.org\/abs\//.test(get('url') ?? '') ? get('url') : null);
  const yearText = get('year');
  const year = yearText && /^\s*\d{4}\s*$/.test(yearText) ? Number(yearText) : null;
  const month = get('month');
  const date = get('date') ?? (year !== null && month && /^\d{1,2}$/.test(month.trim()) ? `${year}-${month.trim().padStart(2, '0')}` : null);
  return {
    format: 'bibtex',
    line,
    title: latexToUnicode(get('title') ?? ''),
    abstract: latexToUnicode(get('abstract') ?? ''),
    year,
    date,
    url: get('url')?.replace(/[{}]/g, '').replace(/\\_/g, '_').trim() ?? null,
    authors: splitNames(get('author') ?? get('editor') ?? ''),
    doi: get('doi')?.replace(/[{}]/g, '').replace(/\\_/g, '_') ?? null,
    arxivId,
    pmid: get('pmid'),
    keywords: splitKeywords(latexToUnicode(get('keywords', 'keyword', 'author_keywords') ?? '')),
  };
}

export function readBibtex(text: string, file: string): ReaderOutput {
  const records: RawRecord[] = [];
  const problems: InputProblem[] = [];
  const macros = new Map(Object.entries(MONTH_MACROS));
  const s = new Scanner(text);
  let line = 1;
  let lineCursor = 0;
  const lineOf = (offset: number) => {
    if (offset < lineCursor) {
      line = 1;
      lineCursor = 0;
    }
    for (let i = text.indexOf('\n', lineCursor); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
      lineCursor = i + 1;
    }
    return line;
  };

  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', Math.max(s.pos, at + 1))) {
    const entryLine = lineOf(at);
    s.pos = at + 1;
    const unknown = new Set<string>();
    try {
      const type = s.name().toLowerCase();
      s.skipSpaceAndComments();
      const open = s.text[s.pos];
      if (open !== '{' && open !== '(') {
        // `@` in free text between entries (an e-mail address): not an entry.
        continue;
      }
      const close = open === '{' ? '}' : ')';
      if (type === 'comment') {
        if (open === '{') s.braced();
        continue;
      }
      s.pos++;
      s.skipSpaceAndComments();
      if (type === 'preamble') {
        readValue(s, macros, unknown);
      } else if (type === 'string') {
        const name = s.name();
        s.skipSpaceAndComments();
        if (s.text[s.pos] !== '=') throw new BibSyntaxError(`expected "=" after @string name ${name}`, s.pos);
        s.pos++;
        macros.set(name.toLowerCase(), readValue(s, macros, unknown));
      } else {
        const fields = new Map<string, string>();
        // The citation key (absent in some hand-written files: `@article{title = …}`).
        const keyMatch = /^[^,=\s{}()]*\s*,/.exec(s.text.slice(s.pos, s.pos + 500));
        if (keyMatch) s.pos += keyMatch[0].length;
        for (;;) {
          s.skipSpaceAndComments();
          if (s.text[s.pos] === ',') {
            s.pos++;
            continue;
          }
          if (s.text[s.pos] === close || s.pos >= s.text.length) break;
          const name = s.name().toLowerCase();
          s.skipSpaceAndComments();
          if (s.text[s.pos] !== '=') throw new BibSyntaxError(`expected "=" after field name "${name}"`, s.pos);
          s.pos++;
          fields.set(name, readValue(s, macros, unknown));
        }
        if (s.pos >= s.text.length) throw new BibSyntaxError(`@${type} entry is never closed with "${close}"`, at);
        records.push(entryToRecord(fields, entryLine));
      }
      s.skipSpaceAndComments();
      if (s.text[s.pos] === close) s.pos++;
    } catch (error) {
      if (!(error instanceof BibSyntaxError)) throw error;
      problems.push({ file, line: lineOf(Math.max(error.offset, at)), severity: 'error', message: `BibTeX syntax: ${error.message}; entry starting on line ${entryLine} skipped` });
      s.pos = at + 1;
    }
    if (unknown.size) {
      problems.push({ file, line: entryLine, severity: 'warning', message: `undefined @string macro(s) ${[...unknown].join(', ')}; kept as written` });
    }
  }
  if (records.length === 0 && problems.length === 0) {
    problems.push({ file, line: null, severity: 'error', message: 'no BibTeX entries found: expected @article{key, title = {…}, …}' });
  }
  return { records, problems };
}
