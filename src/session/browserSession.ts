// The page's session: the built-in catalog (its own chunk, see loadCatalog.ts) with texts run in a
// Web Worker (worker/browserRunner.ts; on this thread where no worker can start, as from file://), the page's idle time and timers, its address, whether it is
// framed; and the test bridge in development builds or with `?test=1`.
import { browserLocation, browserScheduler, isFramed } from './browserPorts';
import { loadDefaultCatalog } from './loadCatalog';
import { createSession } from './session';
import type { Session } from './session';
import { installTestBridge } from './testBridge';
import { readQuery } from './url/query';
import { browserRunner } from './worker/browserRunner';
import { inProcessRunner } from './worker/inProcess';

export function browserSession(options: { readonly reducedMotion: boolean }): Session {
  const session = createSession({
    loadCatalog: () =>
      loadDefaultCatalog().then((catalog) =>
        catalog.withRunner(browserRunner(inProcessRunner(catalog.files))),
      ),
    scheduler: browserScheduler,
    location: browserLocation,
    framed: isFramed(),
    init: options.reducedMotion ? { animate: false } : {},
  });
  if (import.meta.env.DEV || readQuery(browserLocation.search()).get('test') === '1')
    installTestBridge(session);
  return session;
}
