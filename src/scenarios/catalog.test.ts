import { describe, expect, it } from 'vitest';
import { ABIS } from '../kernel/abi/word';
import { buildCatalog, CatalogError } from './catalog';
import { BUILTIN_IDS, BUILTIN_SCENARIOS, findScenario } from './index';
import { nodeCatalog, readLessonTexts } from './nodeSources';

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
  'map-unmap-recursive',
];

describe('the built-in registry', () => {
  it('has exactly the course lesson ids, in course order', () => {
    expect(BUILTIN_SCENARIOS.map((s) => s.id)).toEqual(COURSE_IDS);
    expect(BUILTIN_IDS).toEqual(COURSE_IDS);
  });

  it('has a lesson file for every id and no file without an id', () => {
    expect(Object.keys(readLessonTexts()).sort()).toEqual([...COURSE_IDS].sort());
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
    expect(nodeCatalog()).toEqual(BUILTIN_SCENARIOS);
  });

  it('refuses a missing file or a header that does not match its id', () => {
    const texts = readLessonTexts();
    const { deadlock: _gone, ...missing } = texts;
    expect(() => buildCatalog(missing)).toThrow(new CatalogError('lessons/deadlock.c is missing'));
    const wrong = {
      ...texts,
      deadlock: (texts.deadlock ?? '').replace('@scenario deadlock', '@scenario other'),
    };
    expect(() => buildCatalog(wrong)).toThrow(
      /lessons\/deadlock.c: the header needs @scenario deadlock/,
    );
  });
});
