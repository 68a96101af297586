// The page's session: the built-in catalog (its own chunk, see loadCatalog.ts) with texts run in a
// Web Worker (worker/browserRunner.ts), the page's idle time and timers, its address, whether it is
// framed; and the test bridge in development builds or with `?test=1`.
import { browserDrafts } from './browserDrafts';
import { browserLocation, browserScheduler, isFramed } from './browserPorts';
import { loadDefaultCatalog } from './loadCatalog';
import { mark, MARK, onThisClock } from './marks';
import { createSession } from './session';
import type { Session } from './session';
import { installTestBridge } from './testBridge';
import { readQuery } from './url/query';
import { previewSource } from '../store/previewSource';
import type { PreviewFrames } from '../store/previewSource';
import type { PreviewPorts, ShownPreview } from './preview';
import { pageRunner } from './pageRunner';
import type { BrowserRunner } from './worker/browserRunner';

/**
 * The worker records every open in parts and runs every text (pageRunner.ts). It starts at once
 * when the first open is its preview of a lesson (earlyStart.ts, preview.ts); else the page records
 * a run's first steps itself (worker/follow.ts), so the worker is not waited for: it starts with
 * the first long run, or when the page is idle after it has shown its first run (then the editor's
 * first run finds it loaded; before, its download would compete with the first frame's).
 */
const WARM_TIMEOUT_MS = 2000;

const shownPreview = (frames: PreviewFrames): ShownPreview => ({
  id: frames.id,
  source: previewSource(frames),
});

/** The worker's preview of the first lesson, as a source (preview.ts). */
const previewPorts = (runner: BrowserRunner): PreviewPorts => ({
  preview: (request, more) =>
    runner
      .preview(request, (frames) => more(frames === null ? null : shownPreview(frames)))
      .then((frames) => {
        if (frames === null) return null;
        if (frames.timing) {
          mark(MARK.workerReady, onThisClock(frames.timing.ready));
          mark(MARK.workerRecorded, onThisClock(frames.timing.recorded));
          mark(MARK.workerViewed, onThisClock(frames.timing.viewed));
        }
        return shownPreview(frames);
      }),
});

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
    ...(runner === null ? {} : { preview: previewPorts(runner) }),
  });
  if (runner !== null) warmAfterFirstRun(session, runner);
  if (import.meta.env.DEV || readQuery(browserLocation.search()).get('test') === '1')
    installTestBridge(session);
  return session;
}
