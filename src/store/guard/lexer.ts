// The console guard's tokenizer: splits user-typed Cypher into the tokens both
// engines see, so no comment, string, back-ticked name or escape can hide a clause
// from the recogniser or fake one.
//
// It follows the lexer rules of LadybugDB (src/antlr4/Cypher.g4) and Neo4j
// (Cypher5Lexer.g4 / Cypher25Lexer.g4) and, where they differ, takes the reading
// that lets the guard see more code, or refuses:
// - `//` comments end at \r or \n (both engines); `/* */` ends at the first `*/`
//   (Neo4j; LadybugDB can end later, never earlier).
// - In strings a backslash takes exactly the escapes LadybugDB knows; a `\u` escape
//   that would spell a quote, backslash, back-tick or line break is refused, because
//   a parser that decodes escapes before lexing would end the string there.
// - Outside strings a backslash is refused, so `\u0027` or `\u000a` in a comment or a
//   back-ticked name cannot turn into a quote or a line break for any engine.
// - `$` straight after a name (LadybugDB: part of the name; Neo4j: a parameter) and
//   characters neither engine reads as Cypher (zero-width, look-alike dashes) are refused.
// Nesting depth is counted here, in one linear pass, before anything parses.
import { ConsoleError } from '../GraphStore.ts';

export type TokenKind = 'word' | 'name' | 'string' | 'number' | 'param' | 'punct' | 'end';

export interface Token {
  kind: TokenKind;
  /** The text as written; for a back-ticked name, the name with `` `` `` unescaped. */
  text: string;
  /** Upper-cased text of an unquoted ASCII word (keywords are ASCII in both engines), else ''. */
  upper: string;
  /** Offset in the query, for messages. */
  at: number;
  /** Index of the matching bracket for ( [ {, else -1. */
  match: number;
}

export interface LexLimits {
  /** Deepest nesting of ( [ { allowed. */
  maxDepth: number;
  /** Deepest nesting of CASE … END allowed (LadybugDB's parser is exponential in it). */
  maxCaseDepth: number;
}

