/** Tokens and the non-code parts of a scenario file the lexer collects. Positions are 1-based. */

export type TokenKind = 'ident' | 'number' | 'char' | 'string' | 'punct' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** Numbers and character constants: the value. */
  readonly value: bigint;
  /** A number with a `u`/`U` suffix, or in hex/octal (C makes large ones unsigned). */
  readonly unsigned: boolean;
  readonly line: number;
  readonly col: number;
}

/** A `//!` narration comment or a `//@cue name` mark. */
export interface NoteComment {
  readonly kind: 'narrate' | 'cue';
  readonly text: string;
  readonly line: number;
  readonly col: number;
  /** Code precedes the comment on its line (it belongs to that line's statement). */
  readonly trailing: boolean;
}

/** A `// @key rest` comment line. */
export interface HeaderLine {
  readonly key: string;
  readonly rest: string;
  readonly line: number;
  /** Column of the `@`. */
  readonly col: number;
  /** Column where `rest` starts. */
  readonly restCol: number;
  /** Some code (a token or a directive) came before this line. */
  readonly afterCode: boolean;
}

/** A preprocessor line: `#define NAME body` or `#include ...`. */
export interface Directive {
  readonly name: string;
  readonly line: number;
  readonly col: number;
  /** `#define`: the macro name token (null when missing). */
  readonly macro: Token | null;
  /** `#define`: the replacement tokens. */
  readonly body: readonly Token[];
  /** `#define F(x)`: a function-like macro (not supported). */
  readonly functionLike: boolean;
}

export function describeToken(t: Token): string {
  if (t.kind === 'eof') return 'end of file';
  return `'${t.text}'`;
}
