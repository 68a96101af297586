import { describe, expect, it } from 'vitest';
import { diagnosticsOf } from '../testSupport/fakeKernel';

describe('parser: syntax errors name line, column and what was expected', () => {
  it.each([
    [
      'void main(void) {\n  L4_Word_t x = 1\n  L4_Call(main);\n}',
      "3:3: expected ';' after the declaration, found 'L4_Call'",
    ],
    ['void main(void) {\n  L4_Yield()\n}', "3:1: expected ';' after expression, found '}'"],
    ['void main(void) {\n  if x > 1) L4_Yield();\n}', "2:6: expected '(' after 'if', found 'x'"],
    [
      'void main(void) {\n  while (1 { }\n}',
      "2:12: expected ')' to close the condition of 'while', found '{'",
    ],
    ['void main(void) {\n  for (;;)\n}', "3:1: expected a statement, found '}'"],
    ['void main(void) {\n  L4_Word_t x = ;\n}', "2:17: expected an expression, found ';'"],
    [
      'void main(void) {\n  L4_Yield();\n',
      "3:1: expected '}' to close the block opened at line 7, found end of file",
    ],
    [
      'void main(void) { goto out; }',
      "1:19: 'goto' is not supported: use a loop with break or continue",
    ],
    ['void main(void) { else L4_Yield(); }', "1:19: 'else' without a matching 'if'"],
    [
      'void main(void) { char c; }',
      "1:19: 'char' is not supported: every variable is a machine word (use L4_Word_t or int)",
    ],
    [
      'void main(void) { double d; }',
      "1:19: 'double' is not supported: the model has only machine words",
    ],
    [
      'union u { L4_Word_t a; };',
      "1:1: unions are not supported (use a struct; L4 types have '.raw')",
    ],
    [
      'void main(void) { L4_Word_t x = (1 + 2; }',
      "1:39: expected ')' to close the parenthesis, found ';'",
    ],
    [
      'void main(void) { int f(void) { } }',
      '1:23: functions must be defined at file scope, not inside another function',
    ],
    [
      '= 3;',
      "1:1: expected a declaration at file scope (a struct, typedef, #define or function), found '='",
    ],
    [
      'void main(void) { x = a ? b; }',
      "1:28: expected ':' in a conditional expression ('a ? b : c'), found ';'",
    ],
    ['void main(void) { f(1)(2); }', '1:23: only functions can be called, by name'],
    ['void f(int x, ...);', "1:15: variadic functions ('...') are not supported"],
  ])('%s', (src, expected) => {
    expect(diagnosticsOf(src)).toContain(expected);
  });

  it('recovers at the next statement and reports several errors', () => {
    const d = diagnosticsOf('void main(void) {\n  x = ;\n  y = ;\n  L4_Yield();\n}');
    expect(d).toEqual([
      "2:7: expected an expression, found ';'",
      "3:7: expected an expression, found ';'",
    ]);
  });

  it('checks #define lines', () => {
    expect(diagnosticsOf('#define\nvoid main(void) {}')).toContain(
      '1:8: expected a macro name after #define',
    );
    expect(diagnosticsOf('#define N\nvoid main(void) {}')).toContain(
      "1:10: #define N needs a value, for example '#define N 1'",
    );
    expect(diagnosticsOf('#define SQ(x) ((x)*(x))\nvoid main(void) {}')).toContain(
      "1:9: function-like macro 'SQ(...)' is not supported: write a function instead",
    );
    expect(diagnosticsOf('#define W L4_Word_t\nvoid main(void) {}')).toContain(
      "1:11: #define of a type is not supported: use 'typedef ... W;'",
    );
    expect(diagnosticsOf('#define A 1 2\nvoid main(void) {}')).toContain(
      "1:13: expected the end of #define A after one expression, found '2'",
    );
  });

  it('accepts the C a scenario is written in', () => {
    const src = `#include <l4/ipc.h>
#include <l4/message.h>
#define MEM_LABEL 0x0
#define MEM_ALLOC 0
typedef struct { L4_ThreadId_t thread; L4_Word_t time_control; } SchedRequest;
enum mem_opcode { OP_ALLOC = 0, OP_FREE = 1 };
struct mem_request { enum mem_opcode op; L4_Word_t size; L4_Word_t addr; };
static inline L4_Word_t twice(const L4_Word_t x);
static inline L4_Word_t twice(const L4_Word_t x) { return x << 1; }
void main(void) {
  struct mem_request req = { .op = OP_ALLOC, .size = twice(0x40) };
  SchedRequest s;
  unsigned long n = sizeof(req) / sizeof(L4_Word_t);
  L4_Word_t *w = (L4_Word_t *)&req;
  do { n--; } while (n > 0 && w[n] == 0);
  s.thread = L4_Myself();
  s.time_control = (L4_Word_t)~0UL;
}`;
    expect(diagnosticsOf(src)).toEqual([]);
  });
});

describe('parser: hostile input', () => {
  it('reports deep nesting and long operator chains instead of overflowing the stack', () => {
    expect(
      diagnosticsOf(
        `void main(void) { L4_Word_t x = ${'('.repeat(5000)}1${')'.repeat(5000)}; }`,
      )[0],
    ).toMatch(/^1:\d+: the code is nested too deeply here \(more than 200 levels\)$/);
    expect(
      diagnosticsOf(`void main(void) { L4_Word_t x = ${Array(3000).fill('1').join(' + ')}; }`)[0],
    ).toMatch(/^1:\d+: the expression has too many operators in a row \(more than 200\)$/);
    expect(diagnosticsOf(`void main(void) { ${'{'.repeat(3000)} }`)[0]).toMatch(
      /nested too deeply/,
    );
    expect(diagnosticsOf(`void main(void) { L4_Word_t x = ${'-'.repeat(3000)}1; }`)[0]).toMatch(
      /nested too deeply/,
    );
  });

  it('reads CRLF line ends, tabs and a byte-order mark', () => {
    const src = '\uFEFFvoid main(void) {\r\n\tL4_Word_t x = 1;\r\n\tx = ;\r\n}\r\n';
    expect(diagnosticsOf(src)).toEqual(["3:6: expected an expression, found ';'"]);
  });
});
