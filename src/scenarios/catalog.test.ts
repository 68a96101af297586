import { describe, expect, it } from 'vitest';
import { ABIS } from '../kernel/abi/word';
import { buildCatalog, CatalogError } from './catalog';
import { readBuiltinFiles } from '../cli/builtinFiles';
import { BUILTIN_FILES } from './builtinFiles';
import { BUILTIN_SCENARIOS, findScenario } from './builtins';
import { BUILTIN_IDS } from './index';

const COURSE_IDS = [
  'rendezvous-receiver-first',
  'rendezvous-sender-first',
  'call-reply',
  'server-loop',
  'memory-alloc-free',
  'scheduler',
  'scheduler-as-written',
  'new-service',
  'useripc-fastpath',
  'timeouts',
  'stale-thread-id',
  'deadlock',
  'map-grant',
  // Cap'n Proto over L4 IPC (docs/capnp.md).
  'capnp-call',
  'capnp-large',
  'capnp-pipelined',
  'capnp-exception',
];

describe('the built-in registry', () => {
  it('has exactly the course lesson ids, in course order', () => {
    expect(BUILTIN_SCENARIOS.map((s) => s.id)).toEqual(COURSE_IDS);
    expect(BUILTIN_IDS).toEqual(COURSE_IDS);
  });

  it('has a lesson file for every id and no file without an id', () => {
    const lessons = Object.keys(BUILTIN_FILES).filter((p) => p.startsWith('lessons/'));
    expect(lessons.sort()).toEqual(COURSE_IDS.map((id) => `lessons/${id}.c`).sort());
  });

  it('reads title, teaches and ABI from each file header', () => {
    const s = findScenario('call-reply');
    expect(s?.title).toBe('Call and reply');
    expect(s?.abi).toBe('amd64');
    expect(s?.source.startsWith('// @scenario call-reply\n')).toBe(true);
    expect(s?.teaches).toMatch(/^L4_Call is a send and a closed receive/);
    for (const b of BUILTIN_SCENARIOS) expect(ABIS).toContain(b.abi);
  });

  it('names the protocols of the server lessons', () => {
    expect(findScenario('memory-alloc-free')?.protocols.map((p) => p.id)).toEqual(['memory']);
    expect(findScenario('scheduler')?.protocols.map((p) => p.id)).toEqual(['scheduler']);
    expect(findScenario('new-service')?.protocols.map((p) => p.id)).toEqual(['kv']);
    expect(findScenario('deadlock')?.protocols).toEqual([]);
  });

  it('finds nothing for an unknown id', () => {
    expect(findScenario('no-such-lesson')).toBeUndefined();
  });

  it('is the same whether loaded by Vite (?raw) or from disk (the CLI under tsx)', () => {
    expect(readBuiltinFiles()).toEqual(BUILTIN_FILES);
    expect(buildCatalog(readBuiltinFiles())).toEqual(BUILTIN_SCENARIOS);
  });

  it('refuses a missing file or a header that does not match its id', () => {
    const { 'lessons/deadlock.c': gone, ...missing } = BUILTIN_FILES;
    expect(() => buildCatalog(missing)).toThrow(new CatalogError('lessons/deadlock.c is missing'));
    const wrong = {
      ...BUILTIN_FILES,
      'lessons/deadlock.c': (gone ?? '').replace('@scenario deadlock', '@scenario other'),
    };
    expect(() => buildCatalog(wrong)).toThrow(
      /lessons\/deadlock.c: the header needs @scenario deadlock/,
    );
  });
});
