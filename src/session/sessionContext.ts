// What the session's statechart (sessionMachine.ts) holds when it starts: nothing opened yet. Its
// own module without XState, so the page shows the same context before the statechart's chunk is
// loaded (lazyActor.ts).
import type { SimStoreApi } from '../store/createSimStore';
import type { OpenRequest } from './openRequest';
import type { SessionContext } from './sessionMachine';

export function initialSessionContext(store: SimStoreApi, request: OpenRequest): SessionContext {
  return {
    store,
    catalog: null,
    request,
    rest: null,
    settled: false,
    choices: null,
    preview: null,
  };
}
