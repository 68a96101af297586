// The browser's side of the session's ports (ports.ts): idle callbacks with their one fallback,
// timers, and the address bar. The only file of the session that touches `window`.
import type { LocationPort, Scheduler } from './ports';
import { updateQuery } from './url/query';

export const browserScheduler: Scheduler = {
  idle(task, timeoutMs) {
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback((deadline) => task(deadline.timeRemaining()), {
        timeout: timeoutMs,
      });
      return () => window.cancelIdleCallback(id);
    }
    // Where there are no idle callbacks (Safari): soon, with a small budget.
    const id = window.setTimeout(() => task(8), Math.min(timeoutMs, 50));
    return () => window.clearTimeout(id);
  },
  after(ms, task) {
    const id = window.setTimeout(task, ms);
    return () => window.clearTimeout(id);
  },
  afterPaint(task) {
    // A hidden page paints no frames; nothing waits for its layout either.
    if (document.visibilityState === 'hidden') {
      const id = window.setTimeout(() => task(true), 0);
      return () => window.clearTimeout(id);
    }
    let cancelled = false;
    let channel: MessageChannel | null = null;
    const frame = window.requestAnimationFrame(() => {
      // From this frame's callbacks until the task: any DOM change means the layout the frame
      // made is stale (a click's commit came first). Changes made by later callbacks of this same
      // frame count too; then the caller just waits one more frame.
      let changed = false;
      const watch = new MutationObserver(() => (changed = true));
      watch.observe(document, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
      channel = new MessageChannel();
      channel.port1.onmessage = () => {
        changed ||= watch.takeRecords().length > 0;
        watch.disconnect();
        channel?.port1.close();
        if (!cancelled) task(!changed);
      };
      // A message posted in a frame's callback is delivered after that frame is painted.
      channel.port2.postMessage(null);
    });
    return () => {
      cancelled = true;
      window.cancelAnimationFrame(frame);
    };
  },
  now: () => performance.now(),
};

export const browserLocation: LocationPort = {
  search: () => window.location.search,
  hash: () => window.location.hash,
  replaceSearch(search) {
    const { pathname, hash } = window.location;
    if (search !== window.location.search)
      window.history.replaceState(window.history.state, '', `${pathname}${search}${hash}`);
  },
  replaceHash(hash) {
    const { pathname, search } = window.location;
    if (hash !== window.location.hash)
      window.history.replaceState(window.history.state, '', `${pathname}${search}${hash}`);
  },
};

/** Writes `updates` into the address bar's query (null deletes a key), without a history entry. */
export function replaceQuery(updates: Readonly<Record<string, string | null>>): void {
  browserLocation.replaceSearch(updateQuery(window.location.search, updates));
}

/** The page can start a module Web Worker (not from file://, where the single file runs). */
export function canStartWorker(): boolean {
  return typeof window.Worker === 'function' && window.location.protocol !== 'file:';
}

/** The page runs inside a frame; a parent that cannot be compared (cross-origin) counts as one. */
export function isFramed(): boolean {
  try {
    return window.self !== window.top;
  } catch {
    return true;
  }
}
