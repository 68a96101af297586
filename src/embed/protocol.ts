// The postMessage protocol v1 between Rendezvous in a frame and the page around it (a slide deck):
// the envelope, the commands a host may send, the events the page sends back, and the check of an
// incoming message. Plain structured-clone objects, never JSON strings, so they cannot be taken
// for reveal.js's own `{"method": …}` strings. A fixed set: each command type names one command of
// the registry (src/session/commands.ts); nothing is looked up by a name the host chooses.
// docs/embedding.md documents it for deck authors.

export const NAMESPACE = 'rendezvous';
export const VERSION = 1;

interface Envelope {
  readonly namespace: typeof NAMESPACE;
  readonly version: typeof VERSION;
  readonly requestId?: string | number;
}

/** Display options a host may set (`setOptions`) and `ready`/`state` report. */
export interface EmbedOptions {
  readonly theme?: 'light' | 'dark' | 'high-contrast' | 'auto';
  readonly speed?: number;
  readonly fontScale?: number;
  readonly controls?: 'full' | 'minimal' | 'none';
  readonly panels?: readonly string[];
  readonly granularity?: 'statement' | 'event';
}

/** What a host sends, without the envelope. */
export type HostCommand =
  | { readonly type: 'next' | 'prev' | 'play' | 'pause' | 'reset' }
  | { readonly type: 'goto'; readonly step: number }
  | ({ readonly type: 'setOptions' } & EmbedOptions)
  | { readonly type: 'loadScenario'; readonly scenario: string; readonly step?: number }
  | { readonly type: 'getState'; readonly requestId?: string | number };

export type HostMessage = Envelope & HostCommand;

/** A `//@cue` mark of the scenario and the first step that reaches it. */
export interface Cue {
  readonly name: string;
  readonly step: number;
}

export interface ViewState {
  readonly scenario: string | null;
  readonly step: number;
  readonly stepCount: number;
  readonly playing: boolean;
  readonly options: Required<Omit<EmbedOptions, 'panels'>> & { readonly panels: readonly string[] };
}

/** What the page sends, without the envelope. */
export type EmbedEvent =
  | ({
      readonly type: 'ready';
      readonly version: typeof VERSION;
      readonly cues: readonly Cue[];
    } & Omit<ViewState, 'playing'>)
  | {
      readonly type: 'stepChanged';
      readonly step: number;
      readonly stepCount: number;
      readonly source: 'local' | 'host' | 'autoplay';
      readonly title: string | null;
    }
  | { readonly type: 'playState'; readonly playing: boolean }
  | ({ readonly type: 'state'; readonly requestId?: string | number } & ViewState)
  | {
      readonly type: 'key';
      readonly key: string;
      readonly code: string;
      readonly dir: 'next' | 'prev';
      readonly shiftKey: boolean;
      readonly altKey: boolean;
      readonly ctrlKey: boolean;
      readonly metaKey: boolean;
    }
  | { readonly type: 'error'; readonly message: string; readonly requestId?: string | number }
  | { readonly type: 'resize'; readonly height: number };

export type EmbedMessage = Envelope & EmbedEvent;
export type EventOf<T extends EmbedEvent['type']> = Extract<EmbedEvent, { type: T }>;

/** The registry command each command message runs; `getState` is answered, not run. */
export const COMMAND_OF = {
  next: 'next',
  prev: 'prev',
  goto: 'goto',
  play: 'play',
  pause: 'pause',
  reset: 'reset',
  setOptions: 'setOptions',
  loadScenario: 'loadScenario',
} as const;

export type Incoming =
  /** Not for us (another tool's message): ignore it, say nothing. */
  | { readonly kind: 'ignore' }
  /** reveal.js's plain strings, posted to iframes on their slide. */
  | { readonly kind: 'slide'; readonly active: boolean }
  | {
      readonly kind: 'command';
      readonly name: (typeof COMMAND_OF)[keyof typeof COMMAND_OF];
      readonly args: Record<string, unknown>;
      readonly requestId?: string | number;
    }
  | { readonly kind: 'getState'; readonly requestId?: string | number }
  | { readonly kind: 'bad'; readonly message: string; readonly requestId?: string | number };

const isRequestId = (v: unknown): v is string | number =>
  (typeof v === 'string' && v.length <= 100) || (typeof v === 'number' && Number.isFinite(v));

const ENVELOPE_KEYS = new Set(['namespace', 'version', 'type', 'requestId']);

/** Classifies a message's `data`; only our namespace gets an answer when it is wrong. */
export function readIncoming(data: unknown): Incoming {
  if (data === 'slide:start') return { kind: 'slide', active: true };
  if (data === 'slide:stop') return { kind: 'slide', active: false };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { kind: 'ignore' };
  const m = data as Readonly<Record<string, unknown>>;
  if (m.namespace !== NAMESPACE) return { kind: 'ignore' };
  const requestId = isRequestId(m.requestId) ? m.requestId : undefined;
  const withId = requestId !== undefined ? { requestId } : {};
  if (m.version !== VERSION)
    return {
      kind: 'bad',
      message: `Unsupported version ${String(m.version).slice(0, 20)}; this page speaks version ${VERSION}.`,
      ...withId,
    };
  if (m.requestId !== undefined && requestId === undefined)
    return { kind: 'bad', message: '"requestId" must be a string or a number.' };
  const type = m.type;
  if (type === 'getState') return { kind: 'getState', ...withId };
  if (typeof type !== 'string' || !Object.hasOwn(COMMAND_OF, type))
    return {
      kind: 'bad',
      message: `Unknown message type ${JSON.stringify(String(type).slice(0, 40))}.`,
      ...withId,
    };
  const args: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(m)) if (!ENVELOPE_KEYS.has(k)) args[k] = v;
  return { kind: 'command', name: COMMAND_OF[type as keyof typeof COMMAND_OF], args, ...withId };
}
