/** A cursor over tokens for the recursive-descent parser, with C's typedef-name bookkeeping. */
import type { Diagnostics, Pos } from '../diagnostic';
import { describeToken } from '../token';
import type { Token } from '../token';
import { KEYWORDS, TYPE_KEYWORDS } from '../typeNames';

/** Thrown inside the parser to unwind to the nearest recovery point; never escapes `parse`. */
export class ParseError extends Error {}

/** How deeply expressions and statements may nest (a guard for hostile input). */
export const MAX_NESTING = 200;

export class TokenStream {
  private i = 0;
  private depth = 0;

  constructor(
    private readonly toks: readonly Token[],
    readonly diags: Diagnostics,
    /** Names that denote types (built-in and typedef'd). */
    readonly typeNames: Set<string>,
  ) {}

  peek(k = 0): Token {
    const idx = Math.min(this.i + k, this.toks.length - 1);
    return this.toks[idx] as Token;
  }

  next(): Token {
    const t = this.peek();
    if (this.i < this.toks.length - 1) this.i++;
    return t;
  }

  get atEnd(): boolean {
    return this.peek().kind === 'eof';
  }

  /** The current token is this punctuator or keyword. */
  is(text: string, k = 0): boolean {
    const t = this.peek(k);
    return (t.kind === 'punct' || t.kind === 'ident') && t.text === text;
  }

  accept(text: string): boolean {
    if (!this.is(text)) return false;
    this.next();
    return true;
  }

  /** Consumes `text` or reports "expected 'text' <context>, found ...". */
  expect(text: string, context: string): Token {
    if (this.is(text)) return this.next();
    return this.fail(
      this.peek(),
      `expected '${text}' ${context}, found ${describeToken(this.peek())}`,
    );
  }

  /** An identifier that is not a keyword. */
  expectIdent(context: string): Token {
    const t = this.peek();
    if (t.kind === 'ident' && !KEYWORDS.has(t.text)) return this.next();
    return this.fail(t, `expected a name ${context}, found ${describeToken(t)}`);
  }

  /** Runs `f` one nesting level deeper; too deep is a syntax error, not a stack overflow. */
  nest<T>(f: () => T): T {
    if (this.depth >= MAX_NESTING) {
      this.fail(
        this.peek(),
        `the code is nested too deeply here (more than ${MAX_NESTING} levels)`,
      );
    }
    this.depth++;
    try {
      return f();
    } finally {
      this.depth--;
    }
  }

  fail(at: Pos | Token, message: string): never {
    this.diags.error(posOf(at), message);
    throw new ParseError(message);
  }

  /** Skips to just after the next `;` or to the next `}` at this nesting level. */
  sync(): void {
    let depth = 0;
    while (!this.atEnd) {
      const t = this.peek();
      if (t.kind === 'punct') {
        if (t.text === '{') depth++;
        else if (t.text === '}') {
          if (depth === 0) return;
          depth--;
          if (depth === 0) {
            this.next();
            return;
          }
        } else if (t.text === ';' && depth === 0) {
          this.next();
          return;
        }
      }
      this.next();
    }
  }

  /** The token can start a type name here. */
  startsType(k = 0): boolean {
    const t = this.peek(k);
    if (t.kind !== 'ident') return false;
    if (KEYWORDS.has(t.text)) return TYPE_KEYWORDS.has(t.text);
    return this.typeNames.has(t.text);
  }
}

export function posOf(t: Pos | Token): Pos {
  return { line: t.line, col: t.col };
}
