import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../runCli';

const dir = mkdtempSync(join(tmpdir(), 'rendezvous-check-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const GOOD = `// @scenario hello
// @title Hello
// @abi amd64
// @teaches A send meets a receive.
// @space s
// @thread a space=s priority=120
// @thread b space=s
void a(void) { L4_MsgTag_t tag = L4_Receive(b); }
void b(void) { L4_LoadMR(0, 0); L4_Send(a); }
`;

describe('cli check', () => {
  it('accepts a good file: {"ok":true,…} and exit 0', () => {
    const result = runCli(['check', file('good.c', GOOD)]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({
      ok: true,
      scenario: 'hello',
      title: 'Hello',
      abi: 'amd64',
      threads: [
        { name: 'a', space: 's', priority: 120, id: '0x10000000001' },
        { name: 'b', space: 's', priority: 100, id: '0x10100000001' },
      ],
      warnings: 0,
    });
  });

  it('checks for another ABI with --abi', () => {
    const result = runCli(['check', file('good.c', GOOD), '--abi', 'ia32']);
    expect(JSON.parse(result.stdout)).toMatchObject({
      ok: true,
      abi: 'ia32',
      threads: [{ id: '0x400001' }, {}],
    });
  });

  it('checks every built-in lesson file', () => {
    for (const id of ['call-reply', 'memory-alloc-free', 'map-grant']) {
      const result = runCli(['check', `src/scenarios/lessons/${id}.c`]);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, scenario: id, warnings: 0 });
    }
  });

  it('reports errors as file:line:column: message lines on stderr, and exit 1', () => {
    const path = file('bad.c', GOOD.replace('L4_Send(a);', 'L4_Send(c);'));
    const result = runCli(['check', path]);
    expect(result.code).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.startsWith(`${path}:9:`)).toBe(true);
    expect(lines.some((l) => /^.*:9:\d+: .*'c'/.test(l))).toBe(true);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false });
    expect((JSON.parse(result.stdout) as { errors: number }).errors).toBe(lines.length);
  });

  it('points a syntax error at the token, saying what was expected', () => {
    const path = file('syntax.c', GOOD.replace('L4_Send(a);', 'L4_Send(a)'));
    const result = runCli(['check', path]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`${path}:9:44: expected ';' after expression, found '}'\n`);
  });

  it('shows warnings on stderr but still passes', () => {
    const result = runCli(['check', file('warn.c', GOOD.replace('// @title Hello\n', ''))]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warn\.c:1:4: warning: no '\/\/ @title \.\.\.' header line/);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, warnings: 1 });
  });

  it.each([
    [
      'missing file',
      ['check', join(dir, 'none.c')],
      `cannot read '${join(dir, 'none.c')}': no such file`,
    ],
    ['a directory', ['check', dir], `cannot read '${dir}': it is a directory`],
    ['no file', ['check'], 'check: missing scenario file'],
    ['two files', ['check', 'a.c', 'b.c'], "check takes one file, got 'b.c' too"],
    ['bad --abi', ['check', 'a.c', '--abi', 'arm'], "bad --abi 'arm' (use amd64 or ia32)"],
    [
      'unknown option',
      ['check', 'a.c', '--fast'],
      "unknown option '--fast' (the only option is --abi amd64|ia32)",
    ],
  ])('bad input (%s): a one-line reason and exit 2', (_name, args, message) => {
    expect(runCli(args)).toEqual({ stdout: '', stderr: `${message}\n`, code: 2 });
  });
});
