// The first frame before the lessons. When the address opens a built-in lesson at one of its first
// steps, the session asks the scenario worker for the frames up to that step as views (the worker
// compiles the lesson and records them: worker/previewJob.ts), shows them as soon as they come,
// and then the few after them, which the worker sends next. The page's own catalog chunk (the
// lessons, the compiler, the kernel: a large part of the first load) is loaded only once that
// frame is painted; the whole run then takes the preview's place with the cursor where the
// learner left it (sessionMachine.ts, `show`). A link with code of its own, a
// step past PREVIEW_MAX_STEP, an address with options that were not understood, or no worker:
// no preview, and the catalog loads at once.
import type { SimStoreApi } from '../store/createSimStore';
import type { FrameSource } from '../store/viewModel';
import { mark, MARK } from './marks';
import type { OpenRequest } from './openRequest';
import type { Scheduler } from './ports';
import { codeParam } from './url/codeParam';
import { PREVIEW_MAX_STEP } from './worker/protocol';
import type { PreviewRequest } from './worker/protocol';

/** How long the catalog waits for a preview that has not come. */
export const PREVIEW_WAIT_MS = 1500;

/** A preview's frames as a source, and the id of its lesson. */
export interface ShownPreview {
  readonly id: string;
  readonly source: FrameSource;
}

/** The host's half of a preview: the worker's frames as a source. */
export interface PreviewPorts {
  /**
   * The lesson's id and its frames up to the step shown, as a source; null when there are none
   * (or no worker). `more` is then told the same with the frames after them (or null), once.
   */
  readonly preview: (
    request: PreviewRequest,
    more: (preview: ShownPreview | null) => void,
  ) => Promise<ShownPreview | null>;
}

/** What to preview for the first open (from the address, `hash` its fragment); null: nothing. */
export function previewRequest(request: OpenRequest, hash: string): PreviewRequest | null {
  if (request.kind !== 'id' || request.notice !== undefined || codeParam(hash) !== null)
    return null;
  const { step } = request;
  if (!Number.isInteger(step) || step < 0 || step > PREVIEW_MAX_STEP) return null;
  return { lesson: request.id, step };
}

/**
 * Shows the preview of `request` in `store` if it comes within PREVIEW_WAIT_MS and the store has
 * nothing yet, then its frames after the step shown when they come, if it is still on show;
 * `shown` is told each source the store then holds. Resolves once the first frame is painted (or
 * at once when there is none), so the caller loads the rest after it.
 */
export function showPreview(
  store: SimStoreApi,
  request: PreviewRequest,
  ports: PreviewPorts,
  scheduler: Scheduler,
  shown: (source: FrameSource) => void,
): Promise<void> {
  return new Promise((resolve) => {
    let over = false;
    /** The source the store holds for the preview (null: none shown). */
    let onShow: FrameSource | null = null;
    const done = () => {
      if (over) return;
      over = true;
      cancel();
      resolve();
    };
    const cancel = scheduler.after(PREVIEW_WAIT_MS, done);
    const more = (preview: ShownPreview | null) => {
      const s = store.getState();
      if (preview === null || onShow === null || s.source !== onShow) return;
      s.extend(preview.source);
      onShow = store.getState().source;
      if (onShow !== null) shown(onShow);
    };
    mark(MARK.recordAsked);
    ports.preview(request, more).then((preview) => {
      if (over) return;
      if (preview === null || store.getState().source !== null) return done();
      mark(MARK.firstPart);
      store.getState().load(preview.source, { id: preview.id, step: request.step });
      mark(MARK.shown);
      onShow = store.getState().source;
      if (onShow !== null) shown(onShow);
      cancel();
      scheduler.afterPaint(done);
    }, done);
  });
}
