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

/** Commands dropped together with their argument (citations, cross-references, notes). */
const DROPPED_WITH_ARGUMENT = new Set(['label', 'ref', 'eqref', 'cite', 'citep', 'citet', 'citealp', 'citeauthor', 'citeyear', 'url', 'href', 'footnote']);

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

// LaTeX left in abstracts (arXiv, OpenReview and proceedings exports): inline maths,
// text-style commands, citations. Unlike a BibTeX field, an abstract is prose that
// merely contains some LaTeX, so only what is unmistakably LaTeX is touched: `$…$`
// by pandoc's `tex_math_dollars` rule (the opening `$` has a non-space to its right,
// the closing one a non-space to its left and no digit after it, so "$400 … $10" is
// money), `\(…\)`, `\[…\]`, `\begin{…}…\end{…}`, control words, and `{\em …}` groups.
// A "~", "--" or brace elsewhere in the prose stays as written.

/** Commands that style their argument: the argument is the text. */
const STYLE_COMMANDS = [
  'textit', 'textbf', 'textsl', 'textrm', 'texttt', 'textsc', 'textsf', 'textup', 'textnormal', 'textmd',
  'text', 'emph', 'underline', 'enquote', 'mbox', 'hbox', 'mathcal', 'mathbb', 'mathbf', 'mathrm',
  'mathit', 'mathsf', 'mathtt', 'mathfrak', 'mathscr', 'boldsymbol', 'bm', 'operatorname', 'texit',
];
const STYLE = new Set(STYLE_COMMANDS);
/** A style command whose braces were lost in export (`\emphanalogical`, `\mathcalO`): longest name first. */
const GLUED_STYLE = new RegExp(`^(${[...STYLE_COMMANDS].sort((a, b) => b.length - a.length).join('|')})([A-Za-z]+)$`);
const BARE_STYLE = /^(textit|textbf|emph|texttt|textsc)\{/;
/** Declarations that change the font or size of what follows: nothing to print. */
const SWITCHES = new Set('em it bf sc sl rm tt sf small large Large normalsize footnotesize scriptsize tiny noindent par newline centering displaystyle textstyle limits nolimits left right big Big bigg Bigg bigl bigr Bigl Bigr middle quad qquad'.split(' '));
/** Operators printed as words in maths; a space keeps them apart from their argument. */
const OPERATORS = new Set('log ln lg exp min max sup inf lim liminf limsup det dim ker arg argmin argmax Pr sin cos tan tanh sinh cosh deg gcd mod poly polylog'.split(' '));

interface Prose {
  text: string;
  pos: number;
  out: string;
}

/** The end of pandoc-style inline maths opened by the `$` at `open`, or -1. */
function closingDollar(text: string, open: number): number {
  if (open + 1 >= text.length || /\s/.test(text[open + 1])) return -1;
  for (let i = open + 1; i < text.length && i < open + 400; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] !== '$') continue;
    if (/\s/.test(text[i - 1]) || /\d/.test(text[i + 1] ?? '')) return -1;
    return i;
  }
  return -1;
}

/** A group `{…}` at `pos` (after spaces), or null: [content, position after it]. */
function groupAt(text: string, pos: number): [string, number] | null {
  let at = pos;
  while (text[at] === ' ') at++;
  if (text[at] !== '{') return null;
  const cur: Cursor = { text, pos: at };
  const inner = readGroupOrChar(cur);
  return [inner, cur.pos];
}

/** Maths to plain text: symbols as Unicode, sub-scripts inline, fractions as a/b, styles and sizes gone. */
export function mathToText(math: string): string {
  let text = math;
  // \frac{a}{b} → (a)/(b), bare when a side is a single symbol.
  for (let at = text.indexOf('\\frac'); at >= 0; at = text.indexOf('\\frac', at + 1)) {
    const numerator = groupAt(text, at + 5);
    const denominator = numerator && groupAt(text, numerator[1]);
    if (!numerator || !denominator) continue;
    const side = (s: string) => {
      const plain = mathToText(s);
      return /^[^\s+\-−*/]+$/.test(plain) ? plain : `(${plain})`;
    };
    text = text.slice(0, at) + `${side(numerator[0])}/${side(denominator[0])}` + text.slice(denominator[1]);
  }
  text = text.replace(/\\([a-zA-Z]+)/g, (whole, name: string) => (OPERATORS.has(name) ? `${name} ` : SWITCHES.has(name) ? ' ' : whole));
  // Sub-scripts join their base ("\ell_1" → "ℓ1", "x_{ij}" → "xij").
  text = text.replace(/_\{([^{}]*)\}/g, '$1').replace(/_(\\?[A-Za-z0-9]+)/g, '$1');
  return convert(text).replace(/\s+/g, ' ').trim();
}

