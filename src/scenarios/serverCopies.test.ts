import { describe, expect, it } from 'vitest';
import { readServerSources } from './nodeSources';
import { BUILTIN_SCENARIOS } from './index';
import { copyBody, fillServerCopies, findServerCopies } from './serverCopies';

const sources = readServerSources();

describe('server copies in the lessons equal their canonical sources in src/servers', () => {
  const copies = BUILTIN_SCENARIOS.flatMap((s) =>
    findServerCopies(s.source).map((c) => [s.id, c.path, c.body] as const),
  );

  it('the lessons that use a server carry it', () => {
    const used = new Set(copies.map(([id, path]) => `${id}:${path}`));
    for (const want of [
      'memory-alloc-free:src/servers/memory.c',
      'memory-alloc-free:src/servers/memserver.c',
      'scheduler:src/servers/sched_client.c',
      'scheduler:src/servers/scheduler.c',
      'scheduler-as-written:src/servers/sched_client.c',
      'scheduler-as-written:src/servers/scheduler_as_written.c',
      'new-service:src/servers/kvstore.c',
    ]) {
      expect(used).toContain(want);
    }
  });

  it.each(copies)('%s: %s', (_id, path, body) => {
    const source = sources[path];
    expect(source, `${path} exists`).toBeDefined();
    expect(body, 'run `npx tsx src/scenarios/syncServers.ts`').toBe(copyBody(source ?? ''));
  });
});

describe('fillServerCopies / findServerCopies', () => {
  const lesson = [
    'void a(void) {}',
    '// ---- begin src/servers/x.c ----',
    'old text',
    '// ---- end src/servers/x.c ----',
    'void b(void) {}',
  ].join('\n');

  it('replaces the text between the markers and keeps the rest', () => {
    const filled = fillServerCopies(lesson, { 'src/servers/x.c': 'new\ntext\n' });
    expect(filled.split('\n')).toEqual([
      'void a(void) {}',
      '// ---- begin src/servers/x.c ----',
      'new',
      'text',
      '// ---- end src/servers/x.c ----',
      'void b(void) {}',
    ]);
    expect(findServerCopies(filled)).toEqual([
      { path: 'src/servers/x.c', body: 'new\ntext', line: 2 },
    ]);
  });

  it('reports a missing end marker or a missing source', () => {
    expect(() => findServerCopies('// ---- begin src/servers/x.c ----\nx')).toThrow(
      "line 1: '// ---- end src/servers/x.c ----' is missing",
    );
    expect(() => fillServerCopies(lesson, {})).toThrow('no source for src/servers/x.c');
  });
});
