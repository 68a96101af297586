// What the session needs from its host, as interfaces: a scheduler for idle-time work and a place
// to keep the address. The browser's implementations are in browserPorts.ts; tests use
// manualScheduler() and memoryLocation(), so the session runs without a page or real timers.

export interface Scheduler {
  /**
   * Runs `task` when the host is idle, at the latest after `timeoutMs`; the task gets the
   * milliseconds it may use. Returns a function that cancels it.
   */
  idle(task: (budgetMs: number) => void, timeoutMs: number): () => void;
  /** Runs `task` once after `ms`. Returns a function that cancels it. */
  after(ms: number, task: () => void): () => void;
  /**
   * Runs `task` in the first task after the next painted frame; `clean` says whether the page is
   * still as that frame laid it out (nothing changed the DOM since), so that reading layout, or an
   * API that needs it (the history API), costs no forced layout. Returns a function that cancels it.
   */
  afterPaint(task: (clean: boolean) => void): () => void;
  /** A monotonic clock in milliseconds (for pacing, never for the model). */
  now(): number;
}

/** The address: its query and fragment, and a way to rewrite the query in place. */
export interface LocationPort {
  readonly search: () => string;
  readonly hash: () => string;
  /** Replaces the query (`?a=1` or '') without a new history entry. */
  readonly replaceSearch: (search: string) => void;
  /** Replaces the fragment (`#a=1` or '') without a new history entry. */
  readonly replaceHash: (hash: string) => void;
}

/** A scheduler whose time moves only when a test says so. */
export interface ManualScheduler extends Scheduler {
  /** Runs every idle task and every timer due by `now() + ms`, in order; returns how many ran. */
  advance(ms: number): number;
  /** Runs until nothing is pending (at most `limit` tasks). */
  flush(limit?: number): number;
  readonly pending: () => number;
  /**
   * Says the page changed now (as a React commit would): an after-paint task due within the next
   * MANUAL_FRAME_MS finds the page not as painted (`clean` false).
   */
  touch(): void;
}

/** The manual scheduler's frame: an after-paint task runs this long after it was asked for. */
export const MANUAL_FRAME_MS = 16;

interface Pending {
  readonly at: number;
  readonly seq: number;
  readonly run: () => void;
}

export function manualScheduler(idleBudgetMs = 8): ManualScheduler {
  let clock = 0;
  let seq = 0;
  let queue: Pending[] = [];
  let touchedAt = -Infinity;
  const add = (at: number, run: () => void): (() => void) => {
    const entry = { at, seq: seq++, run };
    queue.push(entry);
    return () => {
      queue = queue.filter((p) => p !== entry);
    };
  };
  const takeDue = (until: number): Pending | undefined => {
    const due = queue.filter((p) => p.at <= until).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
    if (due) queue = queue.filter((p) => p !== due);
    return due;
  };
  const scheduler: ManualScheduler = {
    idle: (task) => add(clock, () => task(idleBudgetMs)),
    after: (ms, task) => add(clock + Math.max(0, ms), task),
    afterPaint: (task) =>
      add(clock + MANUAL_FRAME_MS, () => task(clock - touchedAt > MANUAL_FRAME_MS)),
    touch() {
      touchedAt = clock;
    },
    now: () => clock,
    advance(ms) {
      const until = clock + ms;
      let ran = 0;
      for (let due = takeDue(until); due; due = takeDue(until)) {
        clock = Math.max(clock, due.at);
        due.run();
        ran++;
      }
      clock = until;
      return ran;
    },
    flush(limit = 100_000) {
      let ran = 0;
      while (queue.length > 0 && ran < limit) {
        ran += scheduler.advance(Math.max(0, Math.min(...queue.map((p) => p.at)) - clock));
      }
      return ran;
    },
    pending: () => queue.length,
  };
  return scheduler;
}

/** A location kept in memory, starting at `search` and `hash`. */
export function memoryLocation(search = '', hash = ''): LocationPort & { writes: string[] } {
  let current = search;
  let fragment = hash;
  const writes: string[] = [];
  return {
    search: () => current,
    hash: () => fragment,
    replaceSearch(next) {
      current = next;
      writes.push(next);
    },
    replaceHash(next) {
      fragment = next;
    },
    writes,
  };
}
