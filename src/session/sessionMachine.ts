// The session's life as a statechart: load the catalog (after the worker's preview of the first
// lesson is on show, if there is one: preview.ts), open a scenario (with its fallback), show
// its first steps (in the preview's place, the cursor kept), record the rest in idle time, be ready; or fail with a message. The work itself
// (loading, opening, recording) is given by createSession as actors, so this file only says what
// follows what; the named guards and actions beside it are plain functions of the context.
import { assign, fromCallback, fromPromise, setup } from 'xstate';
import type { SimStoreApi } from '../store/createSimStore';
import type { Recorded } from '../store/openScenario';
import type { FrameSource } from '../store/viewModel';
import type { ScenarioCatalog, ScenarioChoice } from './catalog';
import { mark, MARK } from './marks';
import type { Opened, OpenRequest } from './openRequest';
import { initialSessionContext } from './sessionContext';

export interface SessionContext {
  readonly store: SimStoreApi;
  readonly catalog: ScenarioCatalog | null;
  /** The open asked for last (the first one comes from the address). */
  readonly request: OpenRequest;
  /** The run being recorded in parts, while in `recording`. */
  readonly rest: Recorded | null;
  /** The first open is over, whether it worked or left a notice. */
  readonly settled: boolean;
  /** The picker's list, read in idle time once the first frame is up. */
  readonly choices: readonly ScenarioChoice[] | null;
  /** The worker's preview of the first lesson, as the store holds it, while it is on show. */
  readonly preview: FrameSource | null;
}

export type SessionEvent =
  | { readonly type: 'OPEN'; readonly request: OpenRequest }
  | { readonly type: 'RECORDED' }
  | { readonly type: 'RECORD_FAILED'; readonly message: string }
  | { readonly type: 'CHOICES'; readonly choices: readonly ScenarioChoice[] }
  /** The first lesson's preview is on show (preview.ts), before the catalog. */
  | { readonly type: 'PREVIEWED'; readonly source: FrameSource };

export interface SessionInput {
  readonly store: SimStoreApi;
  readonly request: OpenRequest;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const sessionMachine = setup({
  types: {
    context: {} as SessionContext,
    events: {} as SessionEvent,
    input: {} as SessionInput,
  },
  actors: {
    loadCatalog: fromPromise<ScenarioCatalog>(() =>
      Promise.reject(new Error('no catalog loader was given')),
    ),
    open: fromPromise<Opened, { catalog: ScenarioCatalog; request: OpenRequest }>(() =>
      Promise.reject(new Error('no opener was given')),
    ),
    record: fromCallback<SessionEvent, { rest: Recorded; store: SimStoreApi }>(() => undefined),
  },
  guards: {
    hasCatalog: ({ context }) => context.catalog !== null,
    openFailed: (_, opened: Opened) => !opened.ok,
    nothingShown: ({ context }) => context.store.getState().source === null,
    hasMore: (_, opened: Opened) =>
      opened.ok && (opened.result.more !== null || opened.result.follow !== undefined),
  },
  actions: {
    rememberRequest: assign({
      request: ({ context, event }) => (event.type === 'OPEN' ? event.request : context.request),
    }),
    keepCatalog: assign({ catalog: (_, catalog: ScenarioCatalog) => catalog }),
    show: assign({
      rest: ({ context }, opened: Opened) => {
        if (!opened.ok) return null;
        const store = context.store.getState();
        // The whole run of the lesson the preview showed: the learner may have stepped in it.
        if (
          context.preview !== null &&
          store.source === context.preview &&
          store.scenarioId === opened.id
        )
          store.extend(opened.result.source);
        else store.load(opened.result.source, { id: opened.id, step: opened.step });
        mark(MARK.shown);
        if (opened.notice) store.setNotice(opened.notice);
        return opened.result.more || opened.result.follow ? opened.result : null;
      },
      preview: null,
    }),
    tell: ({ context }, message: string) => context.store.getState().setNotice(message),
    settle: assign({ settled: true }),
    /** Given by createSession: reads the picker's list when the page is idle (once). */
    scheduleChoices: () => undefined,
    keepChoices: assign({
      choices: ({ context, event }) => (event.type === 'CHOICES' ? event.choices : context.choices),
    }),
    dropRest: assign({ rest: null }),
    keepPreview: assign({
      preview: ({ context, event }) =>
        event.type === 'PREVIEWED' ? event.source : context.preview,
    }),
  },
}).createMachine({
  id: 'session',
  context: ({ input }) => initialSessionContext(input.store, input.request),
  initial: 'loading',
  on: {
    OPEN: { guard: 'hasCatalog', target: '.opening', actions: 'rememberRequest' },
    CHOICES: { actions: 'keepChoices' },
    // Its frames after the step shown may come after the catalog: any state keeps the latest.
    PREVIEWED: { actions: 'keepPreview' },
  },
  states: {
    loading: {
      on: { OPEN: { actions: 'rememberRequest' } },
      invoke: {
        src: 'loadCatalog',
        onDone: {
          target: 'opening',
          actions: { type: 'keepCatalog', params: ({ event }) => event.output },
        },
        onError: {
          target: 'failed',
          actions: [
            {
              type: 'tell',
              params: ({ event }) => `The scenarios could not be loaded: ${describe(event.error)}`,
            },
            'settle',
            'scheduleChoices',
          ],
        },
      },
    },
    opening: {
      invoke: {
        src: 'open',
        input: ({ context }) => ({
          // `opening` is entered only once the catalog is there (see hasCatalog).
          catalog: context.catalog as ScenarioCatalog,
          request: context.request,
        }),
        onDone: [
          {
            guard: { type: 'openFailed', params: ({ event }) => event.output },
            target: '#session.failedOpen',
            actions: [
              {
                type: 'tell',
                params: ({ event }) => (event.output.ok ? '' : event.output.message),
              },
            ],
          },
          {
            guard: { type: 'hasMore', params: ({ event }) => event.output },
            target: 'recording',
            actions: [
              { type: 'show', params: ({ event }) => event.output },
              'settle',
              'scheduleChoices',
            ],
          },
          {
            target: 'ready',
            actions: [
              { type: 'show', params: ({ event }) => event.output },
              'settle',
              'scheduleChoices',
            ],
          },
        ],
        onError: {
          target: 'failedOpen',
          actions: {
            type: 'tell',
            params: ({ event }) => `The scenario could not be opened: ${describe(event.error)}`,
          },
        },
      },
    },
    /** An open failed: if nothing is on screen the session has failed; else the old run stays. */
    failedOpen: {
      always: [
        { guard: 'nothingShown', target: 'failed', actions: ['settle', 'scheduleChoices'] },
        { target: 'ready', actions: ['settle', 'scheduleChoices'] },
      ],
    },
    recording: {
      invoke: {
        src: 'record',
        input: ({ context }) => ({ rest: context.rest as Recorded, store: context.store }),
      },
      on: {
        RECORDED: { target: 'ready' },
        RECORD_FAILED: {
          target: 'ready',
          actions: { type: 'tell', params: ({ event }) => event.message },
        },
      },
      exit: 'dropRest',
    },
    ready: {},
    failed: {},
  },
});
