import { describe, expect, it } from 'vitest';
import { narrate } from './narrate';
import { scriptProgram } from './scriptProgram';
import { runChecked, tid } from './testKit';
import type { BootSpec, World } from './types';

const spec: BootSpec = {
  spaces: [{ name: 'C' }, { name: 'M' }],
  threads: [
    { name: 'client', space: 'C' },
    { name: 'memserver', space: 'M', priority: 200 },
  ],
};
const MEM = tid(spec, 'memserver');

function sentences(programs: Parameters<typeof runChecked>[1]): string[] {
  const run = runChecked(spec, programs);
  return run.steps.map((effects, i) => narrate(effects, run.worlds[i + 1] as World));
}

describe('narrate: one plain sentence per step', () => {
  it('a Call to a server in an open receive', () => {
    const s = sentences({
      client: scriptProgram([
        { op: 'tag', label: 0n, u: 3 },
        { op: 'ipc', wrapper: 'L4_Call', args: [MEM] },
      ]),
      memserver: scriptProgram([{ op: 'ipc', wrapper: 'L4_Wait', args: [] }]),
    });
    expect(s).toContain(
      'Client calls memserver: memserver was waiting in an open receive, so the kernel copies MR0..MR3 and switches directly to memserver; client now waits for the reply.',
    );
  });

  it('a failing Reply and the outcome', () => {
    const s = sentences({
      client: scriptProgram([]),
      memserver: scriptProgram([{ op: 'ipc', wrapper: 'L4_Reply', args: [tid(spec, 'client')] }]),
    });
    expect(s[0]).toBe(
      "Memserver replies to client: memserver's IPC fails in the send phase: timeout (ErrorCode 0x2).",
    );
    expect(s.at(-1)).toBe('Every thread has finished.');
  });

  it('a deadlock names its cycle', () => {
    const s = sentences({
      client: scriptProgram([{ op: 'ipc', wrapper: 'L4_Call', args: [MEM] }]),
      memserver: scriptProgram([{ op: 'ipc', wrapper: 'L4_Call', args: [tid(spec, 'client')] }]),
    });
    expect(s.at(-1)).toBe(
      'Deadlock: client waits to send to memserver, which waits to send to client (cycle client → memserver → client); no thread can ever run again.',
    );
  });
});
