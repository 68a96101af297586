import { describe, expect, it } from 'vitest';
import { LESSONS } from '../scenarios/catalog';
import { lessonSource } from './testSupport/lessonSource';

/** The code of a line without comment and spaces, as a narration that copies it would hold it. */
function code(line: string): string {
  return line.replace(/\/\/.*$/, '').trim();
}

describe('narration of user statements', () => {
  it('memory-alloc-free: no step is narrated "runs line N"', () => {
    const src = lessonSource('memory-alloc-free');
    const plain = [];
    for (let i = 1; i < src.length; i++)
      if (/runs line \d+/.test(src.frame(i).narration)) plain.push(i);
    expect(plain).toEqual([]);
  });

  it('says what a statement did: MRs stored into a field, a condition, a helper result', () => {
    const src = lessonSource('memory-alloc-free');
    const all = Array.from({ length: src.length }, (_, i) => src.frame(i).narration);
    expect(all).toContain('app (in memory_call) stores MR1 (0x10000100) into rep.addr.');
    expect(all).toContain(
      "app's L4_Call returns; app sets tag = 1; the condition `L4_IpcFailed(tag) || L4_UntypedWords(tag) != 1` is false, so app skips the error branch.",
    );
    expect(all.some((n) => n.startsWith("memserver's heap_alloc(0x200) returns 0x10000100"))).toBe(
      true,
    );
    expect(all).toContain(
      'app calls memory_call(server = memserver (0x10200000001), op = MEM_ALLOC (0), size = 0x100, addr = 0).',
    );
  });

  it('no narration of any lesson merely repeats the source line', () => {
    for (const lesson of LESSONS) {
      const src = lessonSource(lesson.id);
      const lines = src.sourceText.split('\n');
      for (let i = 1; i < src.length; i++) {
        const n = src.frame(i).narration;
        const at = /line (\d+)/.exec(n);
        const line = at ? code(lines[Number(at[1]) - 1] ?? '') : '';
        expect(n, `${lesson.id} step ${i}`).not.toMatch(/runs line \d+: /);
        if (line.length > 12) expect(n.includes(line), `${lesson.id} step ${i}: ${n}`).toBe(false);
      }
    }
  });

  it('a lesson note after a blocking call shows in the step in which the kernel ends the call', () => {
    const src = lessonSource('map-grant');
    const map = Array.from({ length: src.length }, (_, i) => i).find((i) =>
      /maps 1 region/.test(src.frame(i).narration),
    );
    expect(map).toBeDefined();
    expect(src.frame(map ?? 0).note).toMatch(/^The map item arrived/);
    expect(src.frame((map ?? 0) + 1).note).toBeNull();
  });

  it('scheduler-as-written: the yield is explained, and the end says who waits for whom', () => {
    const src = lessonSource('scheduler-as-written');
    const all = Array.from({ length: src.length }, (_, i) => src.frame(i).narration);
    expect(all).toContain(
      'scheduler calls L4_ThreadSwitch(editor), but editor is blocked waiting for a reply from scheduler: ThreadSwitch only hands the CPU to a runnable thread and never ends an IPC, so this is just a yield.',
    );
    expect(all.at(-1)).toBe(
      'Deadlock: editor, compiler and player wait for a reply from scheduler, which waits in an open receive for a sender that will never come; no thread can ever run again.',
    );
    expect(all.some((n) => /editor runs; editor was queued/.test(n))).toBe(false);
  });

  it('a thread that returns normally has finished', () => {
    const src = lessonSource('call-reply');
    const all = Array.from({ length: src.length }, (_, i) => src.frame(i).narration);
    expect(all.some((n) => n.startsWith('adder has finished: its function returned'))).toBe(true);
    expect(all.at(-1)).toBe('Every thread has finished.');
  });
});
