import { describe, expect, it } from 'vitest';
import { STRING_ITEMS_ACCEPTOR } from './abi/acceptor';
import { fpageLog2 } from './abi/fpage';
import { globalId } from './abi/threadId';
import { mapItem, stringItem } from './abi/typedItem';
import { scriptProgram } from './scriptProgram';
import type { ScriptAction } from './scriptProgram';
import { effectsOf, runChecked, scriptResults, threadNamed, tid } from './testKit';
import type { BootSpec } from './types';

const spec: BootSpec = {
  spaces: [{ name: 'A', mappings: [{ base: 0x300000n, sizeLog2: 20, rights: 7 }] }, { name: 'B' }],
  threads: [
    { name: 'client', space: 'A' },
    { name: 'server', space: 'B', priority: 200 },
  ],
};
const SERVER = tid(spec, 'server');
const CLIENT = tid(spec, 'client');
const serverWaits: ScriptAction[] = [{ op: 'ipc', wrapper: 'L4_Wait', args: [] }];

describe('IPC error codes set exactly where the reference does (reference-semantics §4.4)', () => {
  // Pistachio kernel/src/api/v4/ipc.cc, SYS_IPC: to_tcb->get_global_id() != to_tid →
  // IPC_SND_ERROR(ERR_IPC_NON_EXISTING) = 0x4, error_tag(), return_ipc before the receive phase.
  it('non-existing partner: a stale version fails the send phase (0x4) and skips the receive phase', () => {
    const stale = globalId(0x101n, 2n, 'amd64'); // server is version 1
    const run = runChecked(spec, {
      client: scriptProgram([{ op: 'ipc', wrapper: 'L4_Call', args: [stale] }]),
      server: scriptProgram(serverWaits),
    });
    expect(scriptResults(run.final, 'client')).toEqual([{ kind: 'ipc', tag: 0x8000n, from: 0n }]);
    expect(threadNamed(run.final, 'client').utcb.errorCode).toBe(0x4n);
    expect(effectsOf(run.effects, 'ipc.receive.blocked').map((e) => e.thread)).toEqual(['server']);
  });

  // Pistachio kernel/src/api/v4/ipc.cc, SYS_IPC closed wait: neither the global nor (same space)
  // the local id matches → IPC_RCV_ERROR(ERR_IPC_NON_EXISTING) = 0x5.
  it('non-existing partner in a closed receive: receive phase, 0x5', () => {
    const run = runChecked(spec, {
      client: scriptProgram([
        { op: 'ipc', wrapper: 'L4_Receive', args: [globalId(0x7777n, 1n, 'amd64')] },
      ]),
      server: scriptProgram([]),
    });
    expect(threadNamed(run.final, 'client').utcb.errorCode).toBe(0x5n);
    expect(effectsOf(run.effects, 'ipc.error')).toMatchObject([
      { thread: 'client', phase: 'receive', code: 2, name: 'non_existing_partner' },
    ]);
  });

  // Pistachio kernel/src/api/v4/thread.cc, tcb_t::unwind(abort): a polling sender gets its own MR0
  // with E set and IPC_SND_ERROR(ERR_IPC_CANCELED) = 0x6.
  it('canceled: a sender queued on a thread that halts gets send-phase canceled (0x6) and its own MR0 with E', () => {
    const spec2: BootSpec = {
      ...spec,
      threads: [
        { name: 'client', space: 'A', priority: 200 },
        { name: 'server', space: 'B' },
      ],
    };
    const run2 = runChecked(spec2, {
      client: scriptProgram([
        { op: 'tag', label: 5n, u: 0 },
        { op: 'ipc', wrapper: 'L4_Send', args: [tid(spec2, 'server')] },
      ]),
      server: scriptProgram([{ op: 'nop' }]),
    });
    expect(scriptResults(run2.final, 'client')).toEqual([
      { kind: 'ipc', tag: 0x58000n, from: null },
    ]);
    expect(threadNamed(run2.final, 'client').utcb.errorCode).toBe(0x6n);
  });

  // Pistachio kernel/src/api/v4/thread.cc, tcb_t::unwind(abort): a waiting thread gets error_tag()
  // with E and IPC_RCV_ERROR(ERR_IPC_CANCELED) = 0x7 (the model's halt stands in for the abort).
  it('canceled: a Call waiting for its reply from a server that halts gets receive-phase canceled (0x7)', () => {
    const run = runChecked(spec, {
      client: scriptProgram([{ op: 'ipc', wrapper: 'L4_Call', args: [SERVER] }]),
      server: scriptProgram([...serverWaits, { op: 'fault', reason: 'bug' }]),
    });
    expect(scriptResults(run.final, 'client')).toEqual([{ kind: 'ipc', tag: 0x8000n, from: 0n }]);
    expect(threadNamed(run.final, 'client').utcb.errorCode).toBe(0x7n);
    expect(threadNamed(run.final, 'server').halt).toEqual({
      kind: 'fault',
      reason: 'bug',
      loc: { line: 2, column: 1 },
    });
  });

  // Pistachio kernel/src/api/v4/ipcx.cc, extended_transfer: rcv_fpage = acceptor.get_rcv_window();
  // a nil window → message_overflow before the item's words are copied; both ErrorCodes get
  // ERR_IPC_MSG_OVERFLOW(0), the tag gets E; ipc.cc gives the sender the receiver's tag.
  it('message overflow: a map item to a receiver without a receive window fails both sides (0x8 / 0x9)', () => {
    const item = mapItem(fpageLog2(0x300000n, 20, 'amd64') | 7n, 0x300000n, 'amd64');
    const run = runChecked(spec, {
      client: scriptProgram([
        { op: 'tag', label: 1n, u: 1, t: 2 },
        { op: 'loadMrs', start: 1, values: [0xaan, ...item] },
        { op: 'ipc', wrapper: 'L4_Call', args: [SERVER] },
      ]),
      server: scriptProgram(serverWaits),
    });
    expect(threadNamed(run.final, 'client').utcb.errorCode).toBe(0x8n);
    expect(threadNamed(run.final, 'server').utcb.errorCode).toBe(0x9n);
    expect(scriptResults(run.final, 'server')).toEqual([
      { kind: 'ipc', tag: 0x18081n, from: CLIENT },
    ]);
    expect(scriptResults(run.final, 'client')).toEqual([
      { kind: 'ipc', tag: 0x18081n, from: SERVER },
    ]);
    // The untyped word arrived before the failing item.
    expect(threadNamed(run.final, 'server').utcb.mrs[1]).toBe(0xaan);
    expect(effectsOf(run.effects, 'map')).toEqual([]);
  });

  // Pistachio kernel/src/api/v4/ipcx.cc, extended_transfer: copy_mr() of the string item, then `if
  // (!accept_strings) goto message_overflow` with total_len 0.
  it('message overflow: a string item the receiver does not accept (offset 0)', () => {
    const run = runChecked(spec, {
      client: scriptProgram([
        { op: 'tag', label: 0n, u: 0, t: 2 },
        { op: 'loadMrs', start: 1, values: [...stringItem(16n, 0x1000n, 'amd64')] },
        { op: 'ipc', wrapper: 'L4_Call', args: [SERVER] },
      ]),
      server: scriptProgram(serverWaits),
    });
    expect(threadNamed(run.final, 'client').utcb.errorCode).toBe(0x8n);
  });

  // Pistachio kernel/src/api/v4/ipcx.cc, extended_transfer: ipc_copy() copies min(dst_len, src_len)
  // = 0x10 bytes, total_len += 0x10; no further receive buffer → overflow: IPC_RCV_ERROR(4 + (0x10
  // << 3)) = 0x109.
  it('message overflow after copying: the offset counts the bytes copied (0x10 bytes → 0x109)', () => {
    const run = runChecked(spec, {
      client: scriptProgram([
        { op: 'tag', label: 0n, u: 0, t: 2 },
        { op: 'loadMrs', start: 1, values: [...stringItem(0x40n, 0x1000n, 'amd64')] },
        { op: 'ipc', wrapper: 'L4_Call', args: [SERVER] },
      ]),
      server: scriptProgram([
        { op: 'loadBr', index: 0, value: STRING_ITEMS_ACCEPTOR },
        { op: 'loadBr', index: 1, value: stringItem(0x10n, 0x8000n, 'amd64')[0] },
        { op: 'loadBr', index: 2, value: 0x8000n },
        ...serverWaits,
      ]),
    });
    expect(threadNamed(run.final, 'server').utcb.errorCode).toBe(0x109n);
    expect(threadNamed(run.final, 'client').utcb.errorCode).toBe(0x108n);
  });

  // Pistachio kernel/src/api/v4/ipcx.cc, extended_transfer: the whole string fits the first buffer;
  // the tag is returned without E.
  it('a string that fits its receive buffer transfers without error', () => {
    const run = runChecked(spec, {
      client: scriptProgram([
        { op: 'tag', label: 3n, u: 0, t: 2 },
        { op: 'loadMrs', start: 1, values: [...stringItem(0x10n, 0x1000n, 'amd64')] },
        { op: 'ipc', wrapper: 'L4_Send', args: [SERVER] },
      ]),
      server: scriptProgram([
        { op: 'loadBr', index: 0, value: STRING_ITEMS_ACCEPTOR },
        { op: 'loadBr', index: 1, value: stringItem(0x40n, 0x8000n, 'amd64')[0] },
        { op: 'loadBr', index: 2, value: 0x8000n },
        ...serverWaits,
      ]),
    });
    expect(effectsOf(run.effects, 'ipc.error')).toEqual([]);
    expect(threadNamed(run.final, 'server').utcb.mrs.slice(0, 3)).toEqual([
      0x30080n,
      0x4000n,
      0x1000n,
    ]);
  });

  // Pistachio kernel/src/api/v4/ipcx.cc, extended_transfer: total_mrs = u + t + 1 > IPC_NUM_MR (64)
  // → message_overflow.
  it('message overflow: u + t beyond the 64 MRs', () => {
    const run = runChecked(spec, {
      client: scriptProgram([
        { op: 'tag', label: 0n, u: 63, t: 2 },
        { op: 'ipc', wrapper: 'L4_Send', args: [SERVER] },
      ]),
      server: scriptProgram(serverWaits),
    });
    expect(effectsOf(run.effects, 'ipc.error').map((e) => e.errorCode)).toEqual([0x9n, 0x8n]);
  });
});
