import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../session/defaultCatalog';
import { manualScheduler, memoryLocation } from '../session/ports';
import { createSession } from '../session/session';
import { startBridge } from './bridge';
import { navDirection, revealTriggerKey } from './deckKeys';
import type { EmbedMessage } from './protocol';
import { readIncoming } from './protocol';

const parent = { name: 'the deck' };
const stranger = { name: 'another frame' };

async function embedded(
  search = '?scenario=call-reply',
  timing: Pick<Parameters<typeof startBridge>[1], 'defer' | 'now'> = {},
) {
  const session = createSession({
    loadCatalog: () => Promise.resolve(defaultCatalog),
    scheduler: manualScheduler(),
    location: memoryLocation(search),
    framed: true,
  });
  const sent: EmbedMessage[] = [];
  let deliver: (e: { data: unknown; source: unknown; origin: string }) => void = () => undefined;
  const stop = startBridge(session, {
    parent,
    post: (m) => sent.push(m),
    listen: (handler) => {
      deliver = handler;
      return () => undefined;
    },
    ...timing,
  });
  await session.settled();
  await Promise.resolve();
  const from = (source: unknown, data: unknown, origin = 'https://deck.example') =>
    deliver({ data, source, origin });
  const command = (data: object) => from(parent, { namespace: 'rendezvous', version: 1, ...data });
  const of = <T extends EmbedMessage['type']>(type: T) =>
    sent.filter((m): m is Extract<EmbedMessage, { type: T }> => m.type === type);
  return { session, sent, from, command, of, stop };
}

describe('the postMessage bridge', () => {
  it('says ready once loaded, with the step count, the options and the cues', async () => {
    const { of, session } = await embedded();
    const [ready] = of('ready');
    expect(of('ready')).toHaveLength(1);
    expect(ready).toMatchObject({
      namespace: 'rendezvous',
      version: 1,
      scenario: 'call-reply',
      step: 0,
      stepCount: session.store.getState().source?.length,
      options: { theme: 'auto', controls: 'minimal', granularity: 'statement' },
    });
    expect(ready?.options.panels).not.toContain('decoder');
    expect(ready?.cues.map((c) => c.name)).toEqual(
      expect.arrayContaining(['call', 'server-waits', 'reply']),
    );
    for (const cue of ready?.cues ?? []) expect(cue.step).toBeGreaterThan(0);
  });

  it("runs the parent's commands through the registry and reports the step it moved to", async () => {
    const { command, of, session } = await embedded();
    command({ type: 'goto', step: 5 });
    command({ type: 'next' });
    command({ type: 'prev' });
    expect(session.store.getState().cursor).toBe(5);
    expect(of('stepChanged').map((e) => [e.step, e.source])).toEqual([
      [5, 'host'],
      [6, 'host'],
      [5, 'host'],
    ]);
    command({ type: 'setOptions', theme: 'dark', fontScale: 1.5 });
    command({ type: 'getState', requestId: 7 });
    expect(of('state')[0]).toMatchObject({
      requestId: 7,
      step: 5,
      playing: false,
      options: { theme: 'dark', fontScale: 1.5 },
    });
    command({ type: 'play' });
    command({ type: 'pause' });
    expect(of('playState').map((e) => e.playing)).toEqual([true, false]);
    command({ type: 'reset' });
    expect(session.store.getState().cursor).toBe(0);
    expect(of('error')).toEqual([]);
  });

  it('ignores messages from any other window, and other namespaces', async () => {
    const { from, sent, session } = await embedded();
    const before = sent.length;
    from(stranger, { namespace: 'rendezvous', version: 1, type: 'goto', step: 4 });
    from(parent, { namespace: 'reveal', type: 'goto', step: 4 });
    from(parent, '{"method":"next"}');
    expect(session.store.getState().cursor).toBe(0);
    expect(sent.length).toBe(before);
  });

  it('answers a malformed command from the parent with an error and changes nothing', async () => {
    const { command, of, session } = await embedded();
    const state = session.store.getState();
    command({ type: 'goto', step: -2, requestId: 'a' });
    command({ type: 'eval', code: 'alert(1)' });
    command({ type: 'setOptions', theme: 'dark', speed: 'fast' });
    command({ type: 'goto', step: 1, version: 2 });
    command({ type: '__proto__' });
    expect(of('error').map((e) => e.message)).toEqual([
      'goto: "step" must be a step number (a whole number 0, 1, 2, …).',
      'Unknown message type "eval".',
      expect.stringContaining('"speed" must be one of'),
      expect.stringContaining('Unsupported version 2'),
      'Unknown message type "__proto__".',
    ]);
    expect(of('error')[0]?.requestId).toBe('a');
    expect(session.store.getState()).toMatchObject({
      cursor: state.cursor,
      theme: state.theme,
      speed: state.speed,
    });
  });

  it("reveal's slide:start plays when autoplay is on; slide:stop pauses", async () => {
    const { from, session } = await embedded('?scenario=call-reply&autoplay=1&deck=reveal');
    expect(session.store.getState().playing).toBe(false);
    from(parent, 'slide:start');
    expect(session.store.getState().playing).toBe(true);
    from(parent, 'slide:stop');
    expect(session.store.getState().playing).toBe(false);
  });

  it('checks the origin when parentOrigin is set', async () => {
    const { from, session } = await embedded(
      '?scenario=call-reply&parentOrigin=https://deck.example',
    );
    const goto = { namespace: 'rendezvous', version: 1, type: 'goto', step: 3 };
    from(parent, goto, 'https://evil.example');
    expect(session.store.getState().cursor).toBe(0);
    from(parent, goto, 'https://deck.example');
    expect(session.store.getState().cursor).toBe(3);
  });
});

