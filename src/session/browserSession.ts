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
import type { BrowserRunner } from './worker/browserRunner';
import type { RunnerPort } from './worker/protocol';

/**
 * The worker records every open in parts and runs every text. The page records a run's first
 * steps itself (worker/follow.ts), so the worker is not waited for: it starts with the first long
 * run, or when the page is idle after it has shown its first run (then the editor's first run
 * finds it loaded; before, its download would compete with the first frame's). A page opened from
 * file:// (the single file) has no module worker to start: the catalog keeps no runner, so it records opens on the
 * page's thread in idle time and runs texts (edits included) there too. A worker that fails to
 * start anywhere else hands its jobs to the same in-process runner (see browserRunner.ts),
 * imported when first needed so the page's first chunk stays small.
 */
const WARM_TIMEOUT_MS = 2000;

function pageRunner(): BrowserRunner | null {
  if (!canStartWorker()) return null;
  const fallback: RunnerPort = {
    run: (request) =>
      Promise.all([loadDefaultCatalog(), import('./worker/inProcess')]).then(([catalog, m]) =>
        m.inProcessRunner(catalog.files).run(request),
      ),
  };
  return browserRunner({ fallback });
}

/** Starts `runner`'s worker when the page is idle after the store first holds a run. */
function warmAfterFirstRun(session: Session, runner: BrowserRunner): void {
  const stop = session.store.subscribe((s) => {
    if (s.source === null) return;
    stop();
    browserScheduler.idle(() => runner.warm(), WARM_TIMEOUT_MS);
  });
}

export function browserSession(options: { readonly reducedMotion: boolean }): Session {
  const runner = pageRunner();
  const session = createSession({
    loadCatalog: () =>
      loadDefaultCatalog().then((catalog) =>
        runner === null ? catalog : catalog.withRunner(runner),
      ),
    scheduler: browserScheduler,
    location: browserLocation,
    framed: isFramed(),
    init: options.reducedMotion ? { animate: false } : {},
    drafts: browserDrafts,
  });
  if (runner !== null) warmAfterFirstRun(session, runner);
  if (import.meta.env.DEV || readQuery(browserLocation.search()).get('test') === '1')
    installTestBridge(session);
  return session;
}
