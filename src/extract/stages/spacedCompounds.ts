// A compound written with a space where the corpus also writes it hyphenated: "least
// squares" beside "least-squares". Per-paper chunking cannot join it ("least" is a
// quantifier, trimmed from the front of "least squares regression", leaving the fragment
// "squares regression"); the corpus can, since it writes the hyphenated unit often and
// the spaced first word mostly before that second word. Hyphenation as the corpus writes
// it decides the variant, as for closed forms (Jacquemin 2001, "Spotting and Discovering
// Terms through Natural Language Processing", ch. 5: orthographic variants); the word is
// read from the paper's text, right before the phrase, with its span.
import type { PaperAnalysis } from '../analyze.ts';
import type { Phrase } from '../phrases.ts';
import { wordKey } from '../normalize.ts';
import type { PaperText } from '../types.ts';
import type { WordEvidence } from './wordEvidence.ts';

/** `\p{L}`, without a regular expression for ASCII: this reads the word before every noun phrase. */
function isLetter(code: number, char: string): boolean {
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return /\p{L}/u.test(char);
}

/** The word right before `at` in `text`, across spaces only (no punctuation, no hyphen before it), with its start. */
export function wordBefore(text: string, at: number): { word: string; start: number } | undefined {
  let end = at;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\n' || text[end - 1] === '\t')) end--;
  if (end === at) return undefined;
  let start = end;
  while (start > 0 && isLetter(text.charCodeAt(start - 1), text[start - 1])) start--;
  if (start === end || (start > 0 && /[\p{N}\-\u2010-\u2015]/u.test(text[start - 1]))) return undefined;
  return { word: text.slice(start, end), start };
}

function joined(phrase: Phrase, text: string, evidence: WordEvidence): Phrase {
  const first = phrase.words[0];
  if (!first || first.acronym || !first.unitStart || !first.unitEnd) return phrase;
  const before = wordBefore(text, first.start);
  if (!before) return phrase;
  const lower = before.word.toLowerCase();
  if (!evidence.opensSpacedCompound(lower, first)) return phrase;
  const key = wordKey(lower, false);
  return {
    ...phrase,
    words: [{ text: before.word, start: before.start, end: before.start + before.word.length, key, head: key, acronym: false, headClass: 'none', unitStart: true, unitEnd: false }, { ...first, unitStart: false }, ...phrase.words.slice(1)],
    before: undefined,
  };
}

/** The analysis with each noun phrase that follows the first word of a compound the corpus hyphenates joined to it; unchanged, it is returned as it was. */
export function joinSpacedCompounds(analysis: PaperAnalysis, paper: PaperText, evidence: WordEvidence): PaperAnalysis {
  let phrases: Phrase[] | undefined;
  analysis.phrases.forEach((phrase, i) => {
    if (phrase.kind !== 'maximal') return;
    const out = joined(phrase, (phrase.field === 'title' ? paper.title : paper.abstract) ?? '', evidence);
    if (out === phrase) return;
    phrases ??= analysis.phrases.slice();
    phrases[i] = out;
  });
  return phrases ? { ...analysis, phrases } : analysis;
}
