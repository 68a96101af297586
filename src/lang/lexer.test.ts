import { describe, expect, it } from 'vitest';
import { Diagnostics } from './diagnostic';
import { lex } from './lexer';

function run(src: string) {
  const diags = new Diagnostics();
  const out = lex(src, diags);
  return { ...out, diags: diags.list };
}

describe('lexer', () => {
  it('reads identifiers, punctuators and positions', () => {
    const { tokens } = run('x <<= L4_Call(a->b);\n  y');
    expect(tokens.map((t) => t.text)).toEqual([
      'x',
      '<<=',
      'L4_Call',
      '(',
      'a',
      '->',
      'b',
      ')',
      ';',
      'y',
      '',
    ]);
    expect(tokens[2]).toMatchObject({ kind: 'ident', line: 1, col: 7 });
    expect(tokens[9]).toMatchObject({ line: 2, col: 3 });
    expect(tokens[10]?.kind).toBe('eof');
  });

  it('reads decimal, hex, octal, binary and character constants with suffixes', () => {
    const { tokens, diags } = run("10 0x1F 017 0b101 42UL 0xffu 'A' '\\n' 0");
    expect(diags).toEqual([]);
    expect(tokens.slice(0, 9).map((t) => t.value)).toEqual([
      10n,
      31n,
      15n,
      5n,
      42n,
      255n,
      65n,
      10n,
      0n,
    ]);
    expect(tokens.slice(0, 9).map((t) => t.unsigned)).toEqual([
      false,
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('reports malformed numbers and stray characters with their position', () => {
    expect(run('x = 12abc;').diags).toEqual([
      { line: 1, column: 5, severity: 'error', message: "malformed number '12abc'" },
    ]);
    expect(run('a @ b').diags[0]).toMatchObject({
      line: 1,
      column: 3,
      message: "unexpected character '@'",
    });
  });

  it('reports a block comment that is never closed', () => {
    expect(run('a /* open\n b').diags[0]).toMatchObject({
      line: 1,
      column: 3,
      message: "comment started here is never closed with '*/'",
    });
  });

  it('collects narration and cue comments, noting whether code precedes them', () => {
    const { notes } = run(
      '//! first\nx = 1; //! second\n//@cue start\n// @cue  spaced  \n// plain\n',
    );
    expect(notes).toEqual([
      { kind: 'narrate', text: 'first', line: 1, col: 1, trailing: false },
      { kind: 'narrate', text: 'second', line: 2, col: 8, trailing: true },
      { kind: 'cue', text: 'start', line: 3, col: 3, trailing: false },
      { kind: 'cue', text: 'spaced', line: 4, col: 4, trailing: false },
    ]);
  });

  it('collects header lines with the column of their value, and whether code came first', () => {
    const { headers } = run('// @scenario  call\n//@title Hello there\nint x;\n// @thread late\n');
    expect(headers[0]).toEqual({
      key: 'scenario',
      rest: 'call',
      line: 1,
      col: 4,
      restCol: 15,
      afterCode: false,
    });
    expect(headers[1]).toMatchObject({ key: 'title', rest: 'Hello there', col: 3, restCol: 10 });
    expect(headers[2]).toMatchObject({ key: 'thread', afterCode: true });
  });

  it('reads #define bodies as tokens and ignores #include', () => {
    const { directives, tokens } = run(
      '#include <l4/ipc.h>\n#define MEM_ALLOC  (1 + 2)\n#define F(x) x\nint y;',
    );
    expect(directives.map((d) => d.name)).toEqual(['include', 'define', 'define']);
    expect(directives[1]?.macro?.text).toBe('MEM_ALLOC');
    expect(directives[1]?.body.map((t) => t.text)).toEqual(['(', '1', '+', '2', ')']);
    expect(directives[2]?.functionLike).toBe(true);
    expect(tokens.map((t) => t.text)).toEqual(['int', 'y', ';', '']);
  });

  it('rejects other preprocessor directives', () => {
    expect(run('#ifdef X\n').diags[0]?.message).toBe(
      "preprocessor directive '#ifdef' is not supported (only #define NAME value and #include)",
    );
  });

  it('reports an unterminated string', () => {
    expect(run('"abc\n').diags[0]?.message).toBe("missing closing '\"' at the end of the line");
  });
});