describe('a burst of commands (the page defers and batches them)', () => {
  it('runs 10,000 in order in a few batches and tells the step each batch ends at', async () => {
    const later: (() => void)[] = [];
    let clock = 0;
    const { command, of, session } = await embedded('?scenario=call-reply', {
      defer: (flush) => later.push(flush),
      // Each reading of the clock is 0.05 ms later: a 40 ms batch holds about 800 messages.
      now: () => (clock += 0.05),
    });
    for (let i = 0; i < 10_000; i++)
      command(i % 2 === 1 ? { type: 'next' } : { type: 'goto', step: i % 15 });
    command({ type: 'getState', requestId: 'end' });
    command({ type: 'goto', step: -1, requestId: 'bad' });
    // Nothing runs in the message handlers themselves.
    expect(session.store.getState().cursor).toBe(0);
    expect(later).toHaveLength(1);
    let batches = 0;
    while (later.length) {
      batches++;
      later.shift()?.();
    }
    expect(batches).toBeGreaterThan(5);
    expect(batches).toBeLessThan(100);
    expect(session.store.getState().cursor).toBe(9);
    expect(of('state')).toMatchObject([{ requestId: 'end', step: 9 }]);
    expect(of('error').map((e) => e.requestId)).toEqual(['bad']);
    const told = of('stepChanged');
    expect(told.length).toBe(batches);
    expect(told.at(-1)).toMatchObject({ step: 9, source: 'host' });
  });
});

describe('the protocol and the deck keys', () => {
  it('classifies incoming data without reflection', () => {
    expect(readIncoming(null)).toEqual({ kind: 'ignore' });
    expect(readIncoming('slide:start')).toEqual({ kind: 'slide', active: true });
    expect(readIncoming({ namespace: 'rendezvous', version: 1, type: 'toString' })).toMatchObject({
      kind: 'bad',
    });
    expect(
      readIncoming({ namespace: 'rendezvous', version: 1, type: 'goto', step: 2, requestId: 1 }),
    ).toEqual({ kind: 'command', name: 'goto', args: { step: 2 }, requestId: 1 });
  });

  it('knows the deck navigation keys and their direction', () => {
    expect(
      ['ArrowRight', 'ArrowDown', ' ', 'Enter', 'PageDown', 'n'].map((k) => navDirection(k, false)),
    ).toEqual(Array(6).fill('next'));
    expect(['ArrowLeft', 'ArrowUp', 'PageUp', 'p'].map((k) => navDirection(k, false))).toEqual(
      Array(4).fill('prev'),
    );
    expect(navDirection(' ', true)).toBe('prev');
    expect(navDirection('k', false)).toBeNull();
    expect(navDirection('constructor', false)).toBeNull();
    expect(JSON.parse(revealTriggerKey(39))).toEqual({ method: 'triggerKey', args: [39] });
  });
});
