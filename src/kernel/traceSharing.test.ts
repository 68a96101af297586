// Extending a trace appends to arrays it shares with the trace it came from (linear recording in
// parts); an older trace extended again forks, and neither trace sees the other's steps.
import { describe, expect, it } from 'vitest';
import { boot } from './boot';
import { scriptProgram } from './scriptProgram';
import { recordTrace, traceFromParts } from './trace';
import type { BootSpec, Programs } from './types';

const spec: BootSpec = { spaces: [{ name: 'a' }], threads: [{ name: 't', space: 'a' }] };
const programs: Programs = {
  t: scriptProgram([{ op: 'nop' }, { op: 'threadSwitch', dest: 0n }, { op: 'goto', to: 0 }]),
};

describe('trace sharing', () => {
  it('a chain of extends equals one recording; a fork does not disturb the original', () => {
    const whole = recordTrace(boot(spec, programs), programs, 500, { checkpointEvery: 8 });
    let parts = recordTrace(boot(spec, programs), programs, 10, { checkpointEvery: 8 });
    const early = parts;
    for (let i = 0; i < 49; i++) parts = parts.extend(10);
    expect(parts.length).toBe(whole.length);
    for (const f of [0, 7, 8, 9, 255, 499, 500])
      expect(parts.frameAt(f).world).toEqual(whole.frameAt(f).world);
    const fork = early.extend(3);
    expect(early.length).toBe(11);
    expect(fork.length).toBe(14);
    expect(fork.frameAt(13).world).toEqual(whole.frameAt(13).world);
    expect(parts.frameAt(13).world).toEqual(whole.frameAt(13).world);
    expect(() => early.frameAt(11)).toThrow(RangeError);
  });

  it('a recording sent in pieces (parts(from), structured-cloned, appendParts) equals the recording', () => {
    const whole = recordTrace(boot(spec, programs), programs, 500, { checkpointEvery: 8 });
    let sender = recordTrace(boot(spec, programs), programs, 13, { checkpointEvery: 8 });
    let receiver = traceFromParts(structuredClone(sender.parts()), programs);
    for (const steps of [1, 7, 8, 100, 371]) {
      const from = sender.length;
      sender = sender.extend(steps);
      receiver = receiver.appendParts(structuredClone(sender.parts(from)));
      expect(receiver.length).toBe(sender.length);
    }
    expect(receiver.length).toBe(whole.length);
    for (const f of [0, 7, 8, 9, 13, 14, 21, 22, 255, 499, 500]) {
      expect(receiver.frameAt(f).world).toEqual(whole.frameAt(f).world);
      expect(receiver.effectsAt(f)).toEqual(whole.effectsAt(f));
    }
    const bad = { ...sender.parts(sender.length - 3) };
    expect(() => receiver.appendParts(bad)).toThrow(/do not follow/);
  });
});
