// A small typed client of the postMessage API (protocol.ts) for the page around the frame: a slide
// deck's glue (examples/deck/rendezvousPlugin.ts) and the tests use it. It sends commands to one
// iframe and hears only the events whose source is that iframe's window, so two visualizers on
// one slide never mix. docs/embedding.md has a copy-paste version without a build step.
import { NAMESPACE, VERSION } from './protocol';
import type { EmbedEvent, EmbedOptions, EventOf, HostCommand, HostMessage } from './protocol';

/** Where the client listens (the deck's window); `window` unless a test gives another. */
export interface ClientHost {
  addEventListener(type: 'message', handler: (e: MessageEvent) => void): void;
  removeEventListener(type: 'message', handler: (e: MessageEvent) => void): void;
}

export interface ClientOptions {
  /** The visualizer's origin, or `*` (needed when it runs from `file://`). */
  readonly targetOrigin?: string;
  readonly host?: ClientHost;
  /** How long `getState` waits for its answer. */
  readonly timeoutMs?: number;
}

type Handler = (event: EmbedEvent) => void;

export class RendezvousClient {
  private readonly handlers = new Map<EmbedEvent['type'], Set<Handler>>();
  private readonly host: ClientHost;
  private readonly targetOrigin: string;
  private readonly timeoutMs: number;
  private nextId = 1;

  constructor(
    private readonly frame: { readonly contentWindow: Window | null },
    options: ClientOptions = {},
  ) {
    this.host = options.host ?? window;
    this.targetOrigin = options.targetOrigin ?? '*';
    this.timeoutMs = options.timeoutMs ?? 2000;
    this.host.addEventListener('message', this.onMessage);
  }

  private readonly onMessage = (e: MessageEvent) => {
    const win = this.frame.contentWindow;
    if (!win || e.source !== win) return;
    const data = e.data as unknown;
    if (typeof data !== 'object' || data === null) return;
    const m = data as Partial<EmbedEvent> & { namespace?: unknown };
    if (m.namespace !== NAMESPACE || typeof m.type !== 'string') return;
    for (const handler of this.handlers.get(m.type) ?? []) handler(m as EmbedEvent);
  };

  /** Calls `handler` on each event of `type`; returns the unsubscribe. */
  on<T extends EmbedEvent['type']>(type: T, handler: (event: EventOf<T>) => void): () => void {
    const set = this.handlers.get(type) ?? new Set<Handler>();
    const wrapped: Handler = (e) => handler(e as EventOf<T>);
    set.add(wrapped);
    this.handlers.set(type, set);
    return () => set.delete(wrapped);
  }

  /** Sends one command; nothing happens while the frame has no window. */
  send(command: HostCommand, requestId?: string | number): void {
    const message: HostMessage = {
      namespace: NAMESPACE,
      version: VERSION,
      ...command,
      ...(requestId !== undefined ? { requestId } : {}),
    };
    this.frame.contentWindow?.postMessage(message, this.targetOrigin);
  }

  next(): void {
    this.send({ type: 'next' });
  }
  prev(): void {
    this.send({ type: 'prev' });
  }
  goto(step: number): void {
    this.send({ type: 'goto', step });
  }
  play(): void {
    this.send({ type: 'play' });
  }
  pause(): void {
    this.send({ type: 'pause' });
  }
  reset(): void {
    this.send({ type: 'reset' });
  }
  setOptions(options: EmbedOptions): void {
    this.send({ type: 'setOptions', ...options });
  }
  loadScenario(scenario: string, step?: number): void {
    this.send({ type: 'loadScenario', scenario, ...(step !== undefined ? { step } : {}) });
  }

  /** Asks for the state; rejects when no answer comes in time. */
  getState(): Promise<EventOf<'state'>> {
    const requestId = `state-${this.nextId++}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        stop();
        reject(new Error('Rendezvous did not answer getState.'));
      }, this.timeoutMs);
      const stop = this.on('state', (e) => {
        if (e.requestId !== requestId) return;
        clearTimeout(timer);
        stop();
        resolve(e);
      });
      this.send({ type: 'getState', requestId }, requestId);
    });
  }

  dispose(): void {
    this.host.removeEventListener('message', this.onMessage);
    this.handlers.clear();
  }
}
