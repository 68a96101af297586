import { describe, expect, it } from 'vitest';
import { anylocalthread, anythread } from './abi/threadId';
import type { ScriptAction } from './scriptProgram';
import { scriptProgram } from './scriptProgram';
import { effectsOf, nops, runChecked, scriptResults, threadNamed, tid } from './testKit';
import type { BootSpec } from './types';

const twoSpaces: BootSpec = {
  spaces: [{ name: 'A' }, { name: 'B' }],
  threads: [
    { name: 'sender', space: 'A' },
    { name: 'receiver', space: 'B' },
  ],
};
const S = tid(twoSpaces, 'sender');
const R = tid(twoSpaces, 'receiver');

describe('send phase, rendezvous, receive phase (ground truth §4.3)', () => {
  // Pistachio kernel/src/api/v4/ipc.cc, SYS_IPC: the receiver is_waiting() for this sender, so
  // transfer_message() copies MR1..MRu and set_tag() writes MR0; the sender returns with its own
  // tag, no `from`.
  it('receiver first: the sender finds it waiting and the message moves at once', () => {
    const spec: BootSpec = {
      ...twoSpaces,
      threads: [
        { name: 'sender', space: 'A' },
        { name: 'receiver', space: 'B', priority: 200 },
      ],
    };
    const run = runChecked(spec, {
      sender: scriptProgram([
        ...nops(2),
        { op: 'tag', label: 0x1234n, u: 2 },
        { op: 'loadMrs', start: 1, values: [0xa1n, 0xa2n] },
        { op: 'ipc', wrapper: 'L4_Send', args: [R] },
      ]),
      receiver: scriptProgram([{ op: 'ipc', wrapper: 'L4_Receive', args: [S] }]),
    });
    const [transfer] = effectsOf(run.effects, 'ipc.transfer');
    expect(transfer).toMatchObject({
      from: 'sender',
      to: 'receiver',
      tag: 0x12340002n,
      words: [0xa1n, 0xa2n],
      rendezvous: 'receiverWaiting',
    });
    expect(scriptResults(run.final, 'receiver')).toEqual([
      { kind: 'ipc', tag: 0x12340002n, from: S },
    ]);
    expect(scriptResults(run.final, 'sender')).toEqual([
      { kind: 'ipc', tag: 0x12340002n, from: null },
    ]);
    expect(run.final.outcome).toEqual({ kind: 'finished' });
  });

  // Pistachio kernel/src/api/v4/ipc.cc, SYS_IPC: the receiver is not waiting and the send timeout
  // is Never, so enqueue_send(to_tcb) and state polling; the receive phase takes
  // current->send_head.
  it("sender first: the sender blocks in the receiver's send queue until the receive", () => {
    const spec: BootSpec = {
      ...twoSpaces,
      threads: [
        { name: 'sender', space: 'A', priority: 200 },
        { name: 'receiver', space: 'B' },
      ],
    };
    const run = runChecked(spec, {
      sender: scriptProgram([
        { op: 'tag', label: 7n, u: 1 },
        { op: 'loadMr', index: 1, value: 0x55n },
        { op: 'ipc', wrapper: 'L4_Send', args: [R] },
      ]),
      receiver: scriptProgram([{ op: 'ipc', wrapper: 'L4_Wait', args: [] }]),
    });
    const blocked = run.worlds.find((w) => threadNamed(w, 'sender').state === 'sending.forever');
    expect(blocked && threadNamed(blocked, 'receiver').sendQueue).toEqual([0]);
    expect(effectsOf(run.effects, 'ipc.send.blocked')).toEqual([
      { kind: 'ipc.send.blocked', thread: 'sender', to: 'receiver', position: 0, deadline: null },
    ]);
    expect(effectsOf(run.effects, 'ipc.transfer')[0]?.rendezvous).toBe('senderQueued');
    expect(threadNamed(run.final, 'receiver').utcb.mrs.slice(0, 2)).toEqual([0x70001n, 0x55n]);
  });

  // Pistachio kernel/src/api/v4/tcb.h, tcb_t::enqueue_send: ENQUEUE_LIST_TAIL on the receiver's
  // send list; ipc.cc, SYS_IPC open receive: from_tcb = current->send_head (the oldest).
  it('send queues are FIFO: an open receive takes the senders in arrival order', () => {
    const spec: BootSpec = {
      spaces: [{ name: 'A' }],
      threads: [
        { name: 's1', space: 'A', priority: 200 },
        { name: 's2', space: 'A', priority: 200 },
        { name: 'srv', space: 'A' },
      ],
    };
    const srv = tid(spec, 'srv');
    const send = (label: bigint): ScriptAction[] => [
      { op: 'tag', label, u: 0 },
      { op: 'ipc', wrapper: 'L4_Send', args: [srv] },
    ];
    const run = runChecked(spec, {
      s1: scriptProgram(send(1n)),
      s2: scriptProgram(send(2n)),
      srv: scriptProgram([
        { op: 'ipc', wrapper: 'L4_Wait', args: [] },
        { op: 'ipc', wrapper: 'L4_Wait', args: [] },
      ]),
    });
    expect(effectsOf(run.effects, 'ipc.send.blocked').map((e) => [e.thread, e.position])).toEqual([
      ['s1', 0],
      ['s2', 1],
    ]);
    expect(effectsOf(run.effects, 'ipc.transfer').map((e) => e.from)).toEqual(['s1', 's2']);
  });

  // Pistachio kernel/src/api/v4/ipc.cc, SYS_IPC closed wait: from_tcb = tcb_t::get_tcb(from_tid),
  // taken only if it is polling with partner == current; the others stay in the send queue.
  it('closed receive takes only the named sender; others stay queued', () => {
    const spec: BootSpec = {
      spaces: [{ name: 'A' }],
      threads: [
        { name: 'a', space: 'A', priority: 200 },
        { name: 'b', space: 'A', priority: 200 },
        { name: 'r', space: 'A' },
      ],
    };
    const r = tid(spec, 'r');
    const run = runChecked(spec, {
      a: scriptProgram([{ op: 'ipc', wrapper: 'L4_Send', args: [r] }]),
      b: scriptProgram([{ op: 'ipc', wrapper: 'L4_Send', args: [r] }]),
      r: scriptProgram([{ op: 'ipc', wrapper: 'L4_Receive', args: [tid(spec, 'b')] }]),
    });
    expect(effectsOf(run.effects, 'ipc.transfer').map((e) => e.from)).toEqual(['b']);
    const after = run.worlds.find((w) => threadNamed(w, 'r').resume !== null);
    expect(after && threadNamed(after, 'a').state).toBe('sending.forever');
    expect(after && threadNamed(after, 'r').sendQueue).toEqual([0]);
  });

  // Pistachio kernel/src/api/v4/ipc.cc, SYS_IPC anylocal: walks send_head → send_list.next for the
  // first tcb with get_space() == current->get_space(); HANDLE_LOCAL_IDS returns
  // from_tcb->get_local_id().
  it('any-local receive takes the first queued sender of its own address space', () => {
    const spec: BootSpec = {
      spaces: [{ name: 'A' }, { name: 'B' }],
      threads: [
        { name: 'far', space: 'B', priority: 200 },
        { name: 'near', space: 'A', priority: 200 },
        { name: 'r', space: 'A' },
      ],
    };
    const r = tid(spec, 'r');
    const run = runChecked(spec, {
      far: scriptProgram([{ op: 'ipc', wrapper: 'L4_Send', args: [r] }]),
      near: scriptProgram([{ op: 'ipc', wrapper: 'L4_Send', args: [r] }]),
      r: scriptProgram([{ op: 'ipc', wrapper: 'L4_Ipc', args: [0n, anylocalthread('amd64'), 0n] }]),
    });
    expect(effectsOf(run.effects, 'ipc.transfer').map((e) => e.from)).toEqual(['near']);
    // The same-space sender is named by its local id (its UTCB address), not its global id.
    expect(scriptResults(run.final, 'r')).toEqual([
      { kind: 'ipc', tag: 0n, from: threadNamed(run.final, 'near').localId },
    ]);
  });

  // Pistachio kernel/src/api/v4/ipc.cc, SYS_IPC send phase: a partner of anylocalthread counts as
  // waiting only when to_tcb->get_space() == current->get_space().
  it('any-local receive does not accept a sender from another space', () => {
    const spec: BootSpec = {
      spaces: [{ name: 'A' }, { name: 'B' }],
      threads: [
        { name: 'r', space: 'A' },
        { name: 'far', space: 'B' },
      ],
    };
    const run = runChecked(spec, {
      r: scriptProgram([{ op: 'ipc', wrapper: 'L4_Ipc', args: [0n, anylocalthread('amd64'), 0n] }]),
      far: scriptProgram([{ op: 'ipc', wrapper: 'L4_Send', args: [tid(spec, 'r')] }]),
    });
    expect(effectsOf(run.effects, 'ipc.transfer')).toEqual([]);
    expect(threadNamed(run.final, 'far').state).toBe('sending.forever');
  });

  // Pistachio kernel/src/api/v4/ipc.cc, transfer_message: copy_mrs(dst, 1, u) and set_tag();
  // nothing above.
  it("the transfer copies exactly MR0..MR(u+t); the receiver's MRs above are untouched", () => {
    const marks = Array.from({ length: 8 }, (_, i) => 0xee00n + BigInt(i));
    const run = runChecked(twoSpaces, {
      sender: scriptProgram([
        ...nops(2),
        { op: 'loadMrs', start: 0, values: [0x30003n, 1n, 2n, 3n, 4n, 5n] },
        { op: 'ipc', wrapper: 'L4_Send', args: [R] },
      ]),
      receiver: scriptProgram([
        { op: 'loadMrs', start: 0, values: marks },
        { op: 'ipc', wrapper: 'L4_Wait', args: [] },
      ]),
    });
    expect(threadNamed(run.final, 'receiver').utcb.mrs.slice(0, 8)).toEqual([
      0x30003n,
      1n,
      2n,
      3n,
      0xee04n,
      0xee05n,
      0xee06n,
      0xee07n,
    ]);
  });

  // Pistachio user/include/l4/ipc.h, L4_Ipc writes *from only if FromSpecifier is not nilthread;
  // ipc.cc, SYS_IPC returns a local id only when current->get_space() == from_tcb->get_space().
  it('`from` is written only with a receive phase; a receiver in another space gets the global id', () => {
    const run = runChecked(twoSpaces, {
      sender: scriptProgram([...nops(1), { op: 'ipc', wrapper: 'L4_Send', args: [R] }]),
      receiver: scriptProgram([{ op: 'ipc', wrapper: 'L4_Wait', args: [] }]),
    });
    expect(scriptResults(run.final, 'sender')).toEqual([{ kind: 'ipc', tag: 0n, from: null }]);
    expect(scriptResults(run.final, 'receiver')).toEqual([{ kind: 'ipc', tag: 0n, from: S }]);
  });

  // Pistachio kernel/src/api/v4/ipc.h, msg_tag_t::clear_receive_flags (raw &= ~(0xe << 12)), called
  // by ipc.cc, transfer_message.
  it('the kernel clears the r, X and E flags of a sent tag and keeps p (clear_receive_flags)', () => {
    const run = runChecked(twoSpaces, {
      sender: scriptProgram([
        ...nops(1),
        { op: 'loadMr', index: 0, value: 0xf001n },
        { op: 'ipc', wrapper: 'L4_Send', args: [R] },
      ]),
      receiver: scriptProgram([
        { op: 'ipc', wrapper: 'L4_Ipc', args: [0n, anythread('amd64'), 0n] },
      ]),
    });
    expect(scriptResults(run.final, 'receiver')).toEqual([{ kind: 'ipc', tag: 0x1001n, from: S }]);
  });

  // Pistachio kernel/src/api/v4/ipc.cc, SYS_IPC: to and from both nil → return_ipc(from_tid) with
  // MR0 as it was.
  it('L4_Ipc with neither phase returns at once with MR0', () => {
    const run = runChecked(twoSpaces, {
      sender: scriptProgram([
        { op: 'loadMr', index: 0, value: 0x99n },
        { op: 'ipc', wrapper: 'L4_Ipc', args: [0n, 0n, 0n] },
      ]),
      receiver: scriptProgram([]),
    });
    expect(scriptResults(run.final, 'sender')).toEqual([{ kind: 'ipc', tag: 0x99n, from: null }]);
  });

  // Pistachio kernel/src/api/v4/tcb.h, tcb_t::set_tag (set_mr(0, tag)), used by ipc.cc for the
  // delivered tag on every architecture; kernel/src/glue/v4-x86/x32/trap.S stores MR0 into the
  // UTCB.
  it('ia32 UTCB MR0 receives the delivered tag, as on amd64', () => {
    const spec: BootSpec = { ...twoSpaces, abi: 'ia32' };
    const r = tid(spec, 'receiver');
    const run = runChecked(spec, {
      sender: scriptProgram([
        { op: 'nop' },
        { op: 'tag', label: 0x12n, u: 1 },
        { op: 'ipc', wrapper: 'L4_Send', args: [r] },
      ]),
      receiver: scriptProgram([
        { op: 'loadMr', index: 0, value: 0xdeadn },
        { op: 'ipc', wrapper: 'L4_Wait', args: [] },
      ]),
    });
    expect(scriptResults(run.final, 'receiver')).toEqual([
      { kind: 'ipc', tag: 0x120001n, from: tid(spec, 'sender') },
    ]);
    expect(threadNamed(run.final, 'receiver').utcb.mrs[0]).toBe(0x120001n);
  });
});
