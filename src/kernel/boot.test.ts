import { describe, expect, it } from 'vitest';
import { boot, BootError } from './boot';
import { utcbAddress } from './ids';
import { scriptProgram } from './scriptProgram';
import type { BootSpec } from './types';

const one = (over: Partial<BootSpec['threads'][number]> = {}): BootSpec => ({
  spaces: [{ name: 'A' }],
  threads: [{ name: 't', space: 'A', ...over }],
});

describe('boot', () => {
  // Pistachio kernel/src/api/v4/thread.h, threadid_t: global = threadno + version (a version with low
  // 6 bits 0 reads as local, is_local); tcb.h, tcb_t::get_local_id is the UTCB address.
  it('gives default ids 0x100+i (version 1), UTCB addresses as local ids, and dispatches the highest priority', () => {
    const w = boot(
      {
        spaces: [{ name: 'A' }, { name: 'B' }],
        threads: [
          { name: 'x', space: 'A' },
          { name: 'y', space: 'B', priority: 101 },
          { name: 'z', space: 'A' },
        ],
      },
      {},
    );
    expect(w.threads.map((t) => t.id)).toEqual([0x10000000001n, 0x10100000001n, 0x10200000001n]);
    expect(w.threads.map((t) => t.localId)).toEqual([
      utcbAddress(0),
      utcbAddress(0),
      utcbAddress(1),
    ]);
    expect(w.threads[2]?.localId).toBe(0x10000400n);
    expect(w.current).toBe(1);
    expect(w.threads.map((t) => t.state)).toEqual(['ready', 'running', 'ready']);
    expect(w.threads[0]?.utcb.myGlobalId).toBe(0x10000000001n);
    expect(w.ready).toEqual([0, 2]);
  });

  it('ia32 ids use the 18/14-bit layout', () => {
    const w = boot({ ...one({ threadNo: 0x42n }), abi: 'ia32' }, {});
    expect(w.threads[0]?.id).toBe(0x108001n);
  });

  it('rejects bad specs with a clear message', () => {
    expect(() => boot(one({ space: 'nope' }), {})).toThrow(/no address space "nope"/);
    expect(() => boot(one({ priority: 256 }), {})).toThrow(/priority must be 0..255/);
    expect(() => boot(one({ version: 64n }), {})).toThrow(/would read as local/);
    expect(() => boot({ ...one(), options: { usPerStatement: 0 } }, {})).toThrow(BootError);
    expect(() =>
      boot(
        {
          spaces: [{ name: 'A', mappings: [{ base: 0x1000n, sizeLog2: 13, rights: 7 }] }],
          threads: [],
        },
        {},
      ),
    ).toThrow(/not size-aligned/);
    expect(() =>
      boot(
        {
          spaces: [{ name: 'A' }],
          threads: [
            { name: 't', space: 'A' },
            { name: 't', space: 'A' },
          ],
        },
        {},
      ),
    ).toThrow(/duplicate/);
  });

  it('a thread without a program faults on its first step instead of crashing the system', async () => {
    const { step } = await import('./step');
    const spec: BootSpec = {
      spaces: [{ name: 'A' }],
      threads: [
        { name: 'lost', space: 'A' },
        { name: 'ok', space: 'A' },
      ],
    };
    const programs = { ok: scriptProgram([]) };
    const r = step(boot(spec, programs), programs);
    expect(r.world.threads[0]?.halt).toEqual({
      kind: 'fault',
      reason: 'no program for thread lost',
      loc: null,
    });
  });

  it('a program that throws faults its thread with the message', async () => {
    const { step } = await import('./step');
    const spec = one();
    const programs = {
      t: {
        init: () => 0,
        nextLoc: () => null,
        step: () => {
          throw new Error('boom');
        },
      },
    };
    const r = step(boot(spec, programs), programs);
    expect(r.world.threads[0]?.halt).toEqual({
      kind: 'fault',
      reason: 'program error: boom',
      loc: null,
    });
  });
});
