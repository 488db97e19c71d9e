// Reader for Hugging Face "Daily Papers" pages saved as text (huggingface.co/papers;
// the format of data/sample/). Blank-line separated paragraphs: a title line, an
// abstract paragraph, then a metadata paragraph `• N authors` / `·` / a date
// (`Sep 18, 2022`, or `Feb 24` in the current year, which gives no year) optionally
// followed by the upvote count on the same or the next line. Some pages list only
// title and abstract. Page chrome (`new`, `Subscribe`, `Daily Papers`, a lone date
// header…) is skipped. There is no published spec; the layout was read off the pages.
import type { InputProblem } from './problems.ts';
import type { RawRecord, ReaderOutput } from './rawRecord.ts';
import { monthNumber } from './dates.ts';

const CHROME = new Set([
  'new', 'get trending papers in your email inbox!', 'subscribe', 'daily papers',
  'byak and the research community', 'trending papers', 'submit', 'upvote',
]);
const AUTHORS_LINE = /^•\s*\d+\s+authors?$/;
const DATE_LINE = /^([A-Z][a-z]{2})\s+(\d{1,2})(?:,\s+(\d{4}))?(?:\s+(\d+))?$/;
const NUMBER_LINE = /^\d+$/;

/**
 * True when the text is a Daily Papers page: its `• N authors` lines or the page's own
 * chrome. Anything else saved as .txt is not read as one (a WoS export once was).
 */
export function looksLikeDailyPapers(text: string): boolean {
  const head = text.slice(0, 20000);
  return /^•\s*\d+\s+authors?\s*$/m.test(head) || /^(?:Get trending papers in your email inbox!|byAK and the research community)\s*$/m.test(head);
}

interface Paragraph {
  lines: string[];
  line: number;
}

function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let current: Paragraph | null = null;
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const trimmed = lines[i].trim();
    if (!trimmed) {
      current = null;
      continue;
    }
    if (!current) {
      current = { lines: [], line: i + 1 };
      out.push(current);
    }
    current.lines.push(trimmed);
  }
  return out;
}

function isDateLine(line: string): boolean {
  const m = DATE_LINE.exec(line);
  return m !== null && monthNumber(m[1]) !== null;
}

/** `• N authors`, `·`, a date, maybe an upvote count: the paragraph that closes a paper. */
function isMetadata(p: Paragraph): boolean {
  return p.lines.length >= 2 && AUTHORS_LINE.test(p.lines[0]) && p.lines.slice(1).every((l) => l === '·' || isDateLine(l) || NUMBER_LINE.test(l));
}

function isChrome(p: Paragraph): boolean {
  return p.lines.length === 1 && (CHROME.has(p.lines[0].toLowerCase()) || isDateLine(p.lines[0]));
}

/** A paragraph that reads as an abstract rather than a title: long, or several sentences. */
function looksLikeAbstract(text: string): boolean {
  return text.length > 300 || /[.!?]\s+\S.*[.!?]$/.test(text);
}

function metadataDate(p: Paragraph): { year: number | null; date: string | null } {
  const line = p.lines.find(isDateLine);
  const m = line ? DATE_LINE.exec(line) : null;
  if (!m || !m[3]) return { year: null, date: null };
  const month = String(monthNumber(m[1])).padStart(2, '0');
  return { year: Number(m[3]), date: `${m[3]}-${month}-${m[2].padStart(2, '0')}` };
}

export function readDailyPapers(text: string, file: string): ReaderOutput {
  const records: RawRecord[] = [];
  const problems: InputProblem[] = [];
  let title: Paragraph | null = null;
  let abstract: Paragraph | null = null;

  const flush = (meta: Paragraph | null) => {
    if (!title) return;
    if (!abstract) {
      problems.push({ file, line: title.line, severity: 'warning', message: 'paper has a title but no abstract paragraph; kept with an empty abstract' });
    }
    const { year, date } = meta ? metadataDate(meta) : { year: null, date: null };
    records.push({ format: 'daily-papers', line: title.line, title: title.lines.join(' '), abstract: abstract ? abstract.lines.join(' ') : '', year, date });
    title = null;
    abstract = null;
  };

  for (const p of paragraphs(text)) {
    if (isMetadata(p)) {
      if (!title) problems.push({ file, line: p.line, severity: 'warning', message: 'author/date lines with no title before them; ignored' });
      flush(p);
      continue;
    }
    if (!title && isChrome(p)) continue;
    // A title is one line; a paper that has a title and an abstract but no metadata
    // ends where the next title starts.
    if (title && abstract) flush(null);
    const joined = p.lines.join(' ');
    if (!title) {
      title = p;
    } else if (!looksLikeAbstract(joined) && !looksLikeAbstract(title.lines.join(' ')) && p.lines.length === 1) {
      // Two title-like paragraphs in a row: the first paper has no abstract.
      flush(null);
      title = p;
    } else {
      abstract = p;
    }
  }
  flush(null);
  if (records.length === 0) {
    problems.push({ file, line: null, severity: 'error', message: 'no papers found: expected Daily Papers text (a title line, an abstract paragraph, then "• N authors · date")' });
  }
  return { records, problems };
}
