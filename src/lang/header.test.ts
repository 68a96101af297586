import { describe, expect, it } from 'vitest';
import { Diagnostics } from './diagnostic';
import { parseHeader } from './header';
import { lex } from './lexer';
import { compileScenario } from './scenario';

function header(src: string) {
  const diags = new Diagnostics();
  const h = parseHeader(lex(src, diags).headers, diags);
  return { h, errors: diags.list.map((d) => `${d.line}:${d.column}: ${d.message}`) };
}

describe('scenario header', () => {
  it('reads every header line', () => {
    const { h, errors } = header(`// @scenario map-grant
// @title Map and grant
// @abi ia32
// @teaches A map item lends a page.
// @space apps
// @space mem 0x100000/20 rwx 0x400000/12 r-x 0x800000/16
// @thread client space=apps priority=100
// @thread memserver space=mem priority=150 threadno=0x42 version=3
// @heap memserver 0x10000000 0x10000
`);
    expect(errors).toEqual([]);
    expect(h).toMatchObject({
      id: 'map-grant',
      title: 'Map and grant',
      abi: 'ia32',
      teaches: 'A map item lends a page.',
    });
    expect(h.spaces[1]?.regions).toEqual([
      { base: 0x100000n, sizeLog2: 20, rights: 7 },
      { base: 0x400000n, sizeLog2: 12, rights: 5 },
      { base: 0x800000n, sizeLog2: 16, rights: 7 },
    ]);
    expect(h.threads[1]).toMatchObject({
      name: 'memserver',
      space: 'mem',
      priority: 150,
      threadNo: 0x42n,
      version: 3n,
    });
    expect(h.threads[0]).toMatchObject({ priority: 100, threadNo: null, version: null });
    expect(h.heaps).toEqual([
      { thread: 'memserver', pos: { line: 9, col: 10 }, base: 0x10000000n, size: 0x10000n },
    ]);
  });

  it.each([
    [
      '// @scenario two words',
      "1:14: expected a scenario id after '@scenario' (one word of letters, digits, '-' or '_'), found 'two words'",
    ],
    ['// @abi arm', "1:9: expected 'amd64' or 'ia32' after '@abi', found 'arm'"],
    ['// @title', "1:10: expected text after '@title'"],
    [
      '// @titel Hello',
      "1:4: unknown header line '@titel' (did you mean 'title'?): expected one of @scenario, @title, @abi, @teaches, @space, @thread, @heap, @timeslice, @statement, or @cue",
    ],
    ['// @scenario a\n// @scenario b', "2:4: '@scenario' is given twice (first at line 1)"],
    [
      '// @space 9lives',
      "1:11: expected an address-space name after '@space' (a C identifier, not a keyword), found '9lives'",
    ],
    [
      '// @space mem 0x100000',
      "1:15: expected a memory region 'base/log2size' (like 0x100000/20), found '0x100000'",
    ],
    ['// @space a\n// @space a', "2:11: address space 'a' is declared twice (first at line 1)"],
    ['// @thread t', "1:12: thread 't' needs an address space: add space=<name>"],
    [
      '// @thread int space=a',
      "1:12: expected a thread name after '@thread' (a C identifier, not a keyword), found 'int'",
    ],
    [
      '// @thread t space=a prio=3',
      "1:22: unknown thread property 'prio': expected space=, priority=, threadno= or version=",
    ],
    [
      '// @thread t space=a priority',
      "1:22: expected key=value (space=, priority=, threadno=, version=) in '@thread t', found 'priority'",
    ],
    ['// @thread t space=a priority=high', "1:31: expected a number for priority=, found 'high'"],
    [
      '// @thread t space=a priority=256',
      '1:31: priority 256 is out of range: L4 priorities are 0..255',
    ],
    [
      '// @thread t space=a\n// @thread t space=a',
      "2:12: thread 't' is declared twice (first at line 1)",
    ],
    [
      '// @heap srv 0x1000',
      "1:10: expected '@heap <thread> <base> <size>' (like '@heap memserver 0x10000000 0x10000')",
    ],
    ['// @heap srv 0x1000 0', '1:21: the heap size must not be 0'],
  ])('%s', (src, expected) => {
    expect(header(src).errors).toContain(expected);
  });

  it('requires header lines to come before the code', () => {
    const r = compileScenario(
      '// @scenario s\n// @space a\n// @thread t space=a\nvoid t(void) {}\n// @thread u space=a\n',
    );
    expect(r.diagnostics.map((d) => d.message)).toContain(
      "header line '@thread' must come before the code: move it to the top of the file",
    );
  });

  it('checks the header against itself', () => {
    const r = compileScenario(
      '// @title T\n// @space apps\n// @space idle\n// @thread t space=aps\n// @heap x 0x10 0x20\nvoid t(void) {}',
    );
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => `${d.line}:${d.column}: ${d.severity}: ${d.message}`)).toEqual([
      "1:1: error: missing header line '// @scenario <id>' at the top of the file",
      "1:4: warning: no '// @teaches ...' header line: say in one sentence what the scenario teaches",
      "2:11: warning: address space 'apps' has no threads",
      "3:11: warning: address space 'idle' has no threads",
      "4:20: error: unknown address space 'aps' (did you mean 'apps'?): declare it with '// @space aps'",
      "5:10: error: @heap names unknown thread 'x'",
    ]);
  });

  it('requires at least one thread', () => {
    const r = compileScenario('// @scenario s\n// @title T\n// @teaches x.\n');
    expect(r.diagnostics.map((d) => d.message)).toContain(
      "no threads: declare at least one with '// @thread <name> space=<space>'",
    );
  });
});
