import { describe, expect, it } from 'vitest';
import { BUILTINS } from '../builtins/registry';
import { diagnosticsOf } from '../testSupport/fakeKernel';

const inMain = (body: string, before = '') => `${before}void main(void) {\n${body}\n}`;
/** Diagnostics of a one-line main body (its line is 2 when `before` is empty). */
const errorsIn = (body: string, before = '') => diagnosticsOf(inMain(body, before));

describe('checker: names', () => {
  it('reports unknown identifiers and functions, with a suggestion when one is close', () => {
    expect(errorsIn('L4_Word_t count; cuont = 1;')).toEqual([
      "2:18: unknown identifier 'cuont' (did you mean 'count'?)",
    ]);
    expect(errorsIn('L4_Word_t x = nothere;')).toEqual(["2:15: unknown identifier 'nothere'"]);
    expect(errorsIn('L4_Cal(main);')).toEqual([
      "2:1: unknown function 'L4_Cal' (did you mean 'L4_Call'?)",
    ]);
    expect(errorsIn('L4_ThreadId_t t = L4_nilthrad;')).toEqual([
      "2:19: unknown identifier 'L4_nilthrad' (did you mean 'L4_nilthread'?)",
    ]);
    expect(errorsIn('L4_ThreadControl(0);')).toEqual([
      "2:1: 'L4_ThreadControl' is not supported: threads are declared in the header (// @thread)",
    ]);
    expect(errorsIn('printf(1);')).toEqual([
      "2:1: 'printf' is not supported: use a //! narration comment to explain a step",
    ]);
  });

  it('checks the argument count of every L4 call and server helper', () => {
    for (const b of BUILTINS) {
      const args = Array.from({ length: b.params.length + 1 }, () => '0').join(', ');
      const src = `// @heap main 0x1000 0x1000\n${inMain(`${b.name}(${args});`)}`;
      const d = diagnosticsOf(src).find((m) => m.includes('expects'));
      const n = b.params.length;
      const count = n === 0 ? 'no arguments' : `${n} argument${n === 1 ? '' : 's'} (`;
      expect(d, b.name).toContain(`3:1: ${b.name} expects ${count}`);
      expect(d, b.name).toMatch(new RegExp(`, got ${n + 1}$`));
    }
    expect(errorsIn('L4_Call();')).toEqual([
      '2:1: L4_Call expects 1 argument (L4_ThreadId_t to), got 0',
    ]);
    expect(errorsIn('L4_Ipc(main, main, 0);')).toEqual([
      '2:1: L4_Ipc expects 4 arguments (L4_ThreadId_t to, L4_ThreadId_t FromSpecifier, L4_Word_t Timeouts, L4_ThreadId_t *from), got 3',
    ]);
  });

  it('checks the argument count of the scenario’s own functions', () => {
    expect(
      errorsIn('add(1);', 'L4_Word_t add(L4_Word_t a, L4_Word_t b) { return a + b; }\n'),
    ).toEqual(['3:1: add expects 2 arguments (L4_Word_t a, L4_Word_t b), got 1']);
  });

  it('refuses assignment to constants', () => {
    expect(errorsIn('MEM_ALLOC = 2;', '#define MEM_ALLOC 0\n')).toEqual([
      "3:1: cannot assign to 'MEM_ALLOC': it is a #define constant",
    ]);
    expect(errorsIn('OP_FREE++;', 'enum op { OP_ALLOC, OP_FREE };\n')).toEqual([
      "3:1: cannot assign to 'OP_FREE': it is an enum constant",
    ]);
    expect(errorsIn('main = L4_nilthread;')).toEqual([
      "2:1: cannot assign to 'main': it is the id of thread main",
    ]);
    expect(errorsIn('L4_Never = L4_ZeroTime;')).toEqual([
      "2:1: cannot assign to 'L4_Never': it is an L4 constant",
    ]);
    expect(errorsIn('const L4_Word_t k = 1; k += 2;')).toEqual([
      "2:24: cannot assign to 'k': it is declared const",
    ]);
    expect(errorsIn('L4_Word_t *p = &MEM;', '#define MEM 4\n')).toEqual([
      "3:17: cannot take the address of 'MEM': it is a #define constant",
    ]);
  });

  it('reports duplicate names', () => {
    expect(errorsIn('L4_Word_t x; int x;')).toEqual([
      "2:18: 'x' is already declared in this scope (line 8)",
    ]);
    expect(diagnosticsOf('void f(void) {}\nvoid f(void) {}\nvoid main(void) { f(); }')).toEqual([
      "2:6: function 'f' is defined twice (first at line 7)",
    ]);
    expect(
      diagnosticsOf('struct s { L4_Word_t a; };\nstruct s { L4_Word_t b; };\nvoid main(void) {}'),
    ).toEqual(['2:8: struct s is defined twice (first at line 7)']);
    expect(
      diagnosticsOf('struct s { L4_Word_t a; int a; };\nvoid main(void) { struct s v; }'),
    ).toEqual(["1:29: struct s has two fields named 'a'"]);
    expect(diagnosticsOf('#define A 1\nenum { A };\nvoid main(void) {}')).toEqual([
      "2:8: enum constant 'A' is already a #define (line 7)",
    ]);
    expect(diagnosticsOf('#define main 1\nvoid main(void) {}')).toEqual([
      "1:9: #define 'main' is already the name of a thread (header line 6)",
    ]);
    expect(diagnosticsOf('void L4_Call(void) {}\nvoid main(void) {}')).toEqual([
      "1:6: function 'L4_Call' is an L4 function of the model; choose another name",
    ]);
    expect(diagnosticsOf('typedef L4_Word_t w;\ntypedef int w;\nvoid main(void) {}')).toEqual([
      "2:13: typedef 'w' is defined twice (first at line 7)",
    ]);
    expect(
      diagnosticsOf(
        'L4_Word_t f(L4_Word_t a, L4_Word_t a) { return a; }\nvoid main(void) { f(1, 2); }',
      ),
    ).toEqual(["1:36: 'a' is already declared in this scope (line 7)"]);
  });

  it('matches threads in the header with functions in the code', () => {
    expect(diagnosticsOf('void mian(void) {}')).toEqual([
      "0:12: thread 'main' has no code: write 'void main(void) { ... }' (did you mean 'mian'?)",
      "1:6: warning: function 'mian' is never called and no thread runs it (a thread needs a header line: // @thread mian space=...)",
    ]);
    expect(diagnosticsOf('void main(int x) {}')).toEqual([
      "1:6: thread function 'main' must be declared 'void main(void)'",
    ]);
    expect(errorsIn('main();')).toEqual([
      "2:1: cannot call 'main': it is the code of thread main, which runs by itself",
    ]);
    expect(errorsIn('return 1;')).toEqual([
      "2:8: thread function 'main' returns nothing: write 'return;'",
    ]);
  });

  it('warns when a local hides a thread id', () => {
    expect(errorsIn('L4_Word_t main = 1;')).toEqual([
      "2:11: warning: local 'main' hides the id of thread main",
    ]);
  });

  it('reports other declaration problems', () => {
    expect(diagnosticsOf('L4_Word_t g;\nvoid main(void) {}')).toEqual([
      "1:11: global variables are not supported: declare 'g' inside a function (each thread has its own variables)",
    ]);
    expect(diagnosticsOf('L4_Word_t f(L4_Word_t);\nvoid main(void) { f(1); }')).toContain(
      "1:11: function 'f' is declared but never defined",
    );
    expect(errorsIn('heap_alloc(16);')).toEqual([
      '2:1: heap_alloc needs a heap: declare one in the header, like // @heap <thread> 0x10000000 0x10000',
    ]);
    expect(errorsIn('L4_Word_t n = 3; L4_Word_t a[n];')).toEqual([
      '2:30: the array size must be a constant (a number or a #define)',
    ]);
    expect(errorsIn('L4_Word_t a[5000];')).toEqual([
      '2:13: array size 5000 is out of range: 1..4096 elements',
    ]);
    expect(diagnosticsOf('struct s { L4_Word_t *p; };\nvoid main(void) { struct s v; }')).toEqual([
      "1:23: field 'p' has type L4_Word_t *: struct fields must be words, L4 types, structs or arrays",
    ]);
    expect(errorsIn('struct nope x;')).toEqual(["2:8: unknown struct 'nope'"]);
    expect(errorsIn('foo_t x;')).toEqual(["2:1: unknown type name 'foo_t'"]);
    expect(errorsIn('L4_Word_t x = A;', '#define A B\n#define B A\n')).toEqual([
      '2:11: #define A refers to itself',
    ]);
  });
});

