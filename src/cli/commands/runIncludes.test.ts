import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../runCli';

const dir = mkdtempSync(join(tmpdir(), 'rendezvous-include-'));
const lesson = readFileSync(
  new URL('../../scenarios/lessons/memory-alloc-free.c', import.meta.url),
  'utf8',
);

describe('cli run/check on a file that includes others', () => {
  it('runs a saved lesson unchanged: its #include "servers/…" reads the built-in servers', () => {
    const file = join(dir, 'draft.c');
    writeFileSync(file, lesson);
    const ran = runCli(['run', file]);
    expect(ran.stderr).toBe('');
    const builtin = runCli(['run', 'memory-alloc-free']);
    expect(ran.stdout).toBe(builtin.stdout);
  });

  it('reads a file beside it before the built-in one, and names it in a message', () => {
    const sub = join(dir, 'fork');
    mkdirSync(join(sub, 'servers'), { recursive: true });
    const server = readFileSync(new URL('../../servers/memserver.c', import.meta.url), 'utf8');
    writeFileSync(
      join(sub, 'servers', 'memserver.c'),
      server.replace('L4_ReplyWait(', 'L4_RplyWait('),
    );
    writeFileSync(join(sub, 'draft.c'), lesson);
    const checked = runCli(['check', join(sub, 'draft.c')]);
    expect(checked.code).toBe(1);
    expect(checked.stderr).toMatch(/^servers\/memserver\.c:\d+:\d+: .*L4_RplyWait/m);
  });

  it('says which include is missing, at its line', () => {
    const file = join(dir, 'missing.c');
    writeFileSync(file, lesson.replace('servers/memory.c', 'servers/nope.c'));
    const checked = runCli(['check', file]);
    expect(checked.code).toBe(1);
    expect(checked.stderr).toBe(
      `${file}:21:10: cannot find the file "servers/nope.c" to include (looked for servers/nope.c)\n`,
    );
  });
});
