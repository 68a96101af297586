import { describe, expect, it } from 'vitest';
import { HEADER_HELP, HEADER_KEYS } from '../lang';
import { BUILTIN_FILES } from './builtinFiles';
import { changedFrom, extraFiles, fromFile, newScenario, tabsOf, withFile } from './workspace';

const path = 'lessons/memory-alloc-free.c';

describe('the editor workspace', () => {
  it('has a tab per included file, built-ins read-only until forked', () => {
    const ws = { path, own: { [path]: BUILTIN_FILES[path] ?? '' } };
    const tabs = tabsOf(ws, BUILTIN_FILES);
    expect(tabs.map((t) => [t.path, t.readOnly])).toEqual([
      [path, false],
      ['servers/memory.c', true],
      ['servers/memserver.c', true],
    ]);
    expect(changedFrom(ws, BUILTIN_FILES)).toBe(false);
    const forked = withFile(ws, 'servers/memserver.c', '/* mine */\n');
    expect(tabsOf(forked, BUILTIN_FILES)[2]).toEqual({
      path: 'servers/memserver.c',
      text: '/* mine */\n',
      readOnly: false,
    });
    expect(extraFiles(forked)).toEqual({ 'servers/memserver.c': '/* mine */\n' });
    expect(changedFrom(forked, BUILTIN_FILES)).toBe(true);
  });

  it('has help for every header line the language reads', () => {
    expect(Object.keys(HEADER_HELP).sort()).toEqual([...HEADER_KEYS].sort());
  });
});

describe('new scenarios', () => {
  it('start from the template or a copy of a lesson, under a key no draft has', () => {
    const t = newScenario(null, ['my-scenario']);
    expect(t.key).toBe('my-scenario-2');
    expect(t.workspace.own['my-scenario-2.c']).toContain('// @scenario my-scenario-2');
    const lesson = BUILTIN_FILES['lessons/call-reply.c'] ?? '';
    const c = newScenario({ id: 'call-reply', text: lesson }, []);
    expect(c.workspace.path).toBe('call-reply-copy.c');
    expect(c.workspace.own['call-reply-copy.c']).toContain('// @scenario call-reply-copy');
    expect(c.workspace.own['call-reply-copy.c']).toContain('L4_LoadMR(1, a + b);');
  });

  it('take a file from disk under its own name', () => {
    expect(fromFile('C:\\work\\ping pong.c', 'x', []).workspace).toEqual({
      path: 'ping-pong.c',
      own: { 'ping-pong.c': 'x' },
    });
    expect(fromFile('draft.c', 'x', ['draft']).key).toBe('draft-2');
  });
});