describe('checker: types', () => {
  it('keeps L4 types apart from words, as C does', () => {
    expect(errorsIn('L4_ThreadId_t t = 5;')).toEqual([
      "2:19: cannot initialize 't': expected L4_ThreadId_t, got int: C does not convert a word to L4_ThreadId_t; set its .raw instead",
    ]);
    expect(errorsIn('L4_ThreadId_t t; if (t == main) L4_Yield();')).toEqual([
      "2:22: operator '==' needs integer operands, but 't' has type L4_ThreadId_t: compare ids with L4_IsThreadEqual(a, b), or use .raw",
    ]);
    expect(errorsIn('L4_MsgTag_t tag; L4_Word_t u = tag + 1;')).toEqual([
      "2:32: operator '+' needs integer operands, but 'tag' has type L4_MsgTag_t: use L4_Label(tag), L4_UntypedWords(tag), L4_IpcFailed(tag), or tag.raw",
    ]);
    expect(errorsIn('L4_Word_t w = 1; L4_Call(w);')).toEqual([
      '2:26: argument 1 (to) of L4_Call: expected L4_ThreadId_t, got L4_Word_t: C does not convert a word to L4_ThreadId_t; set its .raw instead',
    ]);
    expect(errorsIn('L4_MsgTag_t t; if (t) L4_Yield();')).toEqual([
      '2:20: a condition must be an integer or a pointer, not L4_MsgTag_t: use L4_Label(tag), L4_UntypedWords(tag), L4_IpcFailed(tag), or tag.raw',
    ]);
    expect(errorsIn('L4_ThreadId_t t = (L4_ThreadId_t)5;')).toEqual([
      '2:19: cannot cast to L4_ThreadId_t (a union in C): declare a L4_ThreadId_t variable and set its .raw',
    ]);
    expect(errorsIn('L4_ThreadId_t t; t.raw = 5; L4_Word_t n = t.raw + L4_Myself().raw;')).toEqual(
      [],
    );
  });

  it('checks pointers and out-arguments', () => {
    expect(errorsIn('L4_Word_t w; L4_StoreMR(1, w);')).toEqual([
      '2:28: argument 2 (w) of L4_StoreMR: expected L4_Word_t *, got L4_Word_t: pass its address, &w',
    ]);
    expect(
      errorsIn('struct r v; L4_StoreMRs(1, 3, &v);', 'struct r { L4_Word_t a, b, c; };\n'),
    ).toEqual([
      '3:31: argument 3 (w) of L4_StoreMRs: expected L4_Word_t *, got struct r *: cast it, (L4_Word_t *)&v',
    ]);
    expect(
      errorsIn(
        'struct r v; L4_StoreMRs(1, 3, (L4_Word_t *)&v);',
        'struct r { L4_Word_t a, b, c; };\n',
      ),
    ).toEqual([]);
    expect(errorsIn('L4_Word_t w; *w = 1;')).toEqual([
      "2:14: cannot dereference 'w': it has type L4_Word_t, not a pointer",
    ]);
    expect(errorsIn('L4_Word_t *p = (L4_Word_t *)5;')).toEqual([
      '2:16: cannot cast an integer to a pointer: pointers are not addresses in this model (only 0 is NULL)',
    ]);
    expect(errorsIn('L4_Word_t *p = (L4_Word_t *)0; p = NULL;')).toEqual([]);
  });

  it('checks members, indexes and assignments', () => {
    const S = 'struct r { L4_Word_t op; L4_Word_t size; };\n';
    expect(errorsIn('struct r v; v.sise = 1;', S)).toEqual([
      "3:15: struct r has no field 'sise' (did you mean 'size'?)",
    ]);
    expect(errorsIn('struct r v; struct r *p = &v; p.size = 1;', S)).toEqual([
      "3:33: 'p' is a pointer: use '->' to reach its fields",
    ]);
    expect(errorsIn('struct r v; v->size = 1;', S)).toEqual([
      "3:16: '->' needs a pointer, but 'v' has type struct r: use '.'",
    ]);
    expect(errorsIn('L4_Word_t w; w.raw = 1;')).toEqual([
      "2:16: 'w' has type L4_Word_t, which has no fields (no '.raw')",
    ]);
    expect(errorsIn('L4_ThreadId_t t; t.thread_no = 1;')).toEqual([
      "2:20: L4_ThreadId_t has no field 'thread_no' here: use '.raw' for its word",
    ]);
    expect(errorsIn('L4_Word_t w; w[0] = 1;')).toEqual([
      "2:15: cannot index 'w': it has type L4_Word_t, not an array",
    ]);
    expect(errorsIn('L4_Word_t a[4]; a[4] = 1;')).toEqual([
      "2:19: index 4 is out of range for 'a' (4 elements: 0..3)",
    ]);
    expect(errorsIn('L4_Word_t a[4], b[4]; a = b;')).toEqual([
      "2:23: cannot assign to the array 'a': assign its elements",
    ]);
    expect(errorsIn('L4_Word_t x = L4_Yield();')).toEqual([
      "2:15: cannot initialize 'x': L4_Yield(...) returns nothing (void)",
    ]);
    expect(errorsIn('struct r a, b; a = b; L4_Word_t s = a + b;', S)).toEqual([
      "3:37: operator '+' needs integer operands, but 'a' has type struct r",
    ]);
  });

  it('checks initializers', () => {
    const S = 'struct r { L4_Word_t op; L4_Word_t size; };\n';
    expect(errorsIn('struct r v = { 1, 2, 3 };', S)).toEqual([
      '3:22: too many values for struct r (2 fields)',
    ]);
    expect(errorsIn('struct r v = { .sise = 1 };', S)).toEqual([
      "3:16: struct r has no field 'sise' (did you mean 'size'?)",
    ]);
    expect(errorsIn('L4_Word_t a[2] = { 1, 2, 3 };')).toEqual([
      "2:26: too many values for 'a' (2 elements)",
    ]);
    expect(errorsIn('L4_Word_t a[2] = 1;')).toEqual([
      '2:18: an array is initialized with a brace list, like a[2] = { 0 }',
    ]);
  });

  it('checks statements', () => {
    expect(errorsIn('continue;')).toEqual(["2:1: 'continue' is only allowed inside a loop"]);
    expect(errorsIn('case 1: L4_Yield();')).toEqual([
      "2:1: 'case' is only allowed inside a switch",
    ]);
    expect(
      errorsIn('L4_Word_t x = 1, y = 2; switch (x) { case 1: break; case 1: break; }'),
    ).toEqual(['2:53: duplicate case value 1 (first at line 8)']);
    expect(errorsIn('L4_Word_t x = 1, y = 2; switch (x) { case y: break; }')).toEqual([
      '2:43: a case value must be an integer constant (a number, #define or enum)',
    ]);
    expect(errorsIn('L4_Word_t x = 1 / 0;')).toEqual(['2:17: division by zero']);
    expect(diagnosticsOf('L4_Word_t f(void) { return; }\nvoid main(void) { f(); }')).toEqual([
      "1:21: 'f' must return a L4_Word_t value",
    ]);
    expect(diagnosticsOf('void f(void) { return 1; }\nvoid main(void) { f(); }')).toEqual([
      "1:23: 'f' returns void: remove the return value",
    ]);
  });

  it('checks constants against the word width', () => {
    expect(diagnosticsOf(inMain('L4_Word_t x = 0x100000000;'), 'ia32')).toEqual([
      '2:15: integer constant 0x100000000 is too large for a 32-bit word',
    ]);
    expect(diagnosticsOf(inMain('L4_Word_t x = 0x100000000;'), 'amd64')).toEqual([]);
  });
});
