import { describe, expect, it } from 'vitest';
import { compileScenario } from '../scenario';
import { endColumnAt, formatDiagnostic } from '../diagnostic';
import { endOfInclude, expandIncludes } from './expand';
import { candidatePaths, lookupIn } from './files';

const HEADER = `// @scenario inc
// @title Include
// @teaches A file may include another one, and a message names the file it is about.
// @space apps
// @thread main space=apps
`;

const HELPER = `void helper(void)
{
    L4_Yield();
}
`;

const MAIN = `${HEADER}#include "lib/helper.c"
void main(void)
{
    helper();
}
`;

describe('#include "file"', () => {
  it('puts the file in place of the directive, between the directive and an end line', () => {
    const x = expandIncludes('main.c', MAIN, lookupIn({ 'lib/helper.c': HELPER }));
    const lines = x.text.split('\n');
    expect(lines.slice(5, 11)).toEqual([
      '#include "lib/helper.c"',
      'void helper(void)',
      '{',
      '    L4_Yield();',
      '}',
      endOfInclude('lib/helper.c'),
    ]);
    expect(x.origins[6]).toEqual({ file: 'lib/helper.c', line: 1 });
    expect(x.origins[10]).toEqual({ file: 'main.c', line: 6 });
    expect(x.origins[11]).toEqual({ file: 'main.c', line: 7 });
    expect(x.files).toEqual(['main.c', 'lib/helper.c']);
    expect(x.diagnostics).toEqual([]);
  });

  it('looks beside the including file first, then from the top of the map', () => {
    expect(candidatePaths('servers/memory.c', 'lessons/x.c')).toEqual([
      'lessons/servers/memory.c',
      'servers/memory.c',
    ]);
    expect(candidatePaths('../servers/memory.c', 'lessons/x.c')).toEqual(['servers/memory.c']);
    const result = compileScenario(MAIN, {
      path: 'main.c',
      files: lookupIn({ 'lib/helper.c': HELPER }),
    });
    expect(result.ok).toBe(true);
  });

  it('reports a missing file at the directive, covering the quoted name', () => {
    const result = compileScenario(MAIN, { path: 'main.c', files: lookupIn({}) });
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toEqual([
      {
        file: 'main.c',
        line: 6,
        column: 10,
        endColumn: 24,
        severity: 'error',
        message: 'cannot find the file "lib/helper.c" to include (looked for lib/helper.c)',
      },
    ]);
  });

  it('reports a cycle instead of including forever', () => {
    const files = lookupIn({
      'a.c': '#include "b.c"\n',
      'b.c': '#include "a.c"\n',
    });
    const result = compileScenario(`${HEADER}#include "a.c"\n`, { path: 'main.c', files });
    expect(result.ok).toBe(false);
    const cycle = result.diagnostics.find((d) => d.message.includes('includes itself'));
    expect(cycle).toMatchObject({ file: 'b.c', line: 1, column: 10, endColumn: 15 });
    expect(cycle?.message).toBe('"a.c" includes itself: a.c → b.c → a.c');
  });

  it('says which file an error is in, at the line and column inside it', () => {
    const broken = HELPER.replace('L4_Yield();', 'L4_Yeild();');
    const result = compileScenario(MAIN, {
      path: 'main.c',
      files: lookupIn({ 'lib/helper.c': broken }),
    });
    expect(result.ok).toBe(false);
    const first = result.diagnostics[0];
    expect(first).toMatchObject({ file: 'lib/helper.c', line: 3, column: 5, endColumn: 13 });
    expect(
      formatDiagnostic(first ?? { line: 0, column: 0, severity: 'error', message: '' }, 'x'),
    ).toMatch(/^lib\/helper\.c:3:5: /);
  });

  it('asks for quotes around the name', () => {
    const result = compileScenario(`${HEADER}#include lib/helper.c\n`, { files: lookupIn({}) });
    expect(result.diagnostics[0]?.message).toMatch(/expected a file name in quotes after #include/);
    expect(result.diagnostics[0]).toMatchObject({ line: 6, column: 10, endColumn: 22 });
  });

  it('leaves the built-in L4 headers <l4/...> alone', () => {
    const x = expandIncludes('m.c', '#include <l4/ipc.h>\n', lookupIn({}));
    expect(x.text).toBe('#include <l4/ipc.h>\n');
    expect(x.diagnostics).toEqual([]);
  });
});

describe('end columns', () => {
  it('cover the token a message is about', () => {
    expect(endColumnAt('    L4_Yeild();', 5)).toBe(13);
    expect(endColumnAt('x = 0x1fz;', 5)).toBe(10);
    expect(endColumnAt('a <<= 2', 3)).toBe(6);
    expect(endColumnAt('s = "abc" ;', 5)).toBe(10);
    expect(endColumnAt('x', 4)).toBe(5);
  });

  it('come with every compiler message', () => {
    const result = compileScenario(`${HEADER}void main(void)\n{\n    int x = undefined_name;\n}\n`);
    expect(result.ok).toBe(false);
    const d = result.diagnostics.find((m) => m.message.includes('undefined_name'));
    expect(d).toMatchObject({ line: 8, column: 13, endColumn: 27 });
    expect(d?.file).toBeUndefined();
  });
});
