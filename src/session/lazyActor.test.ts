import { describe, expect, it, vi } from 'vitest';
import { createSimStore } from '../store/createSimStore';
import { lazyActor } from './lazyActor';
import { initialSessionContext } from './sessionContext';
import type { SessionView } from './lazyActor';
import type { SessionContext, SessionEvent } from './sessionMachine';

const context = (): SessionContext =>
  initialSessionContext(createSimStore(), { kind: 'id', id: null, step: 0, fallback: true });

/** A stand-in actor: `ready` once started, and the events it was sent. */
function fakeActor(ctx: SessionContext) {
  const sent: SessionEvent[] = [];
  let listener: ((v: SessionView) => void) | null = null;
  let value: SessionView['value'] = 'loading';
  const snapshot = (): SessionView => ({ value, context: ctx, matches: (p) => p === value });
  return {
    sent,
    getSnapshot: snapshot,
    subscribe(l: (v: SessionView) => void) {
      listener = l;
      return { unsubscribe: () => (listener = null) };
    },
    send: (e: SessionEvent) => void sent.push(e),
    start() {
      value = 'ready';
      listener?.(snapshot());
    },
    stop: () => undefined,
  };
}

describe('the session’s actor before its chunk is loaded', () => {
  it('is loading, keeps the events sent meanwhile in order, then is the loaded actor', async () => {
    const ctx = context();
    const real = fakeActor(ctx);
    let load: (a: typeof real) => void = () => undefined;
    const actor = lazyActor(
      ctx,
      () => new Promise((r) => (load = r)),
      () => undefined,
    );
    const seen: string[] = [];
    actor.subscribe((v) => seen.push(v.value));
    expect(actor.getSnapshot().value).toBe('loading');
    actor.send({ type: 'RECORDED' });
    actor.send({ type: 'CHOICES', choices: [] });
    load(real);
    await Promise.resolve();
    await Promise.resolve();
    expect(real.sent.map((e) => e.type)).toEqual(['RECORDED', 'CHOICES']);
    expect(actor.getSnapshot().value).toBe('ready');
    expect(seen).toContain('ready');
  });

  it('a chunk that cannot be loaded ends in failed, and says why', async () => {
    const told: unknown[] = [];
    const actor = lazyActor(
      context(),
      () => Promise.reject(new Error('offline')),
      (e) => told.push(e),
    );
    await vi.waitFor(() => expect(actor.getSnapshot().value).toBe('failed'));
    expect(actor.getSnapshot().context.settled).toBe(true);
    expect(String(told[0])).toMatch(/offline/);
  });
});
