// Cleaning of titles and abstracts from every source format.
//
// PDF-extracted text (the NeurIPS proceedings dumps, Semantic Scholar, GROBID) carries
// pdfminer's `(cid:N)` markers for glyphs it could not map to Unicode. Their meaning
// depends on the font; the ones real abstracts contain are TeX's:
//   173      soft hyphen at a line break (`piri(cid:173) form` is `piriform`)
//   11–15    OT1 ligatures ff fi fl ffi ffl inside words (`classi(cid:12)cation`)
//   15       cmmi ε when it stands alone (`(cid:15)-tubes`)
//   2        a `fi` ligature inside a lower-case word, else cmsy ×
//   0        cmsy minus;  96 cmmi ℓ;  147/148 Windows-1252 curly quotes
// Anything else is dropped: a missing glyph reads better than a marker.
// HTML in abstracts (OpenAlex, JATS `<jats:p>`, arXiv) is reduced to its text, LaTeX
// (`$\ell_1$`, `\emph{…}`, `\cite{…}`) to the text it prints (latex.ts).
// Unicode is brought to NFKC (UAX #15), so the ligatures ﬁ ﬂ ﬀ of PDF text, full-width
// forms and compatibility characters read as the letters they stand for
// ("classiﬁcation" is "classification"); a spacing accent PDF extraction left between
// two letters ("Cram´er", "Schr¨odinger") goes back onto its letter first.
// The stored title and abstract are this cleaned text, and every span points into it.

import { latexInProse } from './latex.ts';

/** Options for `cleanText`. */
export interface CleanTextOptions {
  /** Remove HTML/JATS tags and decode entities. Default true. */
  stripHtml?: boolean;
}

const OT1_LIGATURES: Record<number, string> = { 11: 'ff', 12: 'fi', 13: 'fl', 14: 'ffi', 15: 'ffl' };
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—',
  hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', shy: '', times: '×', minus: '−',
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', lambda: 'λ', mu: 'μ', pi: 'π',
  sigma: 'σ', tau: 'τ', theta: 'θ', omega: 'ω', deg: '°', plusmn: '±', le: '≤', ge: '≥',
};

function replaceCid(text: string): string {
  if (!text.includes('(cid:')) return text;
  return text.replace(/\(cid:(\d+)\)(\s*)/g, (match: string, code: string, space: string, offset: number, whole: string) => {
    const n = Number(code);
    const before = whole[offset - 1] ?? '';
    const after = whole[offset + match.length - space.length] ?? '';
    const letterAfter = space === '' && /\p{L}/u.test(after);
    if (n === 173) return '';
    if (n in OT1_LIGATURES && letterAfter) return OT1_LIGATURES[n];
    if (n === 15) return 'ε' + space;
    if (n === 2) return /\p{Ll}/u.test(before) && letterAfter ? 'fi' : '×' + space;
    if (n === 0) return '−' + space;
    if (n === 96) return 'ℓ' + space;
    if (n === 147) return '“' + space;
    if (n === 148) return '”' + space;
    return space;
  });
}

function decodeEntity(entity: string): string | null {
  if (entity.startsWith('#x') || entity.startsWith('#X')) {
    const cp = parseInt(entity.slice(2), 16);
    return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : null;
  }
  if (entity.startsWith('#')) {
    const cp = parseInt(entity.slice(1), 10);
    return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : null;
  }
  return NAMED_ENTITIES[entity.toLowerCase()] ?? null;
}

/** Decode HTML/XML character references; unknown ones are left as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8});/g, (m, entity: string) => decodeEntity(entity) ?? m);
}

// Only known HTML/JATS/MathML tag names: `n<k whereas m>k` in an abstract is maths, not a tag.
const BLOCK_TAGS = 'p|br|div|sec|title|li|ul|ol|h[1-6]|abstract|list|list-item|disp-formula|label';
// `inf` is Scopus's subscript (`YBa<inf>2</inf>Cu<inf>3</inf>O<inf>7</inf>`).
const INLINE_TAGS =
  'i|b|em|strong|sub|sup|span|a|u|small|code|italic|bold|sc|inline-formula|math|mi|mo|mn|mrow|msub|msup|msubsup|mfrac|mtext|tex-math|alternatives|ext-link|xref|fn|named-content|monospace|underline|inf';
const BLOCK_TAG = new RegExp(`</?(?:[a-z]+:)?(?:${BLOCK_TAGS})(?:\\s[^<>]{0,500})?/?>`, 'gi');
const INLINE_TAG = new RegExp(`</?(?:[a-z]+:)?(?:${INLINE_TAGS})(?:\\s[^<>]{0,500})?/?>`, 'gi');

/** Remove tags (`<p>`, `<jats:italic>`, `<sub>`), keeping a space where a block ended. */
function stripTags(text: string): string {
  if (!text.includes('<')) return text;
  return text.replace(BLOCK_TAG, ' ').replace(INLINE_TAG, '');
}

/** Spacing diacritics and the combining mark each stands for. */
const SPACING_ACCENTS: Record<string, string> = { '\u00b4': '\u0301', '\u00a8': '\u0308', '\u02c6': '\u0302', '\u02dc': '\u0303', '\u00b8': '\u0327', '\u02c7': '\u030c', '\u02d8': '\u0306' };
const SPACING_ACCENT = /(?<=\p{L})([\u00b4\u00a8\u02c6\u02dc\u00b8\u02c7\u02d8])(\p{L})/gu;

/** NFKC, after putting spacing accents between letters back on their letter; ™ and ® are dropped, not spelt out. */
export function normalizeUnicode(text: string): string {
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  return text
    .replace(SPACING_ACCENT, (_, accent: string, letter: string) => letter + SPACING_ACCENTS[accent])
    .replace(/[\u2122\u00ae]/g, '')
    .normalize('NFKC');
}

/** Clean one title or abstract: markers, soft hyphens, tags, entities, LaTeX, Unicode forms, whitespace. */
export function cleanText(text: string, options: CleanTextOptions = {}): string {
  const stripHtml = options.stripHtml ?? true;
  let out = replaceCid(text).replace(/\u00ad/g, '');
  if (stripHtml) out = decodeEntities(stripTags(out));
  out = normalizeUnicode(latexInProse(out));
  return out
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufeff\u200b]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Cut `text` to at most `limit` characters at the last sentence end before the limit
 * (falling back to the last space), so a runaway abstract cannot stall extraction.
 */
export function truncateAtSentence(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const window = text.slice(0, limit);
  const sentenceEnd = Math.max(window.lastIndexOf('. '), window.lastIndexOf('? '), window.lastIndexOf('! '));
  if (sentenceEnd > limit / 2) return window.slice(0, sentenceEnd + 1);
  const space = window.lastIndexOf(' ');
  return (space > limit / 2 ? window.slice(0, space) : window).trimEnd();
}
