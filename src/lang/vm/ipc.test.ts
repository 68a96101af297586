/** System calls: the words each wrapper passes, finishing the statement on resume, the fast path. */
import { describe, expect, it } from 'vitest';
import vectorsJson from '../../kernel/abi/vectors/pistachio-x2.json';
import type { Abi, Word } from '../../kernel/abi/word';
import { fromHex } from '../../kernel/abi/word';
import type { Syscall } from '../../kernel/program';
import { FakeThread, compileMain, ipcDone, threadOf } from '../testSupport/fakeKernel';
import type { Responder } from '../testSupport/fakeKernel';

type Vec = Record<string, string | boolean>;
const WRAPPER_VECTORS = (vectorsJson as unknown as { amd64: { ipc_wrappers_amd64: Vec[] } }).amd64
  .ipc_wrappers_amd64;

const THREADS =
  '// @thread main space=apps threadno=0x42 version=1\n// @thread srv space=apps threadno=0x99 version=3\n';
const SRV_BODY = 'void srv(void) { }\n';

function thread(body: string, abi: Abi = 'amd64', respond?: Responder): FakeThread {
  const s = compileMain(`${SRV_BODY}void main(void) {\n${body}\n}`, abi, '', THREADS);
  return new FakeThread(threadOf(s, 'main'), abi, respond);
}

/** The C for each recorded wrapper call (`to` is thread srv, GlobalId(0x99, 3)). */
const C_CALLS: Record<string, string> = {
  'L4_Call(to)': 'tag = L4_Call(srv);',
  'L4_Call_Timeouts(to, ZeroTime, TimePeriod(1000))':
    'tag = L4_Call_Timeouts(srv, L4_ZeroTime, L4_TimePeriod(1000));',
  'L4_Send_Timeout(to, TimePeriod(1000000))': 'tag = L4_Send_Timeout(srv, L4_TimePeriod(1000000));',
  'L4_Reply(to)': 'tag = L4_Reply(srv);',
  'L4_Receive_Timeout(to, ZeroTime)': 'tag = L4_Receive_Timeout(srv, L4_ZeroTime);',
  'L4_Wait(&from)': 'tag = L4_Wait(&from);',
  'L4_ReplyWait(to, &from)': 'tag = L4_ReplyWait(srv, &from);',
  'L4_ReplyWait_Timeout(to, TimePeriod(1000), &from)':
    'tag = L4_ReplyWait_Timeout(srv, L4_TimePeriod(1000), &from);',
  'L4_Ipc(to, anylocalthread, Timeouts(Never,Never), &from)':
    'tag = L4_Ipc(srv, L4_anylocalthread, L4_Timeouts(L4_Never, L4_Never), &from);',
  'L4_Lcall(to) [via __L4_Lipc]': 'tag = L4_Lcall(srv);',
  'L4_Sleep(TimePeriod(1000))': 'L4_Sleep(L4_TimePeriod(1000)); tag = L4_MsgTag();',
};

const SENTINEL = 'L4_GlobalId(0x11, 1)';