function proseCommand(prose: Prose, name: string): void {
  const { text } = prose;
  if (DROPPED_WITH_ARGUMENT.has(name)) {
    // \citet[\S 9.2]{key}: optional arguments, then the key.
    while (text[prose.pos] === '[') {
      const close = text.indexOf(']', prose.pos);
      prose.pos = close < 0 ? text.length : close + 1;
    }
    const group = groupAt(text, prose.pos);
    if (group) prose.pos = group[1];
    prose.out = prose.out.replace(/[~ ]+$/, '');
    return;
  }
  if (STYLE.has(name)) {
    const group = groupAt(text, prose.pos);
    if (group) {
      prose.out += latexInProse(group[0]);
      prose.pos = group[1];
    }
    return;
  }
  if (SWITCHES.has(name)) {
    while (text[prose.pos] === ' ') prose.pos++;
    return;
  }
  if (name in ACCENTS && name.length === 1) {
    const base = convert(readGroupOrChar(prose)).replace(/^ı/, 'i');
    prose.out += (base.slice(0, 1) + ACCENTS[name] + base.slice(1)).normalize('NFC');
    return;
  }
  if (name in SYMBOLS) {
    prose.out += SYMBOLS[name];
    if (text.startsWith('{}', prose.pos)) prose.pos += 2;
    return;
  }
  const glued = GLUED_STYLE.exec(name);
  // An unknown macro (\rsvrg, \copa) is a name its author defined: its letters are the nearest text.
  prose.out += glued ? glued[2] : name;
}

/** Turn the LaTeX in an abstract or title into text; prose without LaTeX passes through unchanged. */
export function latexInProse(text: string): string {
  if (!text.includes('\\') && !text.includes('$') && !/(textit|textbf|emph|texttt|textsc)\{/.test(text)) return text;
  const prose: Prose = { text, pos: 0, out: '' };
  // Braces opened right before a command (`{\em adversarial}`) are LaTeX's; others are the author's.
  const groups: boolean[] = [];
  while (prose.pos < text.length) {
    const ch = text[prose.pos];
    if (ch === '$') {
      const display = text[prose.pos + 1] === '$';
      const close = display ? text.indexOf('$$', prose.pos + 2) : closingDollar(text, prose.pos);
      if (close > 0) {
        prose.out += mathToText(text.slice(prose.pos + (display ? 2 : 1), close));
        prose.pos = close + (display ? 2 : 1);
        continue;
      }
    } else if (ch === '\\') {
      const next = text[prose.pos + 1] ?? '';
      const closer = next === '(' ? '\\)' : next === '[' ? '\\]' : null;
      const close = closer ? text.indexOf(closer, prose.pos + 2) : -1;
      if (closer && close > 0) {
        prose.out += mathToText(text.slice(prose.pos + 2, close));
        prose.pos = close + 2;
        continue;
      }
      const environment = /^\\begin\{([a-zA-Z*]+)\}/.exec(text.slice(prose.pos, prose.pos + 40));
      if (environment) {
        const end = text.indexOf(`\\end{${environment[1]}}`, prose.pos);
        const stop = end < 0 ? text.length : end;
        prose.out += ' ' + mathToText(text.slice(prose.pos + environment[0].length, stop)) + ' ';
        prose.pos = end < 0 ? text.length : end + `\\end{${environment[1]}}`.length;
        continue;
      }
      const word = /^[a-zA-Z]+/.exec(text.slice(prose.pos + 1, prose.pos + 41));
      if (word) {
        prose.pos += 1 + word[0].length;
        proseCommand(prose, word[0]);
        continue;
      }
      if (next in ACCENTS) {
        prose.pos += 2;
        proseCommand(prose, next);
        continue;
      }
      // \% \& \_ \# \$ \{ \} print their character; \\ and spacing commands a space.
      prose.out += /[%&_#${}]/.test(next) ? next : next === '\\' || next === ',' || next === ';' || next === ' ' ? ' ' : '';
      prose.pos += 2;
      continue;
    } else if (ch === '{') {
      const latex = text[prose.pos + 1] === '\\';
      groups.push(latex);
      prose.pos++;
      if (!latex) prose.out += ch;
      continue;
    } else if (ch === '}') {
      const latex = groups.pop() ?? false;
      prose.pos++;
      if (!latex) prose.out += ch;
      continue;
    } else if (/[a-z]/.test(ch) && !/\p{L}/u.test(text[prose.pos - 1] ?? '')) {
      // A style command that lost its backslash in export ("an textit{actor} network").
      const bare = BARE_STYLE.exec(text.slice(prose.pos, prose.pos + 16));
      if (bare) {
        prose.pos += bare[1].length;
        proseCommand(prose, bare[1]);
        continue;
      }
    } else if (ch === '~' && (text[prose.pos + 1] === '\\' || text[prose.pos + 1] === '$')) {
      prose.out += ' ';
      prose.pos++;
      continue;
    }
    prose.out += ch;
    prose.pos++;
  }
  return prose.out;
}
