import { describe, expect, it } from 'vitest';
import { ABIS, hex, wordMask } from '../kernel/abi/word';
import { heapView } from '../lang';
import type { LangState } from '../lang';
import { KV_PROTOCOL, nameMessage } from '../servers/protocols';
import { builtinRun, builtinTrace, eventsOfKind } from './testKit';
import type { TraceEvent, TraceJson } from './traceJson';

const transfers = (trace: TraceJson, filter: (e: TraceEvent) => boolean = () => true) =>
  eventsOfKind(trace, 'ipc.transfer').filter(filter);
const serverOps = (trace: TraceJson, op: string) =>
  eventsOfKind(trace, 'server').filter((e) => e.op === op);
const nameOf = (e: TraceEvent, key: string) =>
  (e.names as Record<string, string> | undefined)?.[key];

describe.each(ABIS)('memory server (%s): allocations and frees, from the trace', (abi) => {
  const { run, json: trace } = builtinRun('memory-alloc-free', abi);

  it('gets each request as label 0, u = 3: MR1 op, MR2 size, MR3 addr', () => {
    const requests = transfers(trace, (e) => e.to === 'memserver');
    expect(requests.map((e) => [e.from, e.tag, e.words])).toEqual([
      ['app', '0x3', ['0x0', '0x100', '0x0']],
      ['app', '0x3', ['0x0', '0x200', '0x0']],
      ['app', '0x3', ['0x1', '0x100', '0x10000000']],
      ['app', '0x3', ['0x0', '0x80', '0x0']],
      ['app', '0x3', ['0x0', '0x2000', '0x0']],
      ['logger', '0x3', ['0x0', '0x40', '0x0']],
      ['logger', '0x3', ['0x1', '0x40', '0x10000080']],
    ]);
  });

  it('answers each with label 0, u = 1: the address, 0 when out of memory (and after a free)', () => {
    const replies = transfers(trace, (e) => e.from === 'memserver');
    expect(replies.map((e) => [e.to, e.tag, e.words])).toEqual([
      ['app', '0x1', ['0x10000000']],
      ['app', '0x1', ['0x10000100']],
      ['app', '0x1', ['0x0']],
      ['app', '0x1', ['0x10000000']],
      ['app', '0x1', ['0x0']],
      ['logger', '0x1', ['0x10000080']],
      ['logger', '0x1', ['0x0']],
    ]);
  });

  it('allocates first fit for the thread that asked, and frees what it is given', () => {
    const allocs = serverOps(trace, 'heap_alloc').map((e) => {
      const d = e.detail as Record<string, string>;
      return [d.size, d.addr, nameOf(e, 'owner'), d.result];
    });
    expect(allocs).toEqual([
      ['0x100', '0x10000000', 'app', 'ok'],
      ['0x200', '0x10000100', 'app', 'ok'],
      ['0x80', '0x10000000', 'app', 'ok'],
      ['0x2000', '0x0', 'app', 'out of memory'],
      ['0x40', '0x10000080', 'logger', 'ok'],
    ]);
    const frees = serverOps(trace, 'heap_free').map((e) => {
      const d = e.detail as Record<string, string>;
      return [d.addr, d.size, nameOf(e, 'owner')];
    });
    expect(frees).toEqual([
      ['0x10000000', '0x100', 'app'],
      ['0x10000080', '0x40', 'logger'],
    ]);
  });

  it('ends with the heap the UI draws: app holds two blocks, the rest is free', () => {
    const world = run.trace.frameAt(run.trace.length - 1).world;
    const server = world.threads.find((t) => t.name === 'memserver');
    const app = world.threads.find((t) => t.name === 'app');
    const heap = heapView(server?.program as LangState);
    expect(
      heap?.blocks.map((b) => [
        hex(b.base),
        hex(b.size),
        b.owner === null ? null : b.owner === app?.id,
      ]),
    ).toEqual([
      ['0x10000000', '0x80', true],
      ['0x10000080', '0x80', null],
      ['0x10000100', '0x200', true],
      ['0x10000300', '0xd00', null],
    ]);
    expect(trace.threads.memserver?.state).toBe('receiving.open.forever');
  });
});

