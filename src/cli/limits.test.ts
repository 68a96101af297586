// The CLI under hostile input: files that never end or are not text, control characters, internal
// errors, and a long run streamed rather than held (docs/reliability.md).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { internalError, runCli } from './runCli';

const dir = mkdtempSync(join(tmpdir(), 'rendezvous-limits-'));
const file = (name: string, content: string | Uint8Array): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const oneLine = (stderr: string) => expect(stderr.trimEnd().split('\n')).toHaveLength(1);

describe('files that are not scenario text', () => {
  it('a named pipe, /dev/zero and /dev/urandom: a one-line reason at once, exit 2', () => {
    const fifo = join(dir, 'pipe.c');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    for (const path of [fifo, '/dev/zero', '/dev/urandom']) {
      for (const command of ['check', 'run']) {
        const r = runCli([command, path]);
        expect(r.stderr).toBe(
          `cannot read '${path}': it is not a regular file (a pipe, a socket or a device)\n`,
        );
        expect(r.code).toBe(2);
      }
    }
  });
  it('bytes that are not UTF-8: where the first one is', () => {
    const path = file('latin1.c', Buffer.from('// @scenario x\n// caf\xe9\n', 'latin1'));
    expect(runCli(['check', path])).toEqual({
      stdout: '',
      stderr: `cannot read '${path}': it is not UTF-8 text (byte 0xe9 at line 2, column 7)\n`,
      code: 2,
    });
  });
  it('a directory', () => {
    expect(runCli(['check', dir]).stderr).toBe(`cannot read '${dir}': it is a directory\n`);
  });
});

describe('control characters never reach the terminal raw', () => {
  it('an ESC sequence in a file is echoed escaped in the message', () => {
    const path = file('esc.c', '// @scenario x\x1b[2J\n');
    const r = runCli(['check', path]);
    expect(r.code).toBe(1);
    expect(r.stderr.includes('\x1b')).toBe(false);
    expect(r.stderr).toContain('\\x1b[2J');
    // stdout is JSON: the escape is \u001b there, and the JSON parses to the same message.
    expect(r.stdout.includes('\x1b')).toBe(false);
    expect(JSON.stringify(JSON.parse(r.stdout))).toContain('\\u001b[2J');
  });
  it('in an argument: ESC, CR, C1 CSI and a right-to-left override', () => {
    const r = runCli(['decode', 'msgtag', '\x1b]0;owned\x07\r\x9b31m\u202e']);
    expect(r.code).toBe(2);
    expect([...r.stderr].filter((c) => c < ' ' && c !== '\n')).toEqual([]);
    expect(r.stderr).not.toMatch(/[\u007f-\u009f\u202e]/);
    expect(r.stderr).toContain('\\x1b]0;owned\\x07\\x0d\\x9b31m\\u{202e}');
    oneLine(r.stderr);
  });
  it('in a streamed trace (a note with C1 and bidi controls): escaped, and the JSON is the same', () => {
    const path = file(
      'note.c',
      '// @scenario x\n// @title t\n// @teaches t\n// @space a\n// @thread t space=a\nvoid t(void) {\n  //! look \u009b\u202e here\n  L4_Yield();\n}\n',
    );
    const r = runCli(['run', path]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[\u007f-\u009f\u202e]/);
    const trace = JSON.parse(r.stdout) as { events: { kind: string; text?: string }[] };
    expect(trace.events.find((e) => e.kind === 'narrate')?.text).toBe('look \u009b\u202e here');
  });
});

describe('internal errors', () => {
  it('are one line and exit 2, never 1 (the "scenario has errors" code), never a stack', () => {
    const error = new Error('boom\n    at secret (/src/x.ts:1:1)');
    expect(internalError(error)).toEqual({ stdout: '', stderr: 'internal error: boom\n', code: 2 });
    expect(internalError('x'.repeat(5000)).stderr).toHaveLength('internal error: '.length + 202);
  });
  it('the real process: a closed pipe (| head) ends quietly, exit 0, no stack on stderr', () => {
    const path = file(
      'yield.c',
      '// @scenario y\n// @title t\n// @teaches t\n// @space a\n// @thread t space=a\nvoid t(void) { for (;;) { L4_Yield(); } }\n',
    );
    const r = spawnSync(
      'sh',
      ['-c', `npx tsx src/cli/main.ts run ${path} --max-steps 200000 | head -c 100 >/dev/null`],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 120_000);
  it('the real process: a full disk (stdout to /dev/full): one line, exit 2, no stack', () => {
    const r = spawnSync('sh', ['-c', 'npx tsx src/cli/main.ts run call-reply >/dev/full'], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.stderr).toMatch(/^internal error: ENOSPC[^\n]*\n$/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status).toBe(2);
  }, 120_000);
});

describe('one rule for a number of steps', () => {
  it('-1, 1e20, 100,000 nines, Infinity and NaN as --max-steps: the same one-line reason, exit 2', () => {
    const said = new Set<string>();
    for (const text of ['-1', '1e20', '9'.repeat(100_000), 'Infinity', 'NaN', '0x10', '1.5']) {
      const r = runCli(['run', 'deadlock', '--max-steps', text]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      oneLine(r.stderr);
      // The value is quoted (at most 100 characters of it); the rule after it is the same.
      expect(r.stderr).toContain(`'${text.slice(0, 99)}`);
      expect(r.stderr.length).toBeLessThan(200);
      said.add(r.stderr.replace(/'[^']*'/, "'…'"));
    }
    expect([...said]).toEqual([
      "bad --max-steps '…' (a whole number of steps from 1 to 10000000)\n",
    ]);
  });
});

describe('a long run is streamed', () => {
  it('20,000 steps reach the sink in chunks of about 64 KB, and parse as one trace', () => {
    const path = file(
      'loop.c',
      '// @scenario y\n// @title t\n// @teaches t\n// @space a\n// @thread t space=a\nvoid t(void) { for (;;) { L4_Yield(); } }\n',
    );
    const chunks: string[] = [];
    const r = runCli(['run', path, '--max-steps', '20000'], undefined, (c) => chunks.push(c));
    expect(r).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(chunks.length).toBeGreaterThan(50);
    for (const c of chunks) expect(c.length).toBeLessThan(70_000);
    const trace = JSON.parse(chunks.join('')) as { steps: number; outcome: string };
    expect(trace).toMatchObject({ steps: 20000, outcome: 'max-steps' });
  }, 60_000);
});

describe('encode parameters are a Map', () => {
  it('__proto__=1 and constructor=1 are unknown keys, not properties', () => {
    for (const key of ['__proto__', 'constructor', 'toString']) {
      const r = runCli(['encode', 'msgtag', 'label=1', 'u=1', 't=0', 'flags=0', `${key}=1`]);
      expect(r).toEqual({
        stdout: '',
        stderr: `msgtag: unknown key '${key}' (keys: label, u, t, flags)\n`,
        code: 2,
      });
    }
  });
});
