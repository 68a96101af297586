// The page's side of the postMessage API (protocol.ts): commands from the parent frame run the
// registry's commands through the session (one entry point, session.run), and the page tells the
// parent what happened: `ready` on every load, `stepChanged`, `playState`, `state`, `error`,
// `resize`. Only messages whose source is the parent window (and whose origin is `parentOrigin`,
// when that is set) are heard; a malformed one answers `error` and changes nothing. With a `defer`
// port (the page), messages are queued and run together a moment later, at most FLUSH_BUDGET_MS at
// a time, with one `stepChanged` for the step a batch ends at: a burst of 10,000 commands renders
// a few times instead of 10,000, and the page stays responsive (docs/reliability.md). The host comes
// in through ports, so the unit tests run without a browser (and without `defer`, one at a time).
import type { Session } from '../session/session';
import { NAMESPACE, VERSION, readIncoming } from './protocol';
import type { EmbedEvent, EmbedMessage, Incoming } from './protocol';
import { cuesOf, viewState } from './viewState';

export interface BridgePorts {
  /** The parent window, compared with each message's `source`. */
  readonly parent: unknown;
  /** Posts to the parent (the caller picks the target origin). */
  readonly post: (message: EmbedMessage) => void;
  /** Subscribes to the page's `message` events; returns the unsubscribe. */
  readonly listen: (
    handler: (event: { data: unknown; source: unknown; origin: string }) => void,
  ) => () => void;
  /** Calls back with the document's height when it changes (for auto-height embeds). */
  readonly observeHeight?: (report: (height: number) => void) => () => void;
  /** Runs `flush` soon, in a task of its own (the page: a zero timeout); absent, messages run at once. */
  readonly defer?: (flush: () => void) => void;
  /** A clock in milliseconds, for the batch budget (the page: `performance.now`). */
  readonly now?: () => number;
}

/** The longest a batch of queued messages runs before the rest waits for the next task (under a
 * long task, 50 ms; each batch ends in one render, which costs more than a batch of steps). */
const FLUSH_BUDGET_MS = 40;

export function startBridge(session: Session, ports: BridgePorts): () => void {
  const { store, embed } = session;
  const send = (event: EmbedEvent) =>
    ports.post({ namespace: NAMESPACE, version: VERSION, ...event });
  let fromHost = false;
  let slideActive = false;
  let isReady = false;

  const autoplayNow = () => {
    if (embed.autoplay && isReady && (slideActive || embed.deck !== 'reveal')) session.run('play');
  };

  const handle = (incoming: Incoming) => {
    switch (incoming.kind) {
      case 'ignore':
        return;
      case 'slide':
        slideActive = incoming.active;
        if (incoming.active) autoplayNow();
        else session.run('pause');
        return;
      case 'bad':
        send({
          type: 'error',
          message: incoming.message,
          ...(incoming.requestId !== undefined ? { requestId: incoming.requestId } : {}),
        });
        return;
      case 'getState':
        send({
          type: 'state',
          ...viewState(store.getState()),
          ...(incoming.requestId !== undefined ? { requestId: incoming.requestId } : {}),
        });
        return;
      case 'command': {
        fromHost = true;
        const result = session.run(incoming.name, incoming.args);
        fromHost = false;
        if (!result.ok)
          send({
            type: 'error',
            message: result.message,
            ...(incoming.requestId !== undefined ? { requestId: incoming.requestId } : {}),
          });
        return;
      }
    }
  };

  // The messages of a burst, run in batches; each batch reports where it ended.
  const queue: Incoming[] = [];
  let batching = false;
  const flush = () => {
    if (disposed) return;
    const start = ports.now?.() ?? 0;
    const before = store.getState();
    const told = {
      cursor: before.cursor,
      stepCount: before.source?.length ?? 0,
      playing: before.playing,
    };
    batching = true;
    let done = 0;
    while (done < queue.length) {
      const next = queue[done++];
      if (next) handle(next);
      if (ports.now && ports.now() - start > FLUSH_BUDGET_MS) break;
    }
    queue.splice(0, done);
    batching = false;
    const s = store.getState();
    if (isReady && s.source && (s.cursor !== told.cursor || s.source.length !== told.stepCount))
      send({
        type: 'stepChanged',
        step: s.cursor,
        stepCount: s.source.length,
        source: 'host',
        title: s.source.meta.title,
      });
    if (s.playing !== told.playing) send({ type: 'playState', playing: s.playing });
    if (queue.length) ports.defer?.(flush);
  };

  const stopListening = ports.listen(({ data, source, origin }) => {
    if (source !== ports.parent) return;
    if (embed.parentOrigin !== '*' && origin !== embed.parentOrigin) return;
    const incoming = readIncoming(data);
    if (incoming.kind === 'ignore') return;
    if (!ports.defer) return handle(incoming);
    queue.push(incoming);
    if (queue.length === 1) ports.defer(flush);
  });

  const unsubscribe = store.subscribe((s, prev) => {
    // A batch tells where it ended, once (flush).
    if (batching) return;
    // Until `ready`, the host knows nothing to compare a step with.
    if (isReady && (s.cursor !== prev.cursor || s.source !== prev.source)) {
      const stepCount = s.source?.length ?? 0;
      const moved = s.cursor !== prev.cursor || stepCount !== (prev.source?.length ?? 0);
      if (moved && s.source)
        send({
          type: 'stepChanged',
          step: s.cursor,
          stepCount,
          source: fromHost ? 'host' : s.playing || prev.playing ? 'autoplay' : 'local',
          title: s.source.meta.title,
        });
    }
    if (s.playing !== prev.playing) send({ type: 'playState', playing: s.playing });
  });

  let disposed = false;
  void session.settled().then(() => {
    if (disposed) return;
    isReady = true;
    const s = store.getState();
    const { playing: _playing, ...state } = viewState(s);
    send({ type: 'ready', version: VERSION, ...state, cues: cuesOf(s) });
    autoplayNow();
  });

  let lastHeight = -1;
  const stopHeight = ports.observeHeight?.((height) => {
    if (height === lastHeight) return;
    lastHeight = height;
    send({ type: 'resize', height });
  });

  return () => {
    disposed = true;
    stopListening();
    unsubscribe();
    stopHeight?.();
  };
}
