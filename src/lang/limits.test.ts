// Bounded work in the compiler: deep nesting, long chains and huge files end in a message with a
// line and column, never a JavaScript stack overflow or an "internal error"; region lists are
// checked in n log n; CR-only files are read as lines.
import { describe, expect, it } from 'vitest';
import { compileScenario } from './scenario';

const HEAD = '// @scenario s\n// @title t\n// @teaches t\n// @space a\n// @thread t space=a\n';
const errors = (text: string): string[] => {
  const r = compileScenario(text);
  return r.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.line}:${d.column}: ${d.message}`);
};
const only = (text: string): string => {
  const e = errors(text);
  expect(e.join('\n')).not.toMatch(/internal error|call stack/);
  expect(e.length).toBeGreaterThan(0);
  return e[0] ?? '';
};
const body = (code: string) => `${HEAD}void t(void) { L4_Word_t x; ${code} }\n`;

describe('nesting and chains end in a message', () => {
  it('2,000 chained assignments x = x = … = 1', () => {
    expect(only(body(`${'x = '.repeat(2000)}1;`))).toMatch(
      /^6:\d+: the code is nested too deeply here \(more than 200 levels\)$/,
    );
  });
  it('5,000 nested ?: in the middle, and 5,000 chained in the else part', () => {
    expect(only(body(`x = ${'1 ? '.repeat(5000)}1${' : 0'.repeat(5000)};`))).toMatch(
      /nested too deeply/,
    );
    expect(only(body(`x = ${'0 ? 1 : '.repeat(5000)}2;`))).toMatch(/nested too deeply/);
  });
  it('2,000 #defines, each using the one before', () => {
    const defines = Array.from({ length: 2000 }, (_, i) => `#define D${i + 1} (D${i} + 1)`);
    defines[0] = '#define D1 1';
    const text = `${HEAD}${defines.join('\n')}\nvoid t(void) { L4_Word_t x = D2000; }\n`;
    expect(only(text)).toMatch(/#define D\d+ is expanded inside more than 100 other #defines/);
    // A chain within the bound compiles and folds.
    const short = `${HEAD}${defines.slice(0, 90).join('\n')}\nvoid t(void) { L4_Word_t a[D90]; }\n`;
    expect(errors(short)).toEqual([]);
  });
  it('10,000 parentheses, blocks, unary minus, ifs, casts, pointer stars, array dimensions', () => {
    const cases = [
      body(`x = ${'('.repeat(10000)}1${')'.repeat(10000)};`),
      body(`${'{'.repeat(10000)}${'}'.repeat(10000)}`),
      body(`x = ${'-'.repeat(10000)}1;`),
      body(`${'if (x) '.repeat(10000)}x = 1;`),
      body(`x = ${'(L4_Word_t)'.repeat(10000)}1;`),
      body(`L4_Word_t ${'*'.repeat(10000)}p;`),
      body(`L4_Word_t a${'[1]'.repeat(10000)};`),
    ];
    for (const text of cases) expect(only(text)).toMatch(/too deeply|too many/);
  });
  it('a file over 2,000,000 characters gets one message at once', () => {
    const text = body('x = 1;'.repeat(400_000));
    expect(errors(text)).toEqual([
      `1:1: the scenario has ${text.length} characters; a scenario may have at most 2000000 (2 MB): split it, or generate fewer threads or statements`,
    ]);
  });
  it('80,000 uncalled functions: at most 100 warnings', () => {
    const fns = Array.from({ length: 80_000 }, (_, i) => `void g${i}(void) { }`).join('\n');
    const r = compileScenario(`${HEAD}${fns}\nvoid t(void) { }\n`);
    expect(r.ok).toBe(true);
    expect(r.diagnostics.length).toBe(100);
  });
});

describe('header size', () => {
  it('20,000 disjoint regions compile; an overlap among them is found and named', () => {
    const regions = Array.from(
      { length: 20000 },
      (_, i) => `0x${(0x100000 + i * 0x1000).toString(16)}/12`,
    );
    const ok = compileScenario(
      `// @scenario s\n// @title t\n// @teaches t\n// @space a ${regions.join(' ')}\n// @thread t space=a\nvoid t(void) { }\n`,
    );
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(ok.scenario.spaces[0]?.regions).toHaveLength(20000);
    const clash = [...regions, '0x100000/16'].join(' ');
    expect(
      errors(
        `// @scenario s\n// @title t\n// @teaches t\n// @space a ${clash}\n// @thread t space=a\nvoid t(void) { }\n`,
      ),
    ).toEqual([
      `4:${13 + regions.join(' ').length + 1}: region 0x100000/16 overlaps region 1 of space 'a'`,
    ]);
  });
  it('regions reported in file order: the later of two overlapping regions is the error', () => {
    const text = (r: string) =>
      `// @scenario s\n// @title t\n// @teaches t\n// @space a ${r}\n// @thread t space=a\nvoid t(void) { }\n`;
    expect(errors(text('0x180000/12 0x100000/20'))).toEqual([
      "4:25: region 0x100000/20 overlaps region 1 of space 'a'",
    ]);
    expect(errors(text('0x100000/20 0x200000/12 0x101000/12'))).toEqual([
      "4:37: region 0x101000/12 overlaps region 1 of space 'a'",
    ]);
  });
});

describe('line endings', () => {
  it('CR-only and CRLF files are read as lines, with the same line numbers as LF', () => {
    const lf = `${HEAD}void t(void)\n{\n  L4_Yield();\n  y = 1;\n}\n`;
    const want = ["9:3: unknown identifier 'y'"];
    expect(errors(lf)).toEqual(want);
    expect(errors(lf.replace(/\n/g, '\r'))).toEqual(want);
    expect(errors(lf.replace(/\n/g, '\r\n'))).toEqual(want);
  });
});
