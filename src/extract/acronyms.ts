// Acronym definitions after Schwartz & Hearst (2003), "A simple algorithm for
// identifying abbreviation definitions in biomedical text" (PSB 2003): a short form
// in parentheses after its long form, "long form (SF)", or the reverse,
// "SF (long form)"; the long form is the shortest run of preceding words in which the
// short form's characters occur in order, its first character starting a word.

export interface AcronymDefinition {
  short: string;
  shortStart: number;
  shortEnd: number;
  longStart: number;
  longEnd: number;
}

// Case-sensitive: "cf." is a citation word, "CF" an acronym.
const notShortForms = /^(e\.?g|i\.?e|cf|et al|etc|vs|viz|see|p|pp|no|vol|ch|Fig|Figs|Eq|Eqs|Table|Sec|See|Ref|Refs|No|Vol|Ch)\.?$/;

/** Schwartz & Hearst's short-form test, stricter on case: "(i)", "(a)", "(1)", "(2019)" never pass. */
export function isShortForm(candidate: string): boolean {
  if (candidate.length < 2 || candidate.length > 10) return false;
  if (candidate.split(/\s+/).length > 2) return false;
  if (!/^[\p{L}\p{N}]/u.test(candidate)) return false;
  if (!/\p{Lu}/u.test(candidate)) return false;
  // Enumerations in roman numerals, (II), (IV), (XI). Not L, C, M: CL, ML, LLM and LM
  // are acronyms far more often than the numbers 150, 1050, 1050 and 950.
  if (/^[IVX]+$/.test(candidate)) return false;
  if (notShortForms.test(candidate)) return false;
  // A capitalised ordinary word ("(Figure)", "(Neurons)") is not a short form.
  if (/^\p{Lu}\p{Ll}{3,}$/u.test(candidate)) return false;
  return true;
}

/**
 * Where in `longText` the long form of `short` begins, or -1: the right-to-left
 * character match of Schwartz & Hearst's `findBestLongForm`.
 */
export function longFormStart(short: string, longText: string): number {
  const isAlnum = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  let s = short.length - 1;
  let l = longText.length - 1;
  while (s >= 0) {
    const c = short[s].toLowerCase();
    if (!isAlnum(c)) {
      s--;
      continue;
    }
    while (l >= 0 && (longText[l].toLowerCase() !== c || (s === 0 && isAlnum(longText[l - 1])))) l--;
    if (l < 0) return -1;
    l--;
    s--;
  }
  // Back to the start of the word the match began in.
  return longText.lastIndexOf(' ', l + 1) + 1;
}

const clauseBreak = /[.;:!?()[\]{},]/;

/** The words before `end` in the same clause, at most `maxWords` of them: [startOffset, text]. */
function precedingWords(text: string, end: number, maxWords: number): [number, string] {
  let i = end;
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  const stop = i;
  let words = 0;
  let start = i;
  while (i > 0 && words < maxWords) {
    let j = i;
    while (j > 0 && !/\s/.test(text[j - 1]) && !clauseBreak.test(text[j - 1])) j--;
    if (j === i) break;
    words++;
    start = j;
    i = j;
    if (i > 0 && clauseBreak.test(text[i - 1])) break;
    while (i > 0 && /[ \t]/.test(text[i - 1])) i--;
  }
  return [start, text.slice(start, stop)];
}

/** The matching close parenthesis of the one at `open`, or -1 (nested parentheses allowed). */
function closeOf(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length && i < open + 300; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Every acronym definition in a text. */
export function findDefinitions(text: string): AcronymDefinition[] {
  const definitions: AcronymDefinition[] = [];
  for (let open = text.indexOf('('); open >= 0; open = text.indexOf('(', open + 1)) {
    const close = closeOf(text, open);
    if (close < 0) continue;
    // "(STDP; Markram 1997)", "(SNN, see …)", "(STDP (ref))": the first part is the candidate.
    const inner = text.slice(open + 1, close);
    const firstLength = inner.search(/[;,(]|\s[-\u2013]\s/);
    const first = (firstLength < 0 ? inner : inner.slice(0, firstLength)).trim();
    const firstStart = open + 1 + inner.indexOf(first);
    if (first.length === 0) continue;

    if (isShortForm(first)) {
      const maxWords = Math.min(first.length + 5, first.length * 2);
      const [windowStart, window] = precedingWords(text, open, maxWords);
      const at = longFormStart(first, window);
      if (at >= 0 && window.length - at > first.length) {
        const longStart = windowStart + at;
        definitions.push({ short: first, shortStart: firstStart, shortEnd: firstStart + first.length, longStart, longEnd: windowStart + window.length });
      }
      continue;
    }
    // The reverse order, "SF (long form)".
    const [shortStart, shortText] = precedingWords(text, open, 1);
    if (first.split(/\s+/).length >= 2 && isShortForm(shortText) && first.length > shortText.length) {
      const at = longFormStart(shortText, first);
      if (at === 0) {
        definitions.push({ short: shortText, shortStart, shortEnd: shortStart + shortText.length, longStart: firstStart, longEnd: firstStart + first.length });
      }
    }
  }
  return definitions;
}
