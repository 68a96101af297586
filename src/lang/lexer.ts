/**
 * The lexer: C tokens, plus the comments and preprocessor lines that carry meaning in a scenario
 * (header lines `// @key`, narration `//!`, cue marks `//@cue`, `#define`, `#include`).
 */
import type { Diagnostics } from './diagnostic';
import type { Directive, HeaderLine, NoteComment, Token, TokenKind } from './token';

export interface LexResult {
  readonly tokens: Token[];
  readonly notes: NoteComment[];
  readonly headers: HeaderLine[];
  readonly directives: Directive[];
}

// prettier-ignore
const PUNCTUATORS = [
  '<<=', '>>=', '...', '->', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '+=',
  '-=', '*=', '/=', '%=', '&=', '^=', '|=', '{', '}', '(', ')', '[', ']', ';', ',', '.', '?', ':',
  '+', '-', '*', '/', '%', '&', '|', '^', '~', '!', '<', '>', '=',
];

const SUPPORTED_DIRECTIVES = new Set(['define', 'include', 'pragma']);

function isIdentStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
}

function isIdentPart(c: string): boolean {
  return isIdentStart(c) || (c >= '0' && c <= '9');
}

class Lexer {
  private i = 0;
  private line = 1;
  private col = 1;
  /** A code token was seen on the current line. */
  private codeOnLine = false;
  private sawCode = false;
  readonly out: LexResult = { tokens: [], notes: [], headers: [], directives: [] };

  constructor(
    private readonly src: string,
    private readonly diags: Diagnostics,
  ) {}

  private peek(k = 0): string {
    return this.src[this.i + k] ?? '';
  }

  private advance(): string {
    const c = this.src[this.i++] ?? '';
    if (c === '\n') {
      this.line++;
      this.col = 1;
      this.codeOnLine = false;
    } else {
      this.col++;
    }
    return c;
  }

  run(): LexResult {
    while (this.i < this.src.length) {
      const c = this.peek();
      if (c === '#' && !this.codeOnLine) {
        this.directive();
        continue;
      }
      const tok = this.next(false);
      if (tok !== null) this.out.tokens.push(tok);
    }
    this.out.tokens.push(this.make('eof', '', this.line, this.col));
    return this.out;
  }

  private make(
    kind: TokenKind,
    text: string,
    line: number,
    col: number,
    value = 0n,
    u = false,
  ): Token {
    return { kind, text, value, unsigned: u, line, col };
  }

  /** The next token, or null after whitespace/comments. Stops at a newline when `inLine`. */
  private next(inLine: boolean): Token | null {
    const c = this.peek();
    if (c === '\n' && inLine) return null;
    if (
      c === ' ' ||
      c === '\t' ||
      c === '\r' ||
      c === '\n' ||
      c === '\f' ||
      c === '\v' ||
      c === '\uFEFF'
    ) {
      this.advance();
      return null;
    }
    if (c === '/' && this.peek(1) === '/') {
      this.lineComment();
      return null;
    }
    if (c === '/' && this.peek(1) === '*') {
      this.blockComment();
      return null;
    }
    const line = this.line;
    const col = this.col;
    this.codeOnLine = true;
    this.sawCode = true;
    if (isIdentStart(c)) {
      let text = '';
      while (isIdentPart(this.peek())) text += this.advance();
      return this.make('ident', text, line, col);
    }
    if (c >= '0' && c <= '9') return this.number(line, col);
    if (c === "'") return this.charConst(line, col);
    if (c === '"') return this.stringLit(line, col);
    for (const p of PUNCTUATORS) {
      if (this.src.startsWith(p, this.i)) {
        for (let k = 0; k < p.length; k++) this.advance();
        return this.make('punct', p, line, col);
      }
    }
    this.advance();
    const shown = c === '\\' ? '\\' : c;
    this.diags.error({ line, col }, `unexpected character '${shown}'`);
    return null;
  }

  private number(line: number, col: number): Token {
    let text = '';
    while (isIdentPart(this.peek())) text += this.advance();
    const m = /^(0[xX][0-9a-fA-F]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)([uUlL]*)$/.exec(text);
    const suffix = m?.[2] ?? '';
    if (m === null || !/^(u?l{0,2}|l{1,2}u)$/i.test(suffix) || /lL|Ll/.test(suffix)) {
      this.diags.error({ line, col }, `malformed number '${text}'`);
      return this.make('number', text, line, col);
    }
    const digits = m[1] ?? '0';
    let value: bigint;
    if (/^0[bB]/.test(digits)) value = BigInt(digits);
    else if (digits.length > 1 && digits.startsWith('0') && !/^0[xX]/.test(digits)) {
      value = BigInt('0o' + digits.slice(1));
    } else value = BigInt(digits);
    const unsigned = /u/i.test(suffix) || /^0[xXbB]/.test(digits) || /^0[0-7]/.test(digits);
    return this.make('number', text, line, col, value, unsigned);
  }

