// Locating records inside a JSON document without trusting the whole of it: the
// offsets of each element of the records array (the top-level array, or the
// `results` array of an OpenAlex `/works` page), found by a bracket-and-string scan
// (RFC 8259 §2, §7), so a truncated file still yields its complete records and an
// error at the line where it broke. Each element is then parsed on its own.

export interface JsonSpan {
  start: number;
  end: number;
}

export interface JsonScan {
  /** Complete elements of the records array, or the whole document when it is one object. */
  spans: JsonSpan[];
  /** Where the document stops being well-formed (truncated, unbalanced), with why. */
  fault: { offset: number; message: string } | null;
  shape: 'array' | 'object' | 'results';
}

function skipWhitespace(text: string, i: number): number {
  while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  return i;
}

/** End (exclusive) of the string starting at `i` (a `"`), or -1 when it never closes. */
function skipString(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (c === '"') return j + 1;
    else if (c === '\n') return -1;
  }
  return -1;
}

/** End (exclusive) of the value starting at `i`, or -1 when it is cut off or unbalanced. */
function skipValue(text: string, i: number): number {
  const c = text[i];
  if (c === '"') return skipString(text, i);
  if (c !== '{' && c !== '[') {
    const m = /^[^,\]}\s]+/.exec(text.slice(i, i + 64));
    return m ? i + m[0].length : -1;
  }
  const stack: string[] = [];
  for (let j = i; j < text.length; j++) {
    const ch = text[j];
    if (ch === '"') {
      const end = skipString(text, j);
      if (end === -1) return -1;
      j = end - 1;
    } else if (ch === '{' || ch === '[') {
      stack.push(ch === '{' ? '}' : ']');
    } else if (ch === '}' || ch === ']') {
      if (stack.pop() !== ch) return -1;
      if (stack.length === 0) return j + 1;
    }
  }
  return -1;
}

function scanArray(text: string, open: number, shape: JsonScan['shape']): JsonScan {
  const spans: JsonSpan[] = [];
  let i = skipWhitespace(text, open + 1);
  if (text[i] === ']') return { spans, fault: null, shape };
  for (;;) {
    if (i >= text.length) return { spans, fault: { offset: text.length, message: 'file ends inside the array (truncated?)' }, shape };
    const end = skipValue(text, i);
    if (end === -1) return { spans, fault: { offset: i, message: 'this element is cut off or has unbalanced brackets' }, shape };
    spans.push({ start: i, end });
    i = skipWhitespace(text, end);
    if (text[i] === ',') {
      i = skipWhitespace(text, i + 1);
      continue;
    }
    if (text[i] === ']') return { spans, fault: null, shape };
    return { spans, fault: { offset: Math.min(i, text.length), message: i >= text.length ? 'file ends inside the array (truncated?)' : `expected "," or "]" between array elements, found ${JSON.stringify(text[i])}` }, shape };
  }
}

/** The offset of the value of top-level key `key` in the object starting at `open`, or -1. */
function topLevelKey(text: string, open: number, key: string): number {
  let i = skipWhitespace(text, open + 1);
  while (i < text.length && text[i] === '"') {
    const keyEnd = skipString(text, i);
    if (keyEnd === -1) return -1;
    const name = text.slice(i + 1, keyEnd - 1);
    i = skipWhitespace(text, keyEnd);
    if (text[i] !== ':') return -1;
    i = skipWhitespace(text, i + 1);
    if (name === key) return i;
    const end = skipValue(text, i);
    if (end === -1) return -1;
    i = skipWhitespace(text, end);
    if (text[i] !== ',') return -1;
    i = skipWhitespace(text, i + 1);
  }
  return -1;
}

/** Find the records of a JSON document: array elements, `results` of a works page, or the one object. */
export function scanJsonRecords(text: string): JsonScan {
  const start = skipWhitespace(text, 0);
  if (text[start] === '[') return scanArray(text, start, 'array');
  const results = topLevelKey(text, start, 'results');
  if (results !== -1 && text[results] === '[') return scanArray(text, results, 'results');
  const end = skipValue(text, start);
  if (end === -1) return { spans: [], fault: { offset: text.length, message: 'the JSON object is cut off or has unbalanced brackets (truncated?)' }, shape: 'object' };
  const after = skipWhitespace(text, end);
  if (after < text.length) {
    return { spans: [{ start, end }], fault: { offset: after, message: 'unexpected text after the JSON value (a JSONL file should be named .jsonl)' }, shape: 'object' };
  }
  return { spans: [{ start, end }], fault: null, shape: 'object' };
}
