import { describe, expect, it } from 'vitest';
import { BUILTIN_FILES } from '../../scenarios/builtinFiles';
import { findScenario } from '../../scenarios/builtins';
import { defaultCatalog } from '../defaultCatalog';
import { manualScheduler, memoryLocation } from '../ports';
import { createSession } from '../session';
import { inProcessRunner } from './inProcess';
import type { RunnerPort } from './protocol';

function lessonText(id: string): string {
  const text = findScenario(id)?.source;
  if (text === undefined) throw new Error(`no lesson ${id}`);
  return text;
}

/** A runner that clones what crosses it, as postMessage does, and counts the runs. */
function clonedRunner(): RunnerPort & { runs: number } {
  const inner = inProcessRunner(BUILTIN_FILES);
  const port = {
    runs: 0,
    async run(request: Parameters<RunnerPort['run']>[0]) {
      port.runs++;
      return structuredClone(await inner.run(structuredClone(request)));
    },
  };
  return port;
}

function session(runner: RunnerPort) {
  const s = createSession({
    loadCatalog: () => Promise.resolve(defaultCatalog.withRunner(runner)),
    scheduler: manualScheduler(),
    location: memoryLocation('?scenario=call-reply'),
  });
  return s;
}

describe('texts run through the runner port (the page puts a Web Worker behind it)', () => {
  it('gives the same frames as the lesson opened on this thread, after a structured clone', async () => {
    const runner = clonedRunner();
    const s = session(runner);
    await s.settled();
    const builtin = s.store.getState().source;
    const result = await s.openText(lessonText('memory-alloc-free'), {
      id: 'draft',
      path: 'lessons/memory-alloc-free.c',
    });
    expect(result.ok).toBe(true);
    expect(runner.runs).toBe(1);
    const source = s.store.getState().source;
    expect(source?.recording).toBeFalsy();
    expect(source?.frame(source.length - 1).outcome.kind).toBe('idle');
    const local = await defaultCatalog.open('memory-alloc-free');
    if (!local.ok || source === null || source === undefined) throw new Error('did not open');
    let full = local;
    while (full.more !== null) full = { ...full, ...full.more(100_000) };
    expect(source.length).toBe(full.source.length);
    for (const i of [0, 1, 31, 32, 33, 77, source.length - 1]) {
      expect(source.frame(i)).toEqual(full.source.frame(i));
    }
    expect(builtin).not.toBe(source);
    s.dispose();
  });

  it('a text that does not compile comes back with its diagnostics; the last good run stays', async () => {
    const s = session(clonedRunner());
    await s.settled();
    await s.openText(lessonText('call-reply'), { id: 'draft', path: 'lessons/call-reply.c' });
    s.store.getState().seek(3);
    const good = s.store.getState().source;
    const broken = lessonText('call-reply').replace('L4_LoadMR(1, a + b);', 'L4_LoadMR(1, a + );');
    const result = await s.openText(broken, { id: 'draft', path: 'lessons/call-reply.c', step: 3 });
    expect(result.ok).toBe(false);
    expect(result.diagnostics?.[0]).toMatchObject({
      file: 'lessons/call-reply.c',
      severity: 'error',
    });
    expect(result.diagnostics?.[0]?.endColumn).toBeGreaterThan(
      result.diagnostics?.[0]?.column ?? 0,
    );
    expect(s.store.getState().source).toBe(good);
    expect(s.store.getState().cursor).toBe(3);
    s.dispose();
  });

  it('keeps the step when the new run has it, and says when a run hits the step cap', async () => {
    const s = session(clonedRunner());
    await s.settled();
    const text = lessonText('memory-alloc-free');
    await s.openText(text, { id: 'draft', step: 40, path: 'lessons/memory-alloc-free.c' });
    expect(s.store.getState().cursor).toBe(40);
    const capped = await s.openText(text, {
      id: 'draft',
      step: 40,
      maxSteps: 20,
      path: 'lessons/memory-alloc-free.c',
    });
    expect(capped.ok && capped.capped).toBe(true);
    expect(s.store.getState().cursor).toBe(20);
    expect(s.store.getState().notice).toMatch(/step cap \(20 steps\)/);
    s.dispose();
  });
});
