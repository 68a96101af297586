// Small holes in the header and the checker, each closed with a message (docs/reliability.md).
import { describe, expect, it } from 'vitest';
import { compileScenario } from './scenario';

const errors = (text: string, abi?: 'amd64' | 'ia32'): string[] =>
  compileScenario(text, abi === undefined ? {} : { abi })
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => `${d.line}:${d.column}: ${d.message}`);
const file = (header: string, code = 'void t(void) { }') =>
  `// @scenario s\n// @title t\n// @teaches t\n// @space a\n${header}\n${code}\n`;

describe('header holes', () => {
  it('a key repeated on an @thread line is an error, like a repeated header line', () => {
    expect(errors(file('// @space b\n// @thread t space=a space=b'))).toContain(
      "6:22: 'space=' is given twice in '@thread t' (first at column 14)",
    );
    expect(errors(file('// @thread t space=a priority=1 priority=2'))).toContain(
      "5:33: 'priority=' is given twice in '@thread t' (first at column 22)",
    );
  });
  it('@heap: base and size aligned to 16 and inside the address space', () => {
    const heap = (h: string, abi?: 'amd64' | 'ia32') =>
      errors(
        file(`// @thread t space=a\n// @heap t ${h}`, 'void t(void) { heap_alloc(16); }'),
        abi,
      );
    expect(heap('0x10000000 0x10000')).toEqual([]);
    expect(heap('0xffffffffffffffff 0x10')).toContain(
      "6:12: the heap base and size must be multiples of 16 (heap_alloc returns 16-byte-aligned blocks), found '0xffffffffffffffff'",
    );
    expect(heap('0x10000000 0x1001')).toContain(
      "6:23: the heap base and size must be multiples of 16 (heap_alloc returns 16-byte-aligned blocks), found '0x1001'",
    );
    expect(heap('0xfffffffffffffff0 0x20')).toEqual([
      "6:10: the heap of 't' (0xfffffffffffffff0 + 0x20) ends beyond the 64-bit address space",
    ]);
    expect(heap('0xfffff000 0x2000', 'ia32')).toEqual([
      "6:10: the heap of 't' (0xfffff000 + 0x2000) ends beyond the 32-bit address space",
    ]);
  });
  it('@space a 0x100000/99 says the log2size range, not the alignment', () => {
    const space = (s: string, abi?: 'amd64' | 'ia32') =>
      errors(
        `// @scenario s\n// @title t\n// @teaches t\n// @space a ${s}\n// @thread t space=a\nvoid t(void) { }\n`,
        abi,
      );
    expect(space('0x100000/99')).toEqual([
      '4:13: region size 2^99 is out of range: log2size must be 12..64 (4 KiB pages up to the whole amd64 address space)',
    ]);
    expect(space('0x100000/40', 'ia32')).toEqual([
      '4:13: region size 2^40 is out of range: log2size must be 12..32 (4 KiB pages up to the whole ia32 address space)',
    ]);
    expect(space(`0x100000/${'9'.repeat(30)}`)[0]).toMatch(/log2size must be 12\.\.64/);
    expect(space('0x100800/20')).toEqual([
      '4:13: region base 0x100800 is not aligned to its size 2^20',
    ]);
  });
});

describe('checker holes', () => {
  it('constant MR and BR indexes out of range are compile-time errors', () => {
    const code = (body: string) =>
      errors(file('// @thread t space=a', `void t(void) {\n  L4_Word_t w[8];\n  ${body}\n}`));
    expect(code('L4_LoadMR(64, 1);')).toEqual([
      '8:13: L4_LoadMR: MR index 64 is out of range: message registers are MR0..MR63',
    ]);
    expect(code('L4_StoreMR(-1, &w[0]);')).toEqual([
      '8:14: L4_StoreMR: MR index -1 is out of range: message registers are MR0..MR63',
    ]);
    expect(code('L4_StoreMRs(60, 8, w);')).toEqual([
      '8:15: L4_StoreMRs(60, 8, ...) reaches MR67: message registers are MR0..MR63',
    ]);
    expect(code('L4_LoadBR(33, 0);')).toEqual([
      '8:13: L4_LoadBR: BR index 33 is out of range: buffer registers are BR0..BR32',
    ]);
    expect(code('L4_LoadMR(63, 1); L4_LoadBR(32, 0); L4_StoreMRs(56, 8, w);')).toEqual([]);
  });
  it('messages echo at most 100 characters of the offending text', () => {
    const long = `@titel${'x'.repeat(5000)}`;
    const message = errors(`// @scenario s\n// ${long}\n`).find((m) => m.includes('@titel')) ?? '';
    expect(message.length).toBeLessThan(400);
    expect(message).toContain(`'@titel${'x'.repeat(94)}…'`);
    const [ident = ''] = errors(
      file('// @thread t space=a', `void t(void) { ${'y'.repeat(10000)} = 1; }`),
    );
    expect(ident).toBe(`6:16: unknown identifier '${'y'.repeat(100)}…'`);
  });
});
