// The session's actor as the page sees it before its statechart is loaded: the snapshot of
// `loading` (nothing opened yet), events kept in order, listeners kept; once the actor's chunk is
// in (sessionActor.ts, with XState), it is started, the kept events are sent to it, and every
// snapshot after that is the actor's own. A chunk that cannot be loaded ends in `failed`.
import type { SnapshotFrom } from 'xstate';
import type { SessionContext, SessionEvent, sessionMachine } from './sessionMachine';

/** `loading`, `opening`, `recording`, `ready`, `failed` (`failedOpen` passes at once). */
export type SessionPhase = SnapshotFrom<typeof sessionMachine>['value'];

/** What the session's statechart holds: its state and its context. */
export interface SessionView {
  readonly value: SessionPhase;
  readonly context: SessionContext;
  matches(phase: SessionPhase): boolean;
}

/** The part of an XState actor the session uses. */
export interface SessionActor {
  getSnapshot(): SessionView;
  subscribe(listener: (view: SessionView) => void): { unsubscribe(): void };
  send(event: SessionEvent): void;
}

interface Startable extends SessionActor {
  start(): unknown;
  stop(): unknown;
}

const view = (value: SessionPhase, context: SessionContext): SessionView => ({
  value,
  context,
  matches: (phase) => phase === value,
});

/**
 * An actor that is `loading` with `context` until `load()` gives the real one (then started);
 * `failed` with `failure(error)` told when it cannot be loaded. `stop()` stops it, or stops it
 * from being started.
 */
export function lazyActor(
  context: SessionContext,
  load: () => Promise<Startable>,
  failure: (error: unknown) => void,
): SessionActor & { stop(): void } {
  let actor: Startable | null = null;
  let current = view('loading', context);
  let stopped = false;
  const kept: SessionEvent[] = [];
  const listeners = new Set<(view: SessionView) => void>();
  const tell = (v: SessionView) => {
    current = v;
    for (const l of [...listeners]) l(v);
  };
  load().then(
    (loaded) => {
      if (stopped) return;
      actor = loaded;
      loaded.subscribe((v) => tell(v));
      loaded.start();
      for (const e of kept.splice(0)) loaded.send(e);
      tell(loaded.getSnapshot());
    },
    (error: unknown) => {
      if (stopped) return;
      failure(error);
      tell(view('failed', { ...context, settled: true }));
    },
  );
  return {
    getSnapshot: () => actor?.getSnapshot() ?? current,
    subscribe(listener) {
      listeners.add(listener);
      return { unsubscribe: () => listeners.delete(listener) };
    },
    send(event) {
      if (actor) actor.send(event);
      else kept.push(event);
    },
    stop() {
      stopped = true;
      actor?.stop();
    },
  };
}
