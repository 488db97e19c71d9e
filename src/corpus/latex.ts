// LaTeX markup in bibliographic fields to plain Unicode text.
// Covers what BibTeX exports really contain (Zotero, Better BibTeX, Google Scholar,
// DBLP): the accent macros of the LaTeX2e font encodings (`\'e`, `{\"o}`, `\c{c}`),
// special letters (`\ss`, `\o`, `\l`), escaped specials (`\&`, `\%`), dashes and
// quotes (`--`, `\textendash`, ``` `` ''```), text-style commands (`\textit{x}`,
// `\emph{x}`), Greek letters in math (`$\alpha$`) and protective braces
// (`{B}ayesian`). Unknown commands keep their argument text and lose their name.
// Reference: "The LaTeX Companion" ch. 7 and the Better BibTeX unicode mapping
// tables (retorquere/zotero-better-bibtex), consulted for which macros occur.

const ACCENTS: Record<string, string> = {
  "'": '\u0301', '`': '\u0300', '^': '\u0302', '"': '\u0308', '~': '\u0303', '=': '\u0304',
  '.': '\u0307', u: '\u0306', v: '\u030c', H: '\u030b', c: '\u0327', k: '\u0328', r: '\u030a',
  d: '\u0323', b: '\u0331', t: '\u0361',
};

const SYMBOLS: Record<string, string> = {
  ss: 'ß', o: 'ø', O: 'Ø', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', aa: 'å', AA: 'Å', l: 'ł', L: 'Ł',
  i: 'ı', j: 'ȷ', dh: 'ð', DH: 'Ð', th: 'þ', TH: 'Þ', ng: 'ŋ', NG: 'Ŋ',
  textendash: '–', textemdash: '—', textquotesingle: "'", textquotedbl: '"', textquoteleft: '‘',
  textquoteright: '’', textquotedblleft: '“', textquotedblright: '”', textasciitilde: '~',
  textbackslash: '\\', textbar: '|', textless: '<', textgreater: '>', textbullet: '•',
  textdegree: '°', textregistered: '®', texttrademark: '™', copyright: '©', textcopyright: '©',
  ldots: '…', dots: '…', textellipsis: '…', S: '§', P: '¶', dag: '†', ddag: '‡', pounds: '£',
  euro: '€', textmu: 'µ', textperthousand: '‰', guillemotleft: '«', guillemotright: '»',
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ',
  eta: 'η', theta: 'θ', vartheta: 'ϑ', iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν',
  xi: 'ξ', pi: 'π', varpi: 'ϖ', rho: 'ρ', varrho: 'ϱ', sigma: 'σ', varsigma: 'ς', tau: 'τ',
  upsilon: 'υ', phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω', Gamma: 'Γ', Delta: 'Δ',
  Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Upsilon: 'Υ', Phi: 'Φ', Psi: 'Ψ',
  Omega: 'Ω', ell: 'ℓ', infty: '∞', pm: '±', mp: '∓', times: '×', cdot: '·', div: '÷',
  leq: '≤', le: '≤', geq: '≥', ge: '≥', neq: '≠', ne: '≠', approx: '≈', sim: '∼', simeq: '≃',
  propto: '∝', to: '→', rightarrow: '→', leftarrow: '←', Rightarrow: '⇒', leftrightarrow: '↔',
  in: '∈', notin: '∉', subset: '⊂', subseteq: '⊆', cup: '∪', cap: '∩', forall: '∀', exists: '∃',
  partial: '∂', nabla: '∇', sum: '∑', prod: '∏', int: '∫', sqrt: '√', log: 'log', exp: 'exp',
  ast: '∗', star: '⋆', circ: '∘', bullet: '•', prime: '′', langle: '⟨', rangle: '⟩',
  '&': '&', '%': '%', $: '$', '#': '#', _: '_', '{': '{', '}': '}', ' ': ' ', ',': ' ', ';': ' ',
  ':': ' ', '!': '', '/': '', '\\': ' ', '-': '',
};

/** Commands that take an argument and contribute nothing but that argument. */
const DROPPED_WITH_ARGUMENT = new Set(['label', 'ref', 'cite', 'citep', 'citet', 'url', 'href', 'footnote']);

interface Cursor {
  text: string;
  pos: number;
}

function readGroupOrChar(cur: Cursor): string {
  const { text } = cur;
  while (text[cur.pos] === ' ') cur.pos++;
  if (text[cur.pos] === '{') {
    let depth = 0;
    const start = cur.pos + 1;
    for (; cur.pos < text.length; cur.pos++) {
      if (text[cur.pos] === '\\') cur.pos++;
      else if (text[cur.pos] === '{') depth++;
      else if (text[cur.pos] === '}' && --depth === 0) break;
    }
    const inner = text.slice(start, cur.pos);
    cur.pos++;
    return inner;
  }
  if (text[cur.pos] === '\\') {
    const match = /^\\([a-zA-Z]+|.)/.exec(text.slice(cur.pos, cur.pos + 40));
    const name = match ? match[1] : '';
    cur.pos += 1 + name.length;
    return `\\${name}`;
  }
  return text[cur.pos++] ?? '';
}

function convert(text: string): string {
  const cur: Cursor = { text, pos: 0 };
  let out = '';
  while (cur.pos < text.length) {
    const ch = text[cur.pos];
    if (ch === '\\') {
      const match = /^\\([a-zA-Z]+|.)/.exec(text.slice(cur.pos, cur.pos + 40));
      if (!match) {
        cur.pos++;
        continue;
      }
      const name = match[1];
      cur.pos += 1 + name.length;
      // A control word swallows the spaces after it, as in TeX (`\ss e` is `ße`).
      if (/^[a-zA-Z]/.test(name) && !(name in ACCENTS && name.length === 1)) {
        while (text[cur.pos] === ' ') cur.pos++;
      }
      if (name in ACCENTS) {
        // A dotless ı under an accent (`\'\i`) is the accented i.
        const base = convert(readGroupOrChar(cur)).replace(/^ı/, 'i');
        out += (base.slice(0, 1) + ACCENTS[name] + base.slice(1)).normalize('NFC');
      } else if (name in SYMBOLS) {
        out += SYMBOLS[name];
        if (text[cur.pos] === '{' && text[cur.pos + 1] === '}') cur.pos += 2;
      } else if (DROPPED_WITH_ARGUMENT.has(name)) {
        if (text[cur.pos] === '{') readGroupOrChar(cur);
      }
      // Any other command (\textit, \emph, \mathrm, \mathbf, \textsc…) vanishes and
      // its `{argument}` is read as ordinary text by the loop.
      continue;
    }
    if (ch === '{' || ch === '}' || ch === '$') {
      cur.pos++;
      continue;
    }
    if (ch === '~') {
      out += ' ';
      cur.pos++;
      continue;
    }
    if (ch === '-' && text.startsWith('---', cur.pos)) {
      out += '—';
      cur.pos += 3;
      continue;
    }
    if (ch === '-' && text.startsWith('--', cur.pos)) {
      out += '–';
      cur.pos += 2;
      continue;
    }
    if (ch === '`' && text[cur.pos + 1] === '`') {
      out += '“';
      cur.pos += 2;
      continue;
    }
    if (ch === "'" && text[cur.pos + 1] === "'") {
      out += '”';
      cur.pos += 2;
      continue;
    }
    out += ch;
    cur.pos++;
  }
  return out;
}

/** Turn LaTeX-marked text into Unicode text; plain text passes through unchanged. */
export function latexToUnicode(text: string): string {
  if (!/[\\{}$~]|--|``|''/.test(text)) return text;
  return convert(text).normalize('NFC');
}
