// The session's statechart (sessionMachine.ts) with its work given: load the catalog, open a
// request (openRequest.ts), record the rest of a run (recordInParts.ts), read the picker's list
// when idle. Its own chunk with XState: the page imports it once its first frame is painted
// (lazyActor.ts), so neither is fetched before that frame.
import { createActor, fromCallback, fromPromise } from 'xstate';
import type { Actor } from 'xstate';
import type { SimStoreApi } from '../store/createSimStore';
import type { Recorded } from '../store/openScenario';
import type { ScenarioCatalog } from './catalog';
import { openRequest } from './openRequest';
import type { Opened, OpenRequest } from './openRequest';
import type { Scheduler } from './ports';
import { recordInParts } from './recordInParts';
import { sessionMachine } from './sessionMachine';
import type { SessionEvent } from './sessionMachine';

const CHOICES_TIMEOUT_MS = 500;

export interface SessionWork {
  readonly store: SimStoreApi;
  /** The first open (from the address). */
  readonly request: OpenRequest;
  readonly loadCatalog: () => Promise<ScenarioCatalog>;
  readonly scheduler: Scheduler;
}

/**
 * A newer open replaced this one before it was shown (an edit typed while the last one was
 * opening): the worker stops recording the rest of a run nobody will see.
 */
function dropRecording(opened: Opened): void {
  if (opened.ok) opened.result.follow?.({ part: () => undefined, failed: () => undefined })();
}

/** The session's actor, not started. */
export function sessionActor(work: SessionWork): Actor<typeof sessionMachine> {
  const { store, scheduler } = work;
  let choicesAsked = false;
  const machine = sessionMachine.provide({
    actors: {
      loadCatalog: fromPromise(() => work.loadCatalog()),
      open: fromPromise<Opened, { catalog: ScenarioCatalog; request: OpenRequest }>(
        async ({ input, signal }) => {
          const opened = await openRequest(input.catalog, input.request);
          if (signal.aborted) dropRecording(opened);
          return opened;
        },
      ),
      record: fromCallback<SessionEvent, { rest: Recorded; store: SimStoreApi }>(
        ({ input, sendBack }) =>
          recordInParts(input.rest, input.store, scheduler, {
            done: () => sendBack({ type: 'RECORDED' }),
            failed: (message) => sendBack({ type: 'RECORD_FAILED', message }),
          }),
      ),
    },
    actions: {
      scheduleChoices: ({ context }) => {
        const catalog = context.catalog;
        if (choicesAsked || !catalog) return;
        choicesAsked = true;
        scheduler.idle(
          () => actor.send({ type: 'CHOICES', choices: catalog.choices() }),
          CHOICES_TIMEOUT_MS,
        );
      },
    },
  });
  const actor = createActor(machine, { input: { store, request: work.request } });
  return actor;
}
