// The page's session: the built-in catalog (its own chunk, see loadCatalog.ts) with texts run in a
// Web Worker (worker/browserRunner.ts), the page's idle time and timers, its address, whether it is
// framed; and the test bridge in development builds or with `?test=1`.
import { browserDrafts } from './browserDrafts';
import { browserLocation, browserScheduler, isFramed } from './browserPorts';
import { loadDefaultCatalog } from './loadCatalog';
import { createSession } from './session';
import type { Session } from './session';
import { installTestBridge } from './testBridge';
import { readQuery } from './url/query';
import { browserRunner } from './worker/browserRunner';

export function browserSession(options: { readonly reducedMotion: boolean }): Session {
  const session = createSession({
    loadCatalog: () => loadDefaultCatalog().then((catalog) => catalog.withRunner(browserRunner())),
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