describe('IPC wrappers pass the words the real inline wrappers pass (ipc_wrappers_amd64)', () => {
  it.each(WRAPPER_VECTORS.map((v) => [String(v.call), v] as const))('%s', (call, v) => {
    const c = C_CALLS[call];
    expect(c, `no C for ${call}`).toBeDefined();
    const returned = fromHex(String(v.returned_tag ?? v.mr0_after));
    const fromAfter = fromHex(String(v.from_after ?? '0x0'));
    const t = thread(
      `L4_MsgTag_t tag; L4_ThreadId_t from = ${SENTINEL};
      L4_LoadMR(0, 0x12345);
      ${c ?? ''}
      L4_LoadMR(1, tag.raw); L4_LoadMR(2, from.raw);`,
      'amd64',
      (sc) => ({
        result:
          sc.kind === 'ipc'
            ? ipcDone(returned, sc.fromSpecifier === 0n ? null : fromAfter)
            : { kind: 'threadSwitch' },
      }),
    );
    expect(t.run().kind).toBe('exit');
    const sc = t.syscalls[0] as Extract<Syscall, { kind: 'ipc' }>;
    expect(t.syscalls).toHaveLength(1);
    expect([sc.to, sc.fromSpecifier, sc.timeouts]).toEqual([
      fromHex(String(v.to)),
      fromHex(String(v.FromSpecifier)),
      fromHex(String(v.Timeouts)),
    ]);
    expect(sc.local).toBe(call.includes('Lipc'));
    expect(t.utcb.mrs[1]).toBe(returned);
    expect(t.utcb.mrs[0]).toBe(returned);
    if (v.from_written !== undefined)
      expect(t.utcb.mrs[2]).toBe(v.from_written === true ? fromAfter : 0x1100000001n);
  });

  it.each([
    ['L4_Send(srv)', 'L4_Send', 0x9900000003n, 0n, 0n, false],
    ['L4_Receive(srv)', 'L4_Receive', 0n, 0x9900000003n, 0n, false],
    [
      'L4_Wait_Timeout(L4_ZeroTime, &from)',
      'L4_Wait_Timeout',
      0n,
      0xffffffffffffffffn,
      0x400n,
      false,
    ],
    [
      'L4_LreplyWait(srv, &from)',
      'L4_LreplyWait',
      0x9900000003n,
      0xffffffffffffffc0n,
      0x4000000n,
      true,
    ],
    ['L4_Lipc(srv, srv, 0, &from)', 'L4_Lipc', 0x9900000003n, 0x9900000003n, 0n, true],
    [
      'L4_UserIpc(srv, L4_nilthread, L4_Timeouts(L4_ZeroTime, L4_Never), &from)',
      'L4_UserIpc',
      0x9900000003n,
      0n,
      0x4000000n,
      false,
    ],
  ] as const)('%s (reference-semantics §4.2)', (c, wrapper, to, fromSpecifier, timeouts, local) => {
    const t = thread(`L4_ThreadId_t from; L4_MsgTag_t tag = ${c};`);
    t.run();
    expect(t.syscalls).toEqual([{ kind: 'ipc', to, fromSpecifier, timeouts, wrapper, local }]);
  });

  it('passes 32-bit words on ia32', () => {
    const t = thread('L4_ThreadId_t from; L4_ReplyWait(srv, &from); L4_Wait(&from);', 'ia32');
    t.run();
    expect(
      t.syscalls.map((s) => (s.kind === 'ipc' ? [s.to, s.fromSpecifier, s.timeouts] : [])),
    ).toEqual([
      [0x264003n, 0xffffffffn, 0x4000000n],
      [0n, 0xffffffffn, 0n],
    ]);
  });
});

