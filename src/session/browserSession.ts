// The page's session: the built-in catalog (its own chunk, see loadCatalog.ts) with texts run in a
// Web Worker (worker/browserRunner.ts), the page's idle time and timers, its address, whether it is
// framed; and the test bridge in development builds or with `?test=1`.
import { browserDrafts } from './browserDrafts';
import { browserLocation, browserScheduler, canStartWorker, isFramed } from './browserPorts';
import { loadDefaultCatalog } from './loadCatalog';
import { createSession } from './session';
import type { Session } from './session';
import { installTestBridge } from './testBridge';
import { readQuery } from './url/query';
import { browserRunner } from './worker/browserRunner';
import type { RunnerPort } from './worker/protocol';

/**
 * The worker records every open in parts; a page opened from file:// (the single file) has no
 * module worker to start, so it records on its own thread in idle time (texts still try the worker).
 */
function runner(): RunnerPort {
  const worker = browserRunner();
  if (canStartWorker()) return worker;
  return { run: (request) => worker.run(request) };
}

export function browserSession(options: { readonly reducedMotion: boolean }): Session {
  const session = createSession({
    loadCatalog: () => loadDefaultCatalog().then((catalog) => catalog.withRunner(runner())),
    scheduler: browserScheduler,
    location: browserLocation,
    framed: isFramed(),
    init: options.reducedMotion ? { animate: false } : {},
    drafts: browserDrafts,
  });
  if (import.meta.env.DEV || readQuery(browserLocation.search()).get('test') === '1')
    installTestBridge(session);
  return session;
}
