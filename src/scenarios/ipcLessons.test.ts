import { describe, expect, it } from 'vitest';
import { ABIS } from '../kernel/abi/word';
import { builtinTrace, eventsOfKind } from './testKit';
import type { TraceEvent, TraceJson } from './traceJson';

const pick = (e: TraceEvent | undefined, keys: string[]) =>
  Object.fromEntries(keys.map((k) => [k, e?.[k]]));
const kinds = (trace: TraceJson, wanted: string[]) =>
  trace.events.filter((e) => wanted.includes(e.kind));

describe.each(ABIS)('rendezvous (%s)', (abi) => {
  it('receiver first: it blocks in an open receive, the send delivers at once', () => {
    const trace = builtinTrace('rendezvous-receiver-first', abi);
    const [blocked] = eventsOfKind(trace, 'ipc.receive.blocked');
    const [transfer] = eventsOfKind(trace, 'ipc.transfer');
    expect(pick(blocked, ['thread', 'mode'])).toEqual({ thread: 'receiver', mode: 'open' });
    expect(pick(transfer, ['from', 'to', 'tag', 'words', 'rendezvous'])).toEqual({
      from: 'sender',
      to: 'receiver',
      tag: '0x420002',
      words: ['0x1111', '0x2222'],
      rendezvous: 'receiverWaiting',
    });
    expect(eventsOfKind(trace, 'ipc.send.blocked')).toEqual([]);
    // The kernel writes the delivered tag into the receiver's MR0 on both ABIs (Pistachio
    // kernel/src/api/v4/tcb.h, tcb_t::set_tag).
    expect(trace.threads.receiver?.mrs.slice(0, 4)).toEqual([
      '0x420002',
      '0x1111',
      '0x2222',
      '0x0',
    ]);
  });

  it('sender first: it queues on the receiver, the receive takes it from the queue', () => {
    const trace = builtinTrace('rendezvous-sender-first', abi);
    const [queued] = eventsOfKind(trace, 'ipc.send.blocked');
    const [transfer] = eventsOfKind(trace, 'ipc.transfer');
    expect(pick(queued, ['thread', 'to', 'position'])).toEqual({
      thread: 'sender',
      to: 'receiver',
      position: 0,
    });
    expect(pick(transfer, ['from', 'to', 'rendezvous'])).toEqual({
      from: 'sender',
      to: 'receiver',
      rendezvous: 'senderQueued',
    });
    expect(transfer?.step).toBeGreaterThan(queued?.step ?? Infinity);
    expect(eventsOfKind(trace, 'ipc.receive.blocked')).toEqual([]);
  });
});

describe.each(ABIS)('call-reply (%s)', (abi) => {
  const trace = builtinTrace('call-reply', abi);

  it('the Call delivers, blocks the client on the reply and switches straight to the server', () => {
    const [request, reply] = eventsOfKind(trace, 'ipc.transfer');
    expect(pick(request, ['from', 'to', 'tag', 'words'])).toEqual({
      from: 'client',
      to: 'adder',
      tag: '0xadd0002',
      words: ['0x28', '0x2'],
    });
    const step = request?.step;
    expect(eventsOfKind(trace, 'ipc.receive.blocked').find((e) => e.step === step)).toMatchObject({
      thread: 'client',
      mode: 'reply',
      from: 'adder',
    });
    expect(eventsOfKind(trace, 'switch').find((e) => e.step === step)).toMatchObject({
      from: 'client',
      to: 'adder',
      reason: 'ipcDirect',
    });
    expect(pick(reply, ['from', 'to', 'words'])).toEqual({
      from: 'adder',
      to: 'client',
      words: ['0x2a'],
    });
  });

  it('a second Reply fails at once: send phase, timeout, ErrorCode 0x2', () => {
    expect(eventsOfKind(trace, 'ipc.error')).toEqual([
      expect.objectContaining({
        thread: 'adder',
        phase: 'send',
        code: 1,
        errorCode: '0x2',
        partner: 'client',
      }),
    ]);
    expect(trace.threads.client?.mrs[1]).toBe('0x2a');
    expect(trace.threads.adder?.errorCode).toBe('0x2');
  });
});