describe('finishing the statement when the system call returns', () => {
  const ok =
    (tag: Word, from: Word): Responder =>
    (sc, utcb) => {
      const mrs = utcb.mrs.slice();
      mrs[0] = tag;
      return {
        result:
          sc.kind === 'ipc'
            ? ipcDone(tag, sc.fromSpecifier === 0n ? null : from)
            : { kind: 'threadSwitch' },
        utcb: { ...utcb, mrs },
      };
    };

  it('traps on the call, then assigns the tag and runs the next statement on the next step', () => {
    const t = thread(
      'L4_MsgTag_t tag;\nL4_ThreadId_t from;\ntag = L4_Wait(&from);\nL4_LoadMR(5, tag.raw);',
      'amd64',
      ok(0x30002n, 0x4100000001n),
    );
    const first = t.step();
    expect(first.trap).toMatchObject({ kind: 'syscall', call: { wrapper: 'L4_Wait' } });
    expect(t.def.program.nextLoc(t.state)).toEqual(first.loc);
    const second = t.step();
    expect(second.loc?.line).toBe((first.loc?.line ?? 0) + 1);
    expect(second.utcb.mrs[5]).toBe(0x30002n);
    expect(t.state.frames[0]?.locals[1]).toBe(0x4100000001n);
  });

  it('writes *from only when the call had a receive phase', () => {
    const t = thread(
      `L4_ThreadId_t from = ${SENTINEL};\nL4_Ipc(srv, L4_nilthread, 0, &from);\nL4_LoadMR(1, from.raw);`,
      'amd64',
      ok(0n, 0x5n),
    );
    t.run();
    expect(t.utcb.mrs[1]).toBe(0x1100000001n);
  });

  it('keeps the caller’s operands across the trap (a call inside an expression and a function)', () => {
    const before = 'L4_Word_t failed(void) { return L4_IpcFailed(L4_Call(srv)) + 10; }\n';
    const s = compileMain(
      `${SRV_BODY}${before}void main(void) {\nL4_LoadMR(1, 100 + failed());\n}`,
      'amd64',
      '',
      THREADS,
    );
    const t = new FakeThread(threadOf(s, 'main'), 'amd64', ok(0x8000n, 0n));
    t.run();
    expect(t.utcb.mrs[1]).toBe(111n);
  });

  it('writes *from through a pointer into the caller’s frame after the call returns', () => {
    const before = 'L4_MsgTag_t wait_for(L4_ThreadId_t *who) { return L4_Wait(who); }\n';
    const s = compileMain(
      `${SRV_BODY}${before}void main(void) {\nstruct { L4_Word_t pad; L4_ThreadId_t from; } r;\nL4_MsgTag_t tag = wait_for(&r.from);\nL4_LoadMR(1, r.from.raw);\nL4_LoadMR(2, tag.raw);\n}`,
      'amd64',
      '',
      THREADS,
    );
    const t = new FakeThread(threadOf(s, 'main'), 'amd64', ok(0x7n, 0x4100000001n));
    expect(t.run().kind).toBe('exit');
    expect([t.utcb.mrs[1], t.utcb.mrs[2]]).toEqual([0x4100000001n, 0x7n]);
  });

  // Pistachio kernel/src/api/v4/tcb.h, tcb_t::set_tag = set_mr(0, tag) on every architecture; the
  // ia32 fast path stores MR0 into the UTCB (kernel/src/glue/v4-x86/x32/trap.S, "store MR0").
  it('the UTCB MR0 holds the returned tag after an IPC on both ABIs', () => {
    for (const abi of ['amd64', 'ia32'] as const) {
      const t = thread(
        'L4_LoadMR(0, 0x10003);\nL4_MsgTag_t tag = L4_Call(srv);\nL4_LoadMR(1, tag.raw);\nL4_LoadMR(2, L4_MsgTag().raw);',
        abi,
        ok(0x20001n, 0n),
      );
      t.run();
      expect([t.utcb.mrs[1], t.utcb.mrs[2]], abi).toEqual([0x20001n, 0x20001n]);
    }
  });

  it('L4_Sleep stores the result tag in MR0 on both ABIs', () => {
    for (const abi of ['amd64', 'ia32'] as const) {
      const t = thread('L4_LoadMR(0, 0x10003);\nL4_Sleep(L4_TimePeriod(1000));', abi, () => ({
        result: ipcDone(0x8000n, null),
      }));
      t.run();
      expect(t.utcb.mrs[0], abi).toBe(0x8000n);
    }
  });

  it('L4_ThreadSwitch and L4_Yield trap with their destination', () => {
    const t = thread('L4_ThreadSwitch(srv);\nL4_Yield();');
    expect(t.run().kind).toBe('exit');
    expect(t.syscalls).toEqual([
      { kind: 'threadSwitch', dest: 0x9900000003n },
      { kind: 'threadSwitch', dest: 0n },
    ]);
  });

  it('L4_ErrorCode reads the ErrorCode TCR the kernel set', () => {
    const t = thread(
      'L4_MsgTag_t tag = L4_Send(srv);\nif (L4_IpcFailed(tag)) L4_LoadMR(1, L4_ErrorCode());',
      'amd64',
      (_sc, utcb) => ({
        result: ipcDone(0x8000n, null),
        utcb: { ...utcb, errorCode: 0x4n },
      }),
    );
    t.run();
    expect(t.utcb.mrs[1]).toBe(0x4n);
  });

  it('a result of the wrong kind halts the thread with a clear reason', () => {
    const t = thread('L4_Call(srv);', 'amd64', () => ({ result: { kind: 'threadSwitch' } }));
    expect(t.run()).toMatchObject({
      kind: 'fault',
      reason: 'internal: L4_Call resumed with a ThreadSwitch result',
    });
  });
});

describe('L4_UserIpc', () => {
  it('to itself with no receive phase stays in user mode: MR0 comes back, *from = nilthread, no trap', () => {
    const t = thread(
      `L4_ThreadId_t from = ${SENTINEL};\nL4_LoadMR(0, 0x50003);\nL4_MsgTag_t tag = L4_UserIpc(main, L4_nilthread, 0, &from);\nL4_LoadMR(1, tag.raw);\nL4_LoadMR(2, from.raw);`,
    );
    expect(t.run().kind).toBe('exit');
    expect(t.syscalls).toEqual([]);
    expect(t.effects('fastpath')).toEqual([{ kind: 'fastpath', tag: 0x50003n }]);
    expect([t.utcb.mrs[1], t.utcb.mrs[2]]).toEqual([0x50003n, 0n]);
  });

  it('with a receive phase, or to another thread, traps like L4_Ipc', () => {
    const t = thread(
      'L4_ThreadId_t from;\nL4_UserIpc(main, main, 0, &from);\nL4_UserIpc(srv, L4_nilthread, 0, &from);',
    );
    t.run();
    expect(t.syscalls.map((s) => (s.kind === 'ipc' ? s.wrapper : s.kind))).toEqual([
      'L4_UserIpc',
      'L4_UserIpc',
    ]);
    expect(t.effects('fastpath')).toEqual([]);
  });

  it('L4_Ipc to itself always enters the kernel', () => {
    const t = thread(
      'L4_ThreadId_t from;\nL4_Ipc(main, L4_nilthread, L4_Timeouts(L4_ZeroTime, L4_Never), &from);',
    );
    t.run();
    expect(t.syscalls).toEqual([
      {
        kind: 'ipc',
        to: 0x4200000001n,
        fromSpecifier: 0n,
        timeouts: 0x4000000n,
        wrapper: 'L4_Ipc',
        local: false,
      },
    ]);
  });
});
