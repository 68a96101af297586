import { describe, expect, it } from 'vitest';
import { HEADER_HELP, HEADER_KEYS } from '../../lang';
import { BUILTIN_FILES } from '../../scenarios/builtinFiles';
import { changedFrom, extraFiles, tabsOf, withFile } from './workspace';

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