/** Whitespace of either engine (openCypher's list plus Neo4j's U+0085). */
const WHITESPACE = /[\t\n\v\f\r \u001c-\u001f\u0085\u00a0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;
const NAME_START = /[\p{ID_Start}\p{Pc}]/u;
const NAME_PART = /[\p{ID_Continue}\p{Sc}]/u;
/** Multi-character operators, longest first. */
const OPERATORS = ['..', '<>', '<=', '>=', '=~', '!=', '::', '||', '+=', ':='];
const SINGLE = new Set([...'()[]{},.:;=<>+-*/%^|&!?$']);
const STRING_ESCAPES = new Set([...'\\\'"bfnrtBFNRT']);
const HEX_ESCAPES: Record<string, number> = { x: 2, X: 2, u: 4, U: 4 };
/** Characters a decoded escape must not be: they would end or break the string for a pre-decoding parser. */
const STRUCTURAL = new Set(["'", '"', '`', '\\', '\n', '\r', '\u2028', '\u2029', '\u0085']);

const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

export function lex(query: string, limits: LexLimits): Token[] {
  return new Lexer(query, limits).run();
}

class Lexer {
  #q: string;
  #limits: LexLimits;
  #i = 0;
  #tokens: Token[] = [];
  #open: number[] = [];
  #caseDepth = 0;

  constructor(query: string, limits: LexLimits) {
    this.#q = query;
    this.#limits = limits;
  }

  run(): Token[] {
    const q = this.#q;
    while (this.#i < q.length) {
      const ch = q[this.#i];
      const next = q[this.#i + 1];
      if (WHITESPACE.test(ch)) this.#i++;
      else if (ch === '/' && next === '/') this.#lineComment();
      else if (ch === '/' && next === '*') this.#blockComment();
      else if (ch === "'" || ch === '"') this.#string(ch);
      else if (ch === '`') this.#backticked();
      else if (ch === '$') this.#parameter();
      else if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(next ?? ''))) this.#number();
      else if (NAME_START.test(this.#codePoint())) this.#word();
      else this.#punctuation();
    }
    if (this.#open.length) {
      const opener = this.#tokens[this.#open[this.#open.length - 1]];
      throw this.#syntax(`"${opener.text}" is never closed`, opener.at);
    }
    this.#tokens.push({ kind: 'end', text: '', upper: '', at: q.length, match: -1 });
    return this.#tokens;
  }

  #codePoint(): string {
    return String.fromCodePoint(this.#q.codePointAt(this.#i)!);
  }

  #push(kind: TokenKind, text: string, at: number): Token {
    const upper = kind === 'word' && /^[\x00-\x7f]*$/.test(text) ? text.toUpperCase() : '';
    const token: Token = { kind, text, upper, at, match: -1 };
    this.#tokens.push(token);
    return token;
  }

  #lineComment(): void {
    const q = this.#q;
    let j = this.#i + 2;
    while (j < q.length && q[j] !== '\n' && q[j] !== '\r') j++;
    this.#noEscapes(this.#i, j, 'a comment');
    this.#i = j;
  }

  #blockComment(): void {
    const end = this.#q.indexOf('*/', this.#i + 2);
    if (end === -1) throw this.#syntax('a /* comment is never closed', this.#i);
    this.#noEscapes(this.#i, end, 'a comment');
    this.#i = end + 2;
  }

  /** A backslash outside a string could be a unicode escape to a parser that decodes them first. */
  #noEscapes(from: number, to: number, where: string): void {
    const slash = this.#q.indexOf('\\', from);
    if (slash !== -1 && slash < to) {
      throw this.#refuse(`a backslash in ${where} is not accepted (an engine may read "\\u…" there as a quote or a line break)`, slash);
    }
  }

  #string(quote: string): void {
    const q = this.#q;
    const start = this.#i;
    let j = start + 1;
    for (;;) {
      if (j >= q.length) throw this.#syntax('a string is never closed', start);
      const ch = q[j];
      if (ch === quote) {
        // LadybugDB reads '' inside '…' as an escaped quote; Neo4j as two strings. Either
        // way the string boundaries fall on the same quotes, so one token is safe.
        if (q[j + 1] === quote) {
          j += 2;
          continue;
        }
        break;
      }
      if (ch === '\\') j = this.#escape(j);
      else j++;
    }
    this.#push('string', q.slice(start, j + 1), start);
    this.#i = j + 1;
  }

  /** Checks the escape at `j` (a backslash) and returns the offset after it. */
  #escape(j: number): number {
    const q = this.#q;
    const letter = q[j + 1] ?? '';
    if (STRING_ESCAPES.has(letter)) return j + 2;
    const digits = HEX_ESCAPES[letter];
    if (digits === undefined) throw this.#syntax(`"\\${letter}" is not an escape sequence (use \\\\ for a backslash)`, j);
    // LadybugDB also takes \u with eight digits; read the longest form present.
    const long = letter.toLowerCase() === 'u' && /^[0-9a-fA-F]{8}$/.test(q.slice(j + 2, j + 10)) ? 8 : digits;
    const hex = q.slice(j + 2, j + 2 + long);
    if (!new RegExp(`^[0-9a-fA-F]{${long}}$`).test(hex)) throw this.#syntax(`"\\${letter}" needs ${digits} hexadecimal digits`, j);
    const code = parseInt(hex, 16);
    if (code > 0x10ffff) throw this.#syntax(`"\\${letter}${hex}" is not a character`, j);
    const decoded = String.fromCodePoint(code);
    if (STRUCTURAL.has(decoded) || code < 0x20) {
      throw this.#refuse(`the escape "\\${letter}${hex}" spells a quote, backslash, back-tick or control character; write it another way`, j);
    }
    return j + 2 + long;
  }

  #backticked(): void {
    const q = this.#q;
    const start = this.#i;
    let j = start + 1;
    let name = '';
    for (;;) {
      const close = q.indexOf('`', j);
      if (close === -1) throw this.#syntax('a `back-ticked` name is never closed', start);
      name += q.slice(j, close);
      if (q[close + 1] === '`') {
        name += '`';
        j = close + 2;
        continue;
      }
      j = close + 1;
      break;
    }
    this.#noEscapes(start, j, 'a back-ticked name');
    this.#push('name', name, start);
    this.#i = j;
  }

  #parameter(): void {
    const start = this.#i;
    this.#i++;
    const ch = this.#q[this.#i] ?? '';
    if (ch === '`') this.#backticked();
    else if (/[0-9]/.test(ch)) this.#number();
    else if (NAME_START.test(this.#codePoint())) this.#word();
    else throw this.#syntax('"$" must be followed by a parameter name', start);
    const named = this.#tokens.pop()!;
    this.#push('param', named.text, start);
  }

  #number(): void {
    const q = this.#q;
    const start = this.#i;
    const m = /^(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|(?:[0-9][0-9_]*)?(?:\.[0-9][0-9_]*)?(?:[eE][+-]?[0-9][0-9_]*)?)/.exec(q.slice(start, start + 400));
    let end = start + (m?.[0].length ?? 0);
    // `1..3` is a range, not `1.` and `.3`: the regex needs a digit after a dot, so it stops at `1`.
    if (end === start) end = start + 1;
    this.#push('number', q.slice(start, end), start);
    this.#i = end;
  }

  #word(): void {
    const q = this.#q;
    const start = this.#i;
    let j = start;
    while (j < q.length) {
      const cp = String.fromCodePoint(q.codePointAt(j)!);
      if (j > start ? !NAME_PART.test(cp) || cp === '$' : !NAME_START.test(cp)) break;
      j += cp.length;
    }
    if (q[j] === '$') {
      throw this.#refuse(`"$" right after the name "${q.slice(start, j)}" is read differently by the two engines; put a space before it`, j);
    }
    const text = q.slice(start, j);
    this.#i = j;
    this.#push('word', text, start);
    this.#countCase(text);
  }

  /** CASE … END nesting, the one construct LadybugDB's parser takes exponential time over. */
  #countCase(text: string): void {
    const upper = text.toUpperCase();
    const before = this.#tokens[this.#tokens.length - 2];
    if (before?.kind === 'punct' && before.text === '.') return; // a property named case/end
    if (upper === 'CASE' && ++this.#caseDepth > this.#limits.maxCaseDepth) {
      throw this.#tooDeep(`CASE expressions are nested more than ${this.#limits.maxCaseDepth} deep`);
    }
    if (upper === 'END' && this.#caseDepth > 0) this.#caseDepth--;
  }

  #punctuation(): void {
    const q = this.#q;
    const start = this.#i;
    const op = OPERATORS.find((o) => q.startsWith(o, start));
    if (op) {
      this.#push('punct', op, start);
      this.#i += op.length;
      return;
    }
    const ch = q[start];
    if (!SINGLE.has(ch)) {
      const cp = this.#codePoint();
      const hex = cp.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      throw this.#refuse(`the character U+${hex} is not accepted outside strings (only ASCII operators and punctuation are)`, start);
    }
    const token = this.#push('punct', ch, start);
    this.#i++;
    if (ch in OPENERS) {
      this.#open.push(this.#tokens.length - 1);
      if (this.#open.length > this.#limits.maxDepth) throw this.#tooDeep(`brackets are nested more than ${this.#limits.maxDepth} deep`);
    } else if (ch === ')' || ch === ']' || ch === '}') {
      const openIndex = this.#open.pop();
      const opener = openIndex === undefined ? undefined : this.#tokens[openIndex];
      if (!opener || OPENERS[opener.text] !== ch) throw this.#syntax(`"${ch}" does not close anything`, start);
      opener.match = this.#tokens.length - 1;
      token.match = openIndex!;
    }
  }

  #where(at: number): string {
    const before = this.#q.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    return `line ${line}, column ${column}`;
  }

  #syntax(message: string, at: number): ConsoleError {
    return new ConsoleError('syntax', `Cannot read the query: ${message} (${this.#where(at)}).`);
  }

  #refuse(message: string, at: number): ConsoleError {
    return new ConsoleError('forbidden', `The console refused the query: ${message} (${this.#where(at)}).`);
  }

  #tooDeep(message: string): ConsoleError {
    return new ConsoleError('too_complex', `The query is too deeply nested for the console: ${message}.`);
  }
}
