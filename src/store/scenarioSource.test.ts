import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recordTrace } from '../kernel/index';
import { findScenario } from '../scenarios/builtins';
import { runBuiltin } from '../scenarios/index';
import { chartSlice } from './chartHistory';
import { functionBlocks, labelDefines } from './codeBlocks';
import { scenarioSource } from './scenarioSource';
import type { FrameSource } from './viewModel';

function open(id: string): FrameSource {
  const lesson = findScenario(id);
  if (!lesson) throw new Error(`no lesson ${id}`);
  const run = runBuiltin(lesson);
  if (!run.ok) throw new Error(run.diagnostics.map((d) => d.message).join('; '));
  return scenarioSource(run, { protocols: lesson.protocols });
}

function firstFrame(src: FrameSource, test: (i: number) => boolean): number {
  for (let i = 0; i < src.length; i++) if (test(i)) return i;
  throw new Error('no such frame');
}

describe('scenarioSource on the built-in lessons', () => {
  it('memory-alloc-free: the request lands in memserver named op / size / addr, then app owns a block', () => {
    const src = open('memory-alloc-free');
    const call = firstFrame(src, (i) =>
      src.summary(i).messages.some((m) => m.from === 'app' && m.to === 'memserver'),
    );
    const server = src.frame(call).threads.find((t) => t.name === 'memserver');
    expect(server?.registers.fieldNames).toEqual(['op', 'size', 'addr']);
    expect(server?.registers.mrs.slice(1, 4)).toEqual([0n, 0x100n, 0n]);
    const allocated = firstFrame(src, (i) => (src.frame(i).heap?.blocks.length ?? 0) > 0);
    expect(allocated).toBeGreaterThan(call);
    expect(src.frame(allocated).heap?.blocks[0]).toEqual({
      start: 0x10000000n,
      size: 0x100n,
      owner: 'app',
    });
    expect(src.frame(0).heap).toMatchObject({
      server: 'memserver',
      base: 0x10000000n,
      size: 0x1000n,
      blocks: [],
    });
  });

  it('memory-alloc-free: app running inside memory_call shows that helper, and the lesson notes come through', () => {
    const src = open('memory-alloc-free');
    const inHelper = firstFrame(src, (i) => {
      const app = src.frame(i).threads.find((t) => t.name === 'app');
      const own = src.meta.threads.find((t) => t.name === 'app');
      return (
        !!app?.currentLine &&
        !!own &&
        (app.currentLine < own.firstLine || app.currentLine >= own.firstLine + own.lines.length)
      );
    });
    const line = src.frame(inHelper).threads.find((t) => t.name === 'app')?.currentLine ?? 0;
    const helper = src.meta.functions?.find(
      (f) => line >= f.firstLine && line < f.firstLine + f.lines.length,
    );
    expect(helper?.name).toMatch(/^memory_(call|alloc|free)$/);
    expect(firstFrame(src, (i) => src.frame(i).note !== null)).toBeGreaterThanOrEqual(0);
  });

  it('deadlock: the last frame names the wait-for cycle', () => {
    const src = open('deadlock');
    const outcome = src.frame(src.length - 1).outcome;
    expect(outcome.kind).toBe('deadlock');
    expect(outcome.kind === 'deadlock' ? [...outcome.cycle].sort() : []).toEqual(['alice', 'bob']);
  });

  it('timeouts: a failed IPC is marked on the chart, with E set and the ErrorCode decoded', () => {
    const src = open('timeouts');
    const slice = chartSlice(src, src.length - 1, 60);
    expect(slice.messages.some((m) => m.failed && m.error?.includes('timeout'))).toBe(true);
    const failed = firstFrame(src, (i) =>
      src.frame(i).threads.some((t) => t.registers.errorCode !== null),
    );
    const t = src.frame(failed).threads.find((x) => x.registers.errorCode !== null);
    expect((t?.registers.tag.flags ?? 0) & 8).toBe(8);
    expect(t?.registers.errorCode?.description).toBe('timeout');
  });

  it('every built-in lesson opens and every frame can be built', () => {
    for (const id of [
      'rendezvous-receiver-first',
      'call-reply',
      'server-loop',
      'scheduler',
      'new-service',
      'map-grant',
    ]) {
      const src = open(id);
      for (let i = 0; i < src.length; i += Math.max(1, Math.floor(src.length / 25))) {
        expect(src.frame(i).threads.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('codeBlocks', () => {
  it('finds top-level functions with K&R or same-line braces, skipping comments and prototypes', () => {
    const text = [
      'int f(void);',
      '/* void g(void) { */',
      'void a(void)',
      '{',
      '  if (x) {',
      '  }',
      '}',
      'int b(int n) {',
      '  return n; // }',
      '}',
    ].join('\n');
    expect(functionBlocks(text).map((b) => [b.name, b.firstLine, b.lines.length])).toEqual([
      ['a', 3, 5],
      ['b', 8, 3],
    ]);
  });

  it('reads #define …LABEL values in hex or decimal', () => {
    expect(labelDefines('#define ADD_LABEL 0xadd\n#define MEM_LABEL 0\n#define OTHER 5')).toEqual(
      new Map([
        [0xaddn, 'ADD_LABEL'],
        [0n, 'MEM_LABEL'],
      ]),
    );
  });
});

describe('listings number lines as their files do', () => {
  it('a server included by a lesson keeps the line numbers of src/servers/', () => {
    const source = open('scheduler-as-written');
    const server = source.meta.threads.find((t) => t.name === 'scheduler');
    if (!server?.numbers) throw new Error('no numbers for the scheduler');
    const file = readFileSync('src/servers/scheduler_as_written.c', 'utf8').split('\n');
    const head = server.numbers[0] ?? 0;
    expect(file[head - 1]).toBe(server.lines[0]);
    expect(head).toBeLessThan(server.firstLine);
  });
});

describe('lines are named as the listing numbers them', () => {
  /** The number the listing shows for compiled line `line`. */
  function listed(src: FrameSource, line: number): number | undefined {
    for (const b of [...src.meta.threads, ...(src.meta.functions ?? [])]) {
      const i = line - b.firstLine;
      if (i >= 0 && i < b.lines.length) return b.numbers?.[i] ?? line;
    }
    return undefined;
  }

  it('memory-alloc-free: the variables frame of the included memory_call says its file line, the ▶ line', () => {
    const src = open('memory-alloc-free');
    const innermost = (i: number) => src.variables?.(i, 'app')?.frames.at(-1);
    const inHelper = firstFrame(src, (i) => innermost(i)?.fn === 'memory_call');
    const app = src.frame(inHelper).threads.find((t) => t.name === 'app');
    const top = innermost(inHelper);
    expect(app?.currentLine).not.toBeNull();
    const shown = listed(src, app?.currentLine ?? 0);
    // The helper comes from servers/memory_client.c: its own numbering differs from the compiled one.
    expect(shown).not.toBe(app?.currentLine);
    expect(top?.line).toBe(shown);
  });

  it('memory-alloc-free: every "line N" of the narration is a number some listing shows for that thread', () => {
    const src = open('memory-alloc-free');
    const numbers = new Set(
      [...src.meta.threads, ...(src.meta.functions ?? [])].flatMap((b) =>
        b.lines.map((_, i) => b.numbers?.[i] ?? b.firstLine + i),
      ),
    );
    let named = 0;
    for (let i = 1; i < src.length; i++) {
      for (const m of src.frame(i).narration.matchAll(/\bline (\d+)/g)) {
        named++;
        expect(numbers.has(Number(m[1])), `${i}: ${src.frame(i).narration}`).toBe(true);
      }
    }
    expect(named).toBeGreaterThan(0);
  });
});

describe('registers after L4_Unmap', () => {
  it('map-unmap-recursive: MR0 holds the fpage Unmap gave back, not a message tag, until a is done', () => {
    const src = open('map-unmap-recursive');
    const unmapped = firstFrame(src, (i) => src.summary(i).cues?.includes('unmapped') ?? false);
    const unmap = firstFrame(
      src,
      (i) => src.frame(i).threads.find((t) => t.name === 'a')?.registers.fpages !== undefined,
    );
    expect(unmap).toBeLessThanOrEqual(unmapped);
    const a = src.frame(unmap).threads.find((t) => t.name === 'a');
    expect(a?.registers.fpages).toEqual({ count: 1, by: 'L4_Unmap' });
    expect(a?.registers.typed?.[0]).toBe('fpage 0x100000, 4 KB, accessed ---');
    expect([a?.registers.tag.u, a?.registers.tag.t]).toEqual([0, 0]);
    expect(a?.registers.fieldNames).toBeUndefined();
    // Before the unmap, a's MR0 was a message tag.
    const before = src.frame(unmap - 1).threads.find((t) => t.name === 'a');
    expect(before?.registers.fpages).toBeUndefined();
  });

  it('a run recorded in parts decodes the fpages in every part as the whole run does', () => {
    const lesson = findScenario('map-unmap-recursive');
    if (!lesson) throw new Error('no lesson');
    const run = runBuiltin(lesson);
    if (!run.ok) throw new Error('does not compile');
    const whole = scenarioSource(run, { protocols: lesson.protocols });
    const fpagesOf = (src: FrameSource, i: number) =>
      src.frame(i).threads.map((t) => t.registers.fpages ?? null);
    // Parts of 3 steps, each a longer trace of the same run (as a recording in parts makes them).
    let trace = recordTrace(run.trace.frameAt(0).world, run.programs, 3);
    const parts: FrameSource[] = [];
    for (;;) {
      parts.push(scenarioSource({ ...run, trace }, { protocols: lesson.protocols }));
      if (trace.length >= run.trace.length) break;
      trace = trace.extend(3);
    }
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts)
      for (let i = 0; i < part.length; i++) expect(fpagesOf(part, i)).toEqual(fpagesOf(whole, i));
    const last = parts[parts.length - 1] as FrameSource;
    expect(last.length).toBe(whole.length);
    expect(Array.from({ length: last.length }, (_, i) => fpagesOf(last, i)).flat()).toContainEqual({
      count: 1,
      by: 'L4_Unmap',
    });
  });

  it('a thread that returns from its function is "finished", not halted by a fault', () => {
    const src = open('map-unmap-recursive');
    const end = src.frame(src.length - 1).threads;
    for (const t of end) {
      expect(t.stateLabel).toBe('finished');
      expect(t.finished).toBe(true);
      expect(t.halted).toBe('reached the end of its code');
    }
  });
});