describe.each(ABIS)('scheduler server (%s): queue order, reply, switch', (abi) => {
  const trace = builtinTrace('scheduler', abi);
  const clients = ['editor', 'compiler', 'player'];
  const all = hex(wordMask(abi));

  it('receives the SchedRequest words, label 0x1234, u = 5, first come first served', () => {
    const requests = transfers(trace, (e) => e.to === 'scheduler');
    expect(requests.map((e) => e.from)).toEqual(clients);
    for (const e of requests) {
      expect(e.tag).toBe('0x12340005');
      expect(e.words).toEqual([trace.threads[e.from as string]?.id, all, all, '0x64', all]);
    }
  });

  it('queues the requesters in order and takes them from the head', () => {
    expect(serverOps(trace, 'rq_push').map((e) => nameOf(e, 'thread'))).toEqual(clients);
    expect(serverOps(trace, 'rq_pop').map((e) => nameOf(e, 'thread'))).toEqual(clients);
  });

  it('replies (u = 0) to the thread it picks, then ThreadSwitches to it', () => {
    const replies = transfers(trace, (e) => e.from === 'scheduler');
    expect(replies.map((e) => [e.to, e.tag, e.words])).toEqual(clients.map((c) => [c, '0x0', []]));
    const switches = eventsOfKind(trace, 'syscall.threadSwitch');
    expect(switches.map((e) => [e.destName, e.result])).toEqual(clients.map((c) => [c, 'donate']));
    replies.forEach((reply, i) => {
      const sw = switches[i];
      expect(sw?.step).toBeGreaterThan(reply.step);
      const donated = eventsOfKind(trace, 'switch').find(
        (e) => e.step === sw?.step && e.reason === 'donate',
      );
      expect(donated).toMatchObject({ from: 'scheduler', to: clients[i] });
    });
  });

  // Pistachio kernel/src/api/v4/schedule.cc, SYS_THREAD_SWITCH: schedule(dest, sched_ds2_flag +
  // rr_tsdonate_flag) = flags 7, so (sched-rr/schedule_functions.h, scheduler_t::schedule) dest is
  // accounted on its own timeslice and the caller is not re-queued: it stays at the head.
  it('ThreadSwitch keeps the caller at the head of its priority: each picked client runs to its end on its own timeslice, then the scheduler', () => {
    const order = eventsOfKind(trace, 'halt').map((e) => e.thread);
    expect(order).toEqual(clients);
    const afterHalt = eventsOfKind(trace, 'halt').map(
      (h) => eventsOfKind(trace, 'switch').find((e) => e.step === h.step)?.to,
    );
    expect(afterHalt).toEqual(clients.map(() => 'scheduler'));
    expect(eventsOfKind(trace, 'switch').filter((e) => e.reason === 'timeslice')).toEqual([]);
  });

  it('lets every client run to its end; the scheduler waits for more', () => {
    for (const c of clients) expect(trace.threads[c]?.halted).toBe('exit');
    expect(trace.outcome).toBe('idle');
    expect(trace.threads.scheduler?.state).toBe('receiving.open.forever');
  });
});

describe.each(ABIS)('the scheduler as written (%s) hangs its clients', (abi) => {
  const trace = builtinTrace('scheduler-as-written', abi);
  const clients = ['editor', 'compiler', 'player'];

  it('takes every request and ThreadSwitches to the requester, which is only a yield', () => {
    expect(transfers(trace, (e) => e.to === 'scheduler').map((e) => e.from)).toEqual(clients);
    expect(serverOps(trace, 'rq_push').map((e) => nameOf(e, 'thread'))).toEqual(clients);
    const switches = eventsOfKind(trace, 'syscall.threadSwitch');
    expect(switches.map((e) => [e.destName, e.result])).toEqual(clients.map((c) => [c, 'yield']));
  });

  it('never replies, so every client stays blocked in its Call, waiting for the reply forever', () => {
    expect(transfers(trace, (e) => e.from === 'scheduler')).toEqual([]);
    for (const c of clients) {
      expect(trace.threads[c]).toMatchObject({ state: 'receiving.reply.forever', halted: null });
    }
    expect(trace.outcome).toBe('deadlock');
    const [stuck] = eventsOfKind(trace, 'deadlock');
    expect(stuck?.cycle).toEqual([]);
    expect(stuck?.waits).toEqual(
      clients.map((c) => ({ thread: c, waitsFor: 'scheduler', phase: 'receive' })),
    );
  });
});

describe.each(ABIS)(
  'a new service (%s): label 0x4b56, packed structs, MsgPut and LoadMR clients',
  (abi) => {
    const trace = builtinTrace('new-service', abi);

    it('gets the same request layout from L4_MsgPut (writer) and L4_LoadMR (reader)', () => {
      const requests = transfers(trace, (e) => e.to === 'kvstore');
      expect(requests.map((e) => [e.from, e.tag, e.words])).toEqual([
        ['writer', '0x4b560003', ['0x1', '0x7', '0x2a']],
        ['reader', '0x4b560003', ['0x2', '0x7', '0x0']],
        ['reader', '0x4b560003', ['0x2', '0x9', '0x0']],
      ]);
      const naming = nameMessage([KV_PROTOCOL], 0x4b560003n, abi, 'kvstore');
      expect(naming?.names).toEqual(['op', 'key', 'value']);
    });

    it('replies with struct kv_reply: status, value', () => {
      const replies = transfers(trace, (e) => e.from === 'kvstore');
      expect(replies.map((e) => [e.to, e.tag, e.words])).toEqual([
        ['writer', '0x4b560002', ['0x0', '0x2a']],
        ['reader', '0x4b560002', ['0x0', '0x2a']],
        ['reader', '0x4b560002', ['0x1', '0x0']],
      ]);
      expect(nameMessage([KV_PROTOCOL], 0x4b560002n, abi, 'reader')?.names).toEqual([
        'status',
        'value',
      ]);
    });
  },
);
