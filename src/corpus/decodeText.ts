// Bytes to text for every input file. Encoding by the Unicode BOM (UTF-8, UTF-16 LE/BE;
// Unicode 15 §23.8), else strict UTF-8, else Windows-1252 (the usual encoding of
// CSV exports saved by Excel on Windows) with a warning. NUL bytes in a file that is not
// UTF-16 mean binary input (a PDF, a zip), which no reader can use.
import { FORMATS_READ } from './detectFormat.ts';
import type { InputProblem } from './problems.ts';

export type DecodedText =
  | { ok: true; text: string; encoding: string; problems: InputProblem[] }
  | { ok: false; problems: InputProblem[] };

// WHATWG Windows-1252 for 0x80–0x9F; Node's decoder maps that range as Latin-1 controls.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const chunk: number[] = [];
  for (const byte of bytes) {
    chunk.push(byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : byte);
    if (chunk.length === 8192) {
      out += String.fromCharCode(...chunk);
      chunk.length = 0;
    }
  }
  return out + String.fromCharCode(...chunk);
}

/** UTF-16 without a BOM shows as ASCII with a zero byte every other byte. */
function sniffBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.9 && evenZero === 0) return 'utf-16le';
  if (evenZero > pairs * 0.9 && oddZero === 0) return 'utf-16be';
  return null;
}

function firstInvalidUtf8Line(bytes: Uint8Array): number {
  // Find the first byte where a strict decoder would fail, to name its line.
  let line = 1;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0a) line++;
    if (b < 0x80) continue;
    const need = b >= 0xf0 && b <= 0xf4 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 && b < 0xe0 ? 1 : -1;
    if (need < 0) return line;
    for (let k = 1; k <= need; k++) {
      if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return line;
    }
    i += need;
  }
  return line;
}

/** Decode one file's bytes; `ok: false` when the file is binary. */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  const problems: InputProblem[] = [];
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { ok: true, text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', problems };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', problems };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', problems };
  }
  const utf16 = sniffBomlessUtf16(bytes);
  if (utf16) {
    problems.push({ file, line: null, severity: 'warning', message: `no byte-order mark; read as ${utf16.toUpperCase()} from its byte pattern` });
    return { ok: true, text: new TextDecoder(utf16).decode(bytes), encoding: utf16, problems };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    let line = 1;
    for (let i = 0; i < nul; i++) if (bytes[i] === 0x0a) line++;
    problems.push({
      file,
      line,
      severity: 'error',
      message: `binary file (NUL byte found): expected text: ${FORMATS_READ}; file skipped`,
    });
    return { ok: false, problems };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', problems };
  } catch {
    problems.push({
      file,
      line: firstInvalidUtf8Line(bytes),
      severity: 'warning',
      message: 'not valid UTF-8 from this line on; the file was read as Windows-1252 (Latin-1). Re-save it as UTF-8 if accents look wrong',
    });
    return { ok: true, text: decodeWindows1252(bytes), encoding: 'windows-1252', problems };
  }
}