describe.each(ABIS)('server-loop (%s)', (abi) => {
  it('serves the two queued clients first come, first served, with ReplyWait', () => {
    const trace = builtinTrace('server-loop', abi);
    expect(eventsOfKind(trace, 'ipc.send.blocked').map((e) => [e.thread, e.position])).toEqual([
      ['first', 0],
      ['second', 1],
    ]);
    expect(eventsOfKind(trace, 'ipc.transfer').map((e) => [e.from, e.to, e.words])).toEqual([
      ['first', 'doubler', ['0x15']],
      ['doubler', 'first', ['0x2a']],
      ['second', 'doubler', ['0x64']],
      ['doubler', 'second', ['0xc8']],
    ]);
    const replyWaits = eventsOfKind(trace, 'syscall.ipc').filter(
      (e) => e.wrapper === 'L4_ReplyWait',
    );
    expect(replyWaits.map((e) => e.toName)).toEqual(['first', 'second']);
    expect(trace.threads.doubler?.state).toBe('receiving.open.forever');
  });
});

describe.each(ABIS)('timeouts (%s)', (abi) => {
  const trace = builtinTrace('timeouts', abi);

  it('Zero fails at once, a period when it runs out; receive 0x3, send 0x2', () => {
    const errors = eventsOfKind(trace, 'ipc.error').filter((e) => e.thread === 'impatient');
    expect(errors.map((e) => [e.phase, e.errorCode])).toEqual([
      ['receive', '0x3'],
      ['receive', '0x3'],
      ['send', '0x2'],
      ['send', '0x2'],
    ]);
    const fired = eventsOfKind(trace, 'timeout');
    const blocked = kinds(trace, ['ipc.receive.blocked', 'ipc.send.blocked']);
    const waited = fired.map((t) => {
      const start = blocked.filter((b) => b.thread === t.thread && b.step < t.step).at(-1);
      return [t.thread, t.phase, (t.at as number) - (start?.time ?? 0)];
    });
    expect(waited).toEqual([
      ['impatient', 'receive', 1000],
      ['impatient', 'send', 1000],
      ['sleeper', 'receive', 5000],
    ]);
  });

  it('a long enough send timeout delivers; L4_Sleep ends in a receive timeout', () => {
    const [delivered] = eventsOfKind(trace, 'ipc.transfer');
    expect(pick(delivered, ['from', 'to', 'words', 'rendezvous'])).toEqual({
      from: 'impatient',
      to: 'sleeper',
      words: ['0x600d'],
      rendezvous: 'senderQueued',
    });
    expect(delivered?.time).toBeGreaterThanOrEqual(5000);
    expect(trace.threads.sleeper?.errorCode).toBe('0x3');
    expect(trace.outcome).toBe('finished');
  });
});

describe.each(ABIS)('stale-thread-id (%s)', (abi) => {
  it('fails with non-existing partner: 0x4 sending, 0x5 receiving; the current id works', () => {
    const trace = builtinTrace('stale-thread-id', abi);
    expect(
      eventsOfKind(trace, 'ipc.error').map((e) => [e.thread, e.phase, e.code, e.errorCode]),
    ).toEqual([
      ['client', 'send', 2, '0x4'],
      ['client', 'receive', 2, '0x5'],
    ]);
    const stale = eventsOfKind(trace, 'syscall.ipc').filter((e) => e.thread === 'client')[0];
    expect(stale?.to).toBe(abi === 'amd64' ? '0x4200000001' : '0x108001');
    expect(stale?.toName).toBeNull();
    expect(eventsOfKind(trace, 'ipc.transfer').map((e) => [e.from, e.to])).toEqual([
      ['client', 'server'],
      ['server', 'client'],
    ]);
  });
});

describe.each(ABIS)('map-grant (%s)', (abi) => {
  const trace = builtinTrace('map-grant', abi);

  it('maps into the acceptor window and keeps the page; grants and loses it', () => {
    const [map] = eventsOfKind(trace, 'map');
    const [grant] = eventsOfKind(trace, 'grant');
    expect(pick(map, ['from', 'to', 'fpage', 'sndBase', 'regions'])).toEqual({
      from: 'owner',
      to: 'receiver',
      fpage: '0x1000c6',
      sndBase: '0x100000',
      regions: [{ src: '0x100000', dst: '0x800000', sizeLog2: 12, rights: 6 }],
    });
    expect(grant?.regions).toEqual([{ src: '0x101000', dst: '0x801000', sizeLog2: 12, rights: 7 }]);
    expect(trace.spaces.guest).toEqual([
      { base: '0x800000', sizeLog2: 12, rights: 6 },
      { base: '0x801000', sizeLog2: 12, rights: 7 },
    ]);
    const home = trace.spaces.home ?? [];
    const covers = (addr: number) =>
      home.some((m) => addr >= Number(m.base) && addr < Number(m.base) + 2 ** m.sizeLog2);
    expect(covers(0x100000)).toBe(true);
    expect(covers(0x101000)).toBe(false);
    expect(covers(0x102000)).toBe(true);
  });
});
