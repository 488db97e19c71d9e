// The console guard's parser: a recursive-descent recogniser of the read-only subset
// of Cypher that LadybugDB and Neo4j share (plus each one's read-only extras:
// LadybugDB's recursive relationship filters, lambdas and CAST; Neo4j's map
// projections, path selectors and quantified paths). It builds no tree: it walks
// the tokens and refuses, naming what it refused, anything outside
//
//   MATCH, OPTIONAL MATCH, WHERE, WITH, UNWIND, RETURN, ORDER BY, SKIP/OFFSET, LIMIT,
//   UNION [ALL], CALL { … } and CALL (…) { … } over the same clauses, CALL of an
//   allow-listed procedure, EXISTS/COUNT/COLLECT { … }, CASE, list and pattern
//   comprehensions, and calls of allow-listed functions.
//
// Clause keywords are recognised only where a clause starts, so a name that happens
// to be a keyword (`AS load`, `n.set`, `{create: 1}`) is a name, and a keyword that
// does not start a read clause (LOAD, COPY, CREATE, UNINSTALL, USE, …) is refused
// wherever a clause could start. The grammar follows openCypher's, with the rule
// names of LadybugDB's and Neo4j's ANTLR grammars.
import { ConsoleError } from '../GraphStore.ts';
import { ALLOWED_FUNCTIONS, ALLOWED_PROCEDURES, type Dialect } from './allowLists.ts';
import type { Token } from './lexer.ts';

const READ_CLAUSES = 'MATCH, OPTIONAL MATCH, WHERE, WITH, UNWIND, RETURN, ORDER BY, SKIP, LIMIT, UNION, CALL { … }';
const CLAUSE_STARTS = new Set(['MATCH', 'OPTIONAL', 'WITH', 'UNWIND', 'CALL', 'RETURN']);
/** Words that end an expression: the start of the next clause or sub-clause. */
const COMPARISONS = new Set(['=', '<>', '<', '<=', '>', '>=', '=~']);

interface ExpressionContext {
  /** Inside `list[a:b]`, a colon separates the bounds instead of testing a label. */
  sliceColon?: boolean;
}

export function recognise(tokens: Token[], dialect: Dialect, query: string): void {
  new Recogniser(tokens, dialect, query).statement();
}

class Recogniser {
  #t: Token[];
  #p = 0;
  #dialect: Dialect;
  #query: string;

  constructor(tokens: Token[], dialect: Dialect, query: string) {
    this.#t = tokens;
    this.#dialect = dialect;
    this.#query = query;
  }

  // ── tokens ────────────────────────────────────────────────────────────────