  private escape(line: number, col: number): bigint {
    const c = this.advance();
    // prettier-ignore
    const simple: Record<string, number> = { n: 10, t: 9, r: 13, '0': 0, '\\': 92, "'": 39, '"': 34, a: 7, b: 8, f: 12, v: 11 };
    const v = simple[c];
    if (v !== undefined) return BigInt(v);
    if (c === 'x') {
      let h = '';
      while (/[0-9a-fA-F]/.test(this.peek())) h += this.advance();
      if (h !== '') return BigInt('0x' + h);
    }
    this.diags.error({ line, col }, `unknown escape sequence '\\${c}'`);
    return 0n;
  }

  private charConst(line: number, col: number): Token {
    this.advance();
    let value = 0n;
    let text = "'";
    const c = this.peek();
    if (c === '\\') {
      this.advance();
      value = this.escape(line, col);
    } else if (c !== "'" && c !== '\n' && c !== '') {
      value = BigInt(this.advance().charCodeAt(0));
    }
    text += String(value);
    if (this.peek() !== "'") {
      this.diags.error({ line, col }, "expected ' to end the character constant");
      while (this.peek() !== "'" && this.peek() !== '\n' && this.peek() !== '') this.advance();
    }
    if (this.peek() === "'") this.advance();
    return this.make('char', text, line, col, value);
  }

  private stringLit(line: number, col: number): Token {
    let text = '';
    this.advance();
    while (this.peek() !== '"' && this.peek() !== '\n' && this.peek() !== '') {
      const c = this.advance();
      text += c;
      if (c === '\\' && this.peek() !== '\n') text += this.advance();
    }
    if (this.peek() === '"') this.advance();
    else this.diags.error({ line, col }, "missing closing '\"' at the end of the line");
    return this.make('string', text, line, col);
  }

  private lineComment(): void {
    const line = this.line;
    const col = this.col;
    const trailing = this.codeOnLine;
    this.advance();
    this.advance();
    const startCol = this.col;
    let body = '';
    while (this.peek() !== '\n' && this.peek() !== '') body += this.advance();
    body = body.replace(/\r$/, '');
    if (body.startsWith('!')) {
      const text = body.slice(1).trim();
      if (text !== '') this.out.notes.push({ kind: 'narrate', text, line, col, trailing });
      return;
    }
    const lead = body.length - body.trimStart().length;
    const m = /^@([A-Za-z_][A-Za-z0-9_-]*)/.exec(body.trimStart());
    if (m === null) return;
    const key = m[1] ?? '';
    const restStart = lead + m[0].length;
    const restLead = body.slice(restStart).length - body.slice(restStart).trimStart().length;
    if (key === 'cue') {
      const name = body.slice(restStart).trim();
      this.out.notes.push({ kind: 'cue', text: name, line, col: startCol + lead, trailing });
      return;
    }
    this.out.headers.push({
      key,
      rest: body.slice(restStart).trim(),
      line,
      col: startCol + lead,
      restCol: startCol + restStart + restLead,
      afterCode: this.sawCode,
    });
  }

  private blockComment(): void {
    const line = this.line;
    const col = this.col;
    this.advance();
    this.advance();
    while (this.i < this.src.length && !(this.peek() === '*' && this.peek(1) === '/'))
      this.advance();
    if (this.i >= this.src.length) {
      this.diags.error({ line, col }, "comment started here is never closed with '*/'");
      return;
    }
    this.advance();
    this.advance();
  }

  private directive(): void {
    const line = this.line;
    const col = this.col;
    this.advance();
    while (this.peek() === ' ' || this.peek() === '\t') this.advance();
    let name = '';
    while (isIdentPart(this.peek())) name += this.advance();
    this.sawCode = true;
    this.codeOnLine = true;
    if (!SUPPORTED_DIRECTIVES.has(name)) {
      const what = name === '' ? "'#'" : `'#${name}'`;
      this.diags.error(
        { line, col },
        `preprocessor directive ${what} is not supported (only #define NAME value and #include)`,
      );
      this.skipLine();
      return;
    }
    if (name !== 'define') {
      this.skipLine();
      this.out.directives.push({ name, line, col, macro: null, body: [], functionLike: false });
      return;
    }
    const toks: Token[] = [];
    let functionLike = false;
    let macro: Token | null = null;
    let first = true;
    for (;;) {
      if (this.peek() === '\\' && (this.peek(1) === '\n' || this.peek(1) === '\r')) {
        this.advance();
        while (this.peek() !== '\n') this.advance();
        this.advance();
        continue;
      }
      if (this.peek() === '\n' || this.peek() === '') break;
      const tok = this.next(true);
      if (tok === null) continue;
      if (first) {
        first = false;
        if (tok.kind === 'ident') {
          macro = tok;
          functionLike = this.peek() === '(';
          continue;
        }
      }
      toks.push(tok);
    }
    this.out.directives.push({ name, line, col, macro, body: toks, functionLike });
  }

  private skipLine(): void {
    while (this.peek() !== '\n' && this.peek() !== '') {
      if (this.peek() === '/' && this.peek(1) === '/') {
        this.lineComment();
        return;
      }
      this.advance();
    }
  }
}

/**
 * The tokens, notes, header lines and directives of `src`. Lines end with LF, CRLF or a lone CR
 * (old Mac files): CRLF and CR are read as LF, so line and column numbers are the same for all.
 */
export function lex(src: string, diags: Diagnostics): LexResult {
  return new Lexer(src.includes('\r') ? src.replace(/\r\n?/g, '\n') : src, diags).run();
}
