// Sentence boundaries in an abstract: enough to quote the sentence where two
// concepts meet. A full stop followed by a space and a capital (or the end) ends a
// sentence; abbreviations such as "e.g." and "et al." do not.
const NOT_AN_END = /(?:\b(?:e\.g|i\.e|et al|etc|vs|cf|Fig|Eq|resp|approx|Dr|Mr|Ms|No)\.|\b[A-Z]\.)$/;

export interface Range {
  start: number;
  end: number;
}

export function sentenceRanges(text: string): Range[] {
  const ranges: Range[] = [];
  let start = 0;
  const re = /[.!?](?=\s+["'(\[]?[A-Z0-9]|\s*$)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + 1;
    if (NOT_AN_END.test(text.slice(Math.max(start, end - 8), end))) continue;
    ranges.push({ start, end });
    start = end;
    while (start < text.length && /\s/.test(text[start])) start++;
  }
  if (start < text.length) ranges.push({ start, end: text.length });
  return ranges;
}

/** The sentence holding `at`, or the whole text when it has no sentence breaks. */
export function sentenceAt(ranges: Range[], at: number): Range | undefined {
  return ranges.find((r) => at >= r.start && at < r.end);
}