  #peek(k = 0): Token {
    return this.#t[Math.min(this.#p + k, this.#t.length - 1)];
  }

  #next(): Token {
    const t = this.#peek();
    if (t.kind !== 'end') this.#p++;
    return t;
  }

  #isWord(t: Token, ...words: string[]): boolean {
    return t.kind === 'word' && words.includes(t.upper);
  }

  #isPunct(t: Token, ...texts: string[]): boolean {
    return t.kind === 'punct' && texts.includes(t.text);
  }

  #eatWord(...words: string[]): boolean {
    if (!this.#isWord(this.#peek(), ...words)) return false;
    this.#p++;
    return true;
  }

  #eatPunct(...texts: string[]): boolean {
    if (!this.#isPunct(this.#peek(), ...texts)) return false;
    this.#p++;
    return true;
  }

  #expectWord(word: string, what = word): void {
    if (!this.#eatWord(word)) this.#fail(`expected ${what}`);
  }

  #expectPunct(text: string, what = `"${text}"`): void {
    if (!this.#eatPunct(text)) this.#fail(`expected ${what}`);
  }

  /** A symbolic name: an unquoted word (keywords included: both engines allow most as names) or a back-ticked name. */
  #isName(t: Token): boolean {
    return t.kind === 'word' || t.kind === 'name';
  }

  #name(what = 'a name'): Token {
    const t = this.#peek();
    if (!this.#isName(t)) this.#fail(`expected ${what}`);
    return this.#next();
  }

  #integer(): boolean {
    if (this.#peek().kind !== 'number') return false;
    this.#p++;
    return true;
  }

  // ── messages ──────────────────────────────────────────────────────────────

  #where(t: Token): string {
    const before = this.#query.slice(0, t.at);
    return `line ${before.split('\n').length}, column ${t.at - before.lastIndexOf('\n')}`;
  }

  #shown(t: Token): string {
    if (t.kind === 'end') return 'the end of the query';
    if (t.kind === 'name') return `\`${t.text}\``;
    return `"${t.text.length > 40 ? `${t.text.slice(0, 40)}…` : t.text}"`;
  }

  #fail(expected: string, at = this.#peek()): never {
    throw new ConsoleError('syntax', `The console's read-only check cannot read the query: ${expected}, found ${this.#shown(at)} (${this.#where(at)}).`);
  }

  #forbid(message: string, at: Token): never {
    throw new ConsoleError('forbidden', `The console is read-only: ${message} (${this.#where(at)}).`);
  }

  // ── statements and clauses ────────────────────────────────────────────────

  statement(): void {
    const first = this.#peek();
    if (first.kind === 'end') throw new ConsoleError('syntax', 'The query is empty.');
    if (this.#isWord(first, 'EXPLAIN', 'PROFILE', 'CYPHER')) {
      this.#forbid(`${first.upper} is not allowed: the console runs plain read queries`, first);
    }
    this.#query_();
    if (this.#eatPunct(';') && this.#peek().kind !== 'end') {
      this.#forbid('the console runs one statement at a time: remove what follows the ";"', this.#peek());
    }
    this.#endOfQuery();
  }

  /** After a complete query: the end, or the reason what follows is not allowed. */
  #endOfQuery(): void {
    const t = this.#peek();
    if (t.kind === 'end') return;
    if (this.#isWord(t, ...CLAUSE_STARTS)) this.#fail('RETURN to be the last clause');
    this.#refuseClause(t);
  }

  #refuseClause(t: Token): never {
    if (t.kind === 'word') {
      this.#forbid(`${t.upper || t.text} is not allowed; the console runs read clauses only (${READ_CLAUSES}, and CALL of ${this.#procedureList()})`, t);
    }
    if (this.#isPunct(t, ';')) this.#forbid('the console runs one statement at a time: remove what follows the ";"', t);
    this.#fail('a read clause (MATCH, WITH, UNWIND, CALL or RETURN)', t);
  }

  #procedureList(): string {
    return [...ALLOWED_PROCEDURES[this.#dialect]].join(', ');
  }

  #query_(): void {
    this.#singleQuery();
    while (this.#eatWord('UNION')) {
      this.#eatWord('ALL', 'DISTINCT');
      this.#singleQuery();
    }
  }

  #singleQuery(): void {
    let clauses = 0;
    for (;;) {
      const t = this.#peek();
      if (this.#isWord(t, 'MATCH')) this.#match();
      else if (this.#isWord(t, 'OPTIONAL')) {
        this.#next();
        if (this.#isWord(this.#peek(), 'MATCH')) this.#match();
        else if (this.#isWord(this.#peek(), 'CALL')) this.#call();
        else this.#fail('MATCH or CALL after OPTIONAL');
      } else if (this.#isWord(t, 'WITH')) this.#with();
      else if (this.#isWord(t, 'UNWIND')) this.#unwind();
      else if (this.#isWord(t, 'CALL')) this.#call();
      else if (this.#isWord(t, 'RETURN')) {
        this.#return();
        return;
      } else if (clauses > 0 && (t.kind === 'end' || this.#isPunct(t, ';', '}') || this.#isWord(t, 'UNION'))) return;
      else this.#refuseClause(t);
      clauses++;
    }
  }

  #match(): void {
    this.#next();
    this.#pattern();
    if (this.#isWord(this.#peek(), 'HINT', 'USING')) this.#forbid(`${this.#peek().upper} hints are not supported in the console`, this.#peek());
    if (this.#eatWord('WHERE')) this.#expression();
  }

  #unwind(): void {
    this.#next();
    this.#expression();
    this.#expectWord('AS', 'AS after the UNWIND list');
    this.#name('the name UNWIND gives each element');
  }

  #with(): void {
    this.#next();
    this.#projection();
    if (this.#eatWord('WHERE')) this.#expression();
  }

  #return(): void {
    this.#next();
    this.#projection();
  }

  #projection(): void {
    this.#eatWord('DISTINCT');
    if (this.#eatPunct('*')) {
      while (this.#eatPunct(',')) this.#projectionItem();
    } else {
      this.#projectionItem();
      while (this.#eatPunct(',')) this.#projectionItem();
    }
    if (this.#eatWord('ORDER')) {
      this.#expectWord('BY', 'BY after ORDER');
      do {
        this.#expression();
        this.#eatWord('ASC', 'ASCENDING', 'DESC', 'DESCENDING');
      } while (this.#eatPunct(','));
    }
    if (this.#eatWord('SKIP', 'OFFSET')) this.#expression();
    if (this.#eatWord('LIMIT')) this.#expression();
  }

  #projectionItem(): void {
    this.#expression();
    if (this.#eatWord('AS')) this.#name('a name after AS');
  }

  #call(): void {
    this.#next();
    const t = this.#peek();
    if (this.#isPunct(t, '{')) {
      this.#subqueryBody();
      this.#noTransactions();
      return;
    }
    if (this.#isPunct(t, '(')) {
      // CALL (a, b) { … } / CALL (*) { … }: a scoped subquery (Neo4j 5.23+).
      this.#next();
      if (!this.#eatPunct('*') && !this.#isPunct(this.#peek(), ')')) {
        do this.#name('a variable to import'); while (this.#eatPunct(','));
      }
      this.#expectPunct(')');
      if (!this.#isPunct(this.#peek(), '{')) this.#fail('"{" to open the CALL subquery');
      this.#subqueryBody();
      this.#noTransactions();
      return;
    }
    this.#procedureCall();
  }

  #subqueryBody(): void {
    this.#expectPunct('{');
    this.#query_();
    this.#closeSubquery();
  }

  /** The "}" after a subquery's clauses; a word there is a clause the console does not run. */
  #closeSubquery(): void {
    if (this.#eatPunct('}')) return;
    const t = this.#peek();
    if (t.kind === 'word' && !this.#isWord(t, ...CLAUSE_STARTS)) this.#refuseClause(t);
    this.#fail('"}" to close the subquery');
  }

  #noTransactions(): void {
    const t = this.#peek();
    if (this.#isWord(t, 'IN')) this.#forbid('CALL { … } IN TRANSACTIONS is not allowed: it exists to batch writes', t);
  }

  #procedureCall(): void {
    const first = this.#peek();
    const parts = [this.#name('a procedure name after CALL').text];
    while (this.#isPunct(this.#peek(), '.') && this.#isName(this.#peek(1))) {
      this.#next();
      parts.push(this.#next().text);
    }
    const name = parts.join('.');
    if (!ALLOWED_PROCEDURES[this.#dialect].has(name.toLowerCase())) {
      this.#forbid(`CALL ${name} is not allowed; the console may CALL only ${this.#procedureList()}`, first);
    }
    if (this.#eatPunct('(')) {
      if (!this.#eatPunct(')')) {
        do this.#expression(); while (this.#eatPunct(','));
        this.#expectPunct(')', `")" to close the arguments of ${name}`);
      }
    } else if (this.#dialect === 'lbug') {
      this.#fail(`"(" after CALL ${name}`);
    }
    if (this.#eatWord('YIELD')) {
      if (!this.#eatPunct('*')) {
        do {
          this.#name('a column to YIELD');
          if (this.#eatWord('AS')) this.#name('a name after AS');
        } while (this.#eatPunct(','));
      }
    }
    if (this.#eatWord('WHERE')) this.#expression();
  }

  // ── patterns ──────────────────────────────────────────────────────────────

  #pattern(): void {
    do this.#patternPart(); while (this.#eatPunct(','));
  }

  #patternPart(): void {
    if (this.#isName(this.#peek()) && this.#isPunct(this.#peek(1), '=')) this.#p += 2;
    // Neo4j path selectors: ANY, ALL SHORTEST, SHORTEST 2 GROUPS, ANY 3 PATHS…
    while (this.#isWord(this.#peek(), 'ANY', 'ALL', 'SHORTEST', 'PATH', 'PATHS', 'GROUP', 'GROUPS') && !this.#isPunct(this.#peek(1), '=')) {
      this.#next();
      this.#integer();
    }
    const t = this.#peek();
    if (this.#isWord(t, 'SHORTESTPATH', 'ALLSHORTESTPATHS') && this.#isPunct(this.#peek(1), '(')) {
      this.#p += 2;
      this.#patternElement();
      this.#expectPunct(')');
      return;
    }
    this.#patternElement();
  }

  /** Nodes joined by relationships; Neo4j's quantified groups `((a)-->(b)){1,3}` may stand side by side. */
  #patternElement(): void {
    this.#patternPrimary();
    for (;;) {
      if (this.#atRelationship()) {
        this.#relationship();
        this.#patternPrimary();
      } else if (this.#isPunct(this.#peek(), '(')) {
        this.#patternPrimary();
      } else return;
    }
  }

  #patternPrimary(): void {
    if (!this.#isPunct(this.#peek(), '(')) this.#fail('"(" to start a node pattern');
    if (this.#isPunct(this.#peek(1), '(')) {
      // A parenthesised path: ((a)-[:R]->(b) WHERE …){1,3}
      this.#next();
      if (this.#isName(this.#peek()) && this.#isPunct(this.#peek(1), '=')) this.#p += 2;
      this.#patternElement();
      if (this.#eatWord('WHERE')) this.#expression();
      this.#expectPunct(')');
      this.#quantifier();
      return;
    }
    this.#nodePattern();
  }

  #nodePattern(): void {
    this.#expectPunct('(');
    if (this.#isName(this.#peek()) && !this.#isWord(this.#peek(), 'WHERE')) this.#next();
    if (this.#eatPunct(':') || this.#eatWord('IS')) this.#labelExpression();
    if (this.#isPunct(this.#peek(), '{')) this.#mapLiteral();
    else if (this.#peek().kind === 'param') this.#next();
    if (this.#eatWord('WHERE')) this.#expression();
    this.#expectPunct(')', '")" to close the node pattern');
  }

  #atRelationship(): boolean {
    const [a, b] = [this.#peek(), this.#peek(1)];
    if (this.#isPunct(a, '<')) return this.#isPunct(b, '-');
    return this.#isPunct(a, '-') && this.#isPunct(b, '-', '[');
  }

  #relationship(): void {
    this.#eatPunct('<');
    this.#expectPunct('-');
    if (this.#eatPunct('[')) {
      this.#relationshipDetail();
      this.#expectPunct(']', '"]" to close the relationship pattern');
    }
    this.#expectPunct('-');
    this.#eatPunct('>');
    this.#quantifier();
  }

  #relationshipDetail(): void {
    if (this.#isName(this.#peek()) && !this.#isWord(this.#peek(), 'WHERE')) this.#next();
    if (this.#eatPunct(':') || this.#eatWord('IS')) this.#labelExpression();
    if (this.#eatPunct('*')) this.#variableLength();
    if (this.#isPunct(this.#peek(), '{')) this.#mapLiteral();
    else if (this.#peek().kind === 'param') this.#next();
    if (this.#eatWord('WHERE')) this.#expression();
  }

  /** `*`, `*2`, `*1..3`, and LadybugDB's `* SHORTEST 1..6 (r, n | WHERE …)`. */
  #variableLength(): void {
    if (this.#eatWord('ALL')) {
      if (!this.#eatWord('SHORTEST')) {
        this.#expectWord('WSHORTEST', 'SHORTEST or WSHORTEST after ALL');
        this.#weightProperty();
      }
    } else if (this.#eatWord('WSHORTEST')) this.#weightProperty();
    else this.#eatWord('SHORTEST', 'TRAIL', 'ACYCLIC');
    this.#integer();
    if (this.#eatPunct('..')) this.#integer();
    if (this.#isPunct(this.#peek(), '(')) this.#recursiveFilter();
  }

  #weightProperty(): void {
    this.#expectPunct('(');
    this.#name('the weight property');
    this.#expectPunct(')');
  }

  /** LadybugDB: `(r, n | WHERE r.x > 1 | {r.x}, {n.y})`. */
  #recursiveFilter(): void {
    this.#expectPunct('(');
    this.#name('the relationship variable of the filter');
    this.#expectPunct(',');
    this.#name('the node variable of the filter');
    if (this.#eatPunct('|') && this.#eatWord('WHERE')) {
      this.#expression();
      if (!this.#eatPunct('|')) {
        this.#expectPunct(')', '")" to close the recursive filter');
        return;
      }
    }
    if (this.#isPunct(this.#peek(), '{')) {
      this.#projectionList();
      this.#expectPunct(',');
      this.#projectionList();
    }
    this.#expectPunct(')', '")" to close the recursive filter');
  }

  #projectionList(): void {
    this.#expectPunct('{');
    if (!this.#eatPunct('}')) {
      do this.#projectionItem(); while (this.#eatPunct(','));
      this.#expectPunct('}');
    }
  }

  /** Neo4j quantifiers: `+`, `*`, `{2}`, `{1,3}`, `{,3}`. */
  #quantifier(): void {
    if (this.#eatPunct('+')) return;
    if (this.#isPunct(this.#peek(), '*') && this.#isPunct(this.#peek(1), '(')) {
      this.#next();
      return;
    }
    const [open, a, b] = [this.#peek(), this.#peek(1), this.#peek(2)];
    if (this.#isPunct(open, '{') && (a.kind === 'number' || this.#isPunct(a, ',')) && (this.#isPunct(b, ',', '}') || a.kind !== 'number')) {
      this.#next();
      this.#integer();
      if (this.#eatPunct(',')) this.#integer();
      this.#expectPunct('}', '"}" to close the quantifier');
    }
  }

  /** `:A`, `:A:B`, `:A|B`, `:A|:B`, `:!A`, `:(A&B)`, `:%`, LadybugDB's `:db.Table`. */
  #labelExpression(): void {
    this.#labelFactor();
    for (;;) {
      if (this.#isPunct(this.#peek(), '|', '&')) {
        this.#next();
        this.#eatPunct(':');
        this.#labelFactor();
      } else if (this.#isPunct(this.#peek(), ':') && (this.#isName(this.#peek(1)) || this.#isPunct(this.#peek(1), '!', '(', '%'))) {
        this.#next();
        this.#labelFactor();
      } else return;
    }
  }

  #labelFactor(): void {
    while (this.#eatPunct('!'));
    if (this.#eatPunct('%')) return;
    if (this.#eatPunct('(')) {
      this.#labelExpression();
      this.#expectPunct(')');
      return;
    }
    this.#name('a label or relationship type');
    if (this.#isPunct(this.#peek(), '.') && this.#isName(this.#peek(1))) this.#p += 2;
  }

  // ── expressions ───────────────────────────────────────────────────────────

  #expression(ctx: ExpressionContext = {}): void {
    this.#binary(['OR'], () => this.#binary(['XOR'], () => this.#binary(['AND'], () => this.#not(ctx))));
  }

  #binary(words: string[], operand: () => void): void {
    operand();
    while (this.#eatWord(...words)) operand();
  }

  #not(ctx: ExpressionContext): void {
    while (this.#eatWord('NOT'));
    this.#comparison(ctx);
  }

  #comparison(ctx: ExpressionContext): void {
    this.#additive(ctx);
    for (;;) {
      const t = this.#peek();
      if (t.kind === 'punct' && COMPARISONS.has(t.text)) {
        this.#next();
        this.#additive(ctx);
      } else if (this.#isPunct(t, '!=')) {
        this.#fail('<> (Cypher writes "not equal" as <>)');
      } else if (this.#isWord(t, 'IS')) {
        this.#next();
        this.#eatWord('NOT');
        this.#expectWord('NULL', 'NULL after IS');
      } else if (this.#isWord(t, 'STARTS', 'ENDS')) {
        this.#next();
        this.#expectWord('WITH', `WITH after ${t.upper}`);
        this.#additive(ctx);
      } else if (this.#isWord(t, 'CONTAINS', 'IN')) {
        this.#next();
        this.#additive(ctx);
      } else return;
    }
  }

  #additive(ctx: ExpressionContext): void {
    this.#multiplicative(ctx);
    while (this.#eatPunct('+', '-', '||')) this.#multiplicative(ctx);
  }

  #multiplicative(ctx: ExpressionContext): void {
    this.#power(ctx);
    while (this.#eatPunct('*', '/', '%')) this.#power(ctx);
  }

  #power(ctx: ExpressionContext): void {
    this.#unary(ctx);
    while (this.#eatPunct('^')) this.#unary(ctx);
  }

  #unary(ctx: ExpressionContext): void {
    while (this.#eatPunct('-', '+'));
    this.#postfix(ctx);
  }

  #postfix(ctx: ExpressionContext): void {
    const variable = this.#atom();
    for (;;) {
      const t = this.#peek();
      if (this.#isPunct(t, '.')) {
        this.#next();
        if (!this.#eatPunct('*')) this.#name('a property name after "."');
      } else if (this.#isPunct(t, '[')) {
        this.#next();
        if (!this.#isPunct(this.#peek(), '..', ':')) this.#expression({ sliceColon: true });
        if (this.#eatPunct('..', ':') && !this.#isPunct(this.#peek(), ']')) this.#expression({ sliceColon: true });
        this.#expectPunct(']');
      } else if (variable && this.#isPunct(t, '{')) {
        this.#mapProjection();
      } else if (this.#isPunct(t, ':') && !ctx.sliceColon) {
        this.#next();
        this.#labelExpression();
      } else if (this.#isPunct(t, '!') && !this.#isPunct(this.#peek(1), '=')) {
        this.#next(); // LadybugDB's factorial
      } else return;
    }
  }

  /** One operand. Returns true when it was a plain variable (which a map projection may follow). */
  #atom(): boolean {
    const t = this.#peek();
    switch (t.kind) {
      case 'number':
      case 'string':
      case 'param':
        this.#next();
        return false;
      case 'punct':
        if (t.text === '(') {
          if (this.#patternAhead(this.#p)) this.#patternElement();
          else {
            this.#next();
            this.#expression();
            this.#expectPunct(')');
          }
          return false;
        }
        if (t.text === '[') {
          this.#listOrComprehension();
          return false;
        }
        if (t.text === '{') {
          this.#mapLiteral();
          return false;
        }
        return this.#fail('an expression');
      case 'name':
      case 'word':
        return this.#nameAtom(t);
      default:
        return this.#fail('an expression');
    }
  }

  #nameAtom(t: Token): boolean {
    const after = this.#peek(1);
    if (t.kind === 'word') {
      if (this.#isWord(t, 'TRUE', 'FALSE', 'NULL')) {
        this.#next();
        return false;
      }
      if (this.#isWord(t, 'CASE')) {
        this.#case();
        return false;
      }
      if (this.#isWord(t, 'EXISTS', 'COUNT', 'COLLECT') && this.#isPunct(after, '{')) {
        this.#next();
        this.#subqueryExpression();
        return false;
      }
      if (this.#isPunct(after, '(') && this.#specialForm(t)) return false;
    }
    const parts = this.#dottedCall();
    if (parts) {
      this.#functionCall(t, parts);
      return false;
    }
    this.#next();
    return true;
  }

  /** `name(`, `ns.name(`: the parts of a function name, or null when no call follows. */
  #dottedCall(): string[] | null {
    const parts = [this.#peek().text];
    let k = 1;
    while (this.#isPunct(this.#peek(k), '.') && this.#isName(this.#peek(k + 1))) {
      parts.push(this.#peek(k + 1).text);
      k += 2;
    }
    if (!this.#isPunct(this.#peek(k), '(')) return null;
    return parts;
  }

  #functionCall(first: Token, parts: string[]): void {
    const name = parts.join('.');
    if (!ALLOWED_FUNCTIONS[this.#dialect].has(name.toLowerCase())) {
      this.#forbid(`the function ${name} is not allowed in the console (it is not on its list of ${this.#dialect === 'lbug' ? 'LadybugDB' : 'Neo4j'} functions that only read)`, first);
    }
    this.#p += parts.length * 2 - 1;
    this.#expectPunct('(');
    if (this.#eatPunct(')')) return;
    if (this.#eatPunct('*')) {
      this.#expectPunct(')', `")" after ${name}(*`);
      return;
    }
    this.#eatWord('DISTINCT');
    do this.#argument(); while (this.#eatPunct(','));
    this.#expectPunct(')', `")" to close the arguments of ${name}`);
  }

  /** An argument: an expression, LadybugDB's `name := expr`, or a lambda `x -> …` / `(x, y) -> …`. */
  #argument(): void {
    const [a, b, c] = [this.#peek(), this.#peek(1), this.#peek(2)];
    if (this.#isName(a) && this.#isPunct(b, ':=')) {
      this.#p += 2;
      this.#expression();
      return;
    }
    if (this.#isName(a) && this.#isPunct(b, '-') && this.#isPunct(c, '>')) {
      this.#p += 3;
      this.#expression();
      return;
    }
    if (this.#isPunct(a, '(') && a.match > 0 && this.#isPunct(this.#t[a.match + 1], '-') && this.#isPunct(this.#t[a.match + 2], '>')) {
      this.#next();
      do this.#name('a lambda parameter'); while (this.#eatPunct(','));
      this.#expectPunct(')');
      this.#p += 2;
      this.#expression();
      return;
    }
    this.#expression();
  }

  /** Grammar forms that look like calls: quantifiers, reduce, shortestPath, CAST. True when one was read. */
  #specialForm(t: Token): boolean {
    const [var_, keyword] = [this.#peek(2), this.#peek(3)];
    if (this.#isWord(t, 'ALL', 'ANY', 'NONE', 'SINGLE') && this.#isName(var_) && this.#isWord(keyword, 'IN')) {
      this.#p += 4;
      this.#expression();
      if (this.#eatWord('WHERE')) this.#expression();
      this.#expectPunct(')');
      return true;
    }
    if (this.#isWord(t, 'REDUCE') && this.#isName(var_) && this.#isPunct(keyword, '=')) {
      this.#p += 4;
      this.#expression();
      this.#expectPunct(',');
      this.#name('the list variable of reduce');
      this.#expectWord('IN');
      this.#expression();
      this.#expectPunct('|');
      this.#expression();
      this.#expectPunct(')');
      return true;
    }
    if (this.#isWord(t, 'SHORTESTPATH', 'ALLSHORTESTPATHS')) {
      this.#p += 2;
      this.#patternElement();
      this.#expectPunct(')');
      return true;
    }
    if (this.#isWord(t, 'CAST')) {
      this.#p += 2;
      this.#expression();
      if (this.#eatWord('AS')) this.#typeName();
      else {
        this.#expectPunct(',', 'AS or "," in CAST');
        this.#expression();
      }
      this.#expectPunct(')', '")" to close CAST');
      return true;
    }
    return false;
  }

  /** LadybugDB type names: INT64, STRING[], DECIMAL(10, 2), STRUCT(a INT64), MAP(STRING, INT64). */
  #typeName(): void {
    this.#name('a type name');
    if (this.#eatPunct('(')) {
      let depth = 1;
      while (depth > 0) {
        const t = this.#next();
        if (t.kind === 'end') this.#fail('")" to close the type');
        if (!(this.#isName(t) || t.kind === 'number' || this.#isPunct(t, ',', '(', ')', '[', ']'))) this.#fail('a type', t);
        if (this.#isPunct(t, '(')) depth++;
        if (this.#isPunct(t, ')')) depth--;
      }
    }
    while (this.#eatPunct('[')) {
      this.#integer();
      this.#expectPunct(']');
    }
  }

  #case(): void {
    this.#next();
    if (!this.#isWord(this.#peek(), 'WHEN')) this.#expression();
    if (!this.#isWord(this.#peek(), 'WHEN')) this.#fail('WHEN in CASE');
    while (this.#eatWord('WHEN')) {
      this.#expression();
      this.#expectWord('THEN', 'THEN after WHEN');
      this.#expression();
    }
    if (this.#eatWord('ELSE')) this.#expression();
    this.#expectWord('END', 'END to close CASE');
  }

  /** EXISTS { … }, COUNT { … }, COLLECT { … }: a read-only query, or a pattern with an optional WHERE. */
  #subqueryExpression(): void {
    this.#expectPunct('{');
    const [first, second] = [this.#peek(), this.#peek(1)];
    const pattern =
      this.#isPunct(first, '(') ||
      (this.#isName(first) && this.#isPunct(second, '=')) ||
      this.#isWord(first, 'ANY', 'ALL', 'SHORTEST', 'SHORTESTPATH', 'ALLSHORTESTPATHS');
    if (pattern) {
      this.#pattern();
      if (this.#eatWord('WHERE')) this.#expression();
    } else this.#query_();
    this.#closeSubquery();
  }

  #listOrComprehension(): void {
    this.#expectPunct('[');
    const [a, b] = [this.#peek(), this.#peek(1)];
    if (this.#isName(a) && this.#isWord(b, 'IN')) {
      // [x IN list WHERE … | …]
      this.#p += 2;
      this.#expression();
      if (this.#eatWord('WHERE')) this.#expression();
      if (this.#eatPunct('|')) this.#expression();
    } else if (this.#patternAhead(this.#p) || (this.#isName(a) && this.#isPunct(b, '=') && this.#patternAhead(this.#p + 2))) {
      // [(a)-->(b) WHERE … | …]
      if (this.#isName(a)) this.#p += 2;
      this.#patternElement();
      if (this.#eatWord('WHERE')) this.#expression();
      this.#expectPunct('|', '"|" in the pattern comprehension');
      this.#expression();
    } else if (!this.#isPunct(this.#peek(), ']')) {
      do this.#expression(); while (this.#eatPunct(','));
    }
    this.#expectPunct(']');
  }

  /** True when the "(" at `index` starts a pattern: its ")" is followed by a relationship. */
  #patternAhead(index: number): boolean {
    const open = this.#t[index];
    if (!open || !this.#isPunct(open, '(') || open.match < 0) return false;
    const [a, b] = [this.#t[open.match + 1], this.#t[open.match + 2]];
    if (!a || !b) return false;
    if (this.#isPunct(a, '<')) return this.#isPunct(b, '-');
    return this.#isPunct(a, '-') && this.#isPunct(b, '-', '[');
  }

  /** `{key: expr, …}`; LadybugDB struct keys may be strings. */
  #mapLiteral(): void {
    this.#expectPunct('{');
    if (this.#eatPunct('}')) return;
    do {
      if (this.#peek().kind === 'string') this.#next();
      else this.#name('a map key');
      this.#expectPunct(':', '":" after the map key');
      this.#expression();
    } while (this.#eatPunct(','));
    this.#expectPunct('}', '"}" to close the map');
  }

  /** Neo4j: `n {.name, .*, key: expr, other}`. */
  #mapProjection(): void {
    this.#expectPunct('{');
    if (this.#eatPunct('}')) return;
    do {
      if (this.#eatPunct('.')) {
        if (!this.#eatPunct('*')) this.#name('a property after "."');
      } else {
        this.#name('a map projection item');
        if (this.#eatPunct(':')) this.#expression();
      }
    } while (this.#eatPunct(','));
    this.#expectPunct('}', '"}" to close the map projection');
  }
}
