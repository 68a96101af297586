// Runs the workspace in the worker a moment after the last keystroke (through session.openText),
// keeping the step shown; says whether what is on screen is stale (an edit not yet run, or one
// that does not compile), whether the run stopped at the step cap, and hands back the diagnostics.
// A newer edit supersedes an older run. An edit that leaves the program as it is (a comment, spaces:
// see programKey.ts) is up to date at once and never marks the run stale; it still runs, quietly,
// so that the code panels show the new comment.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Diagnostic } from '../../lang';
import { extraFiles, programKey } from '../../scenarios';
import type { Workspace } from '../../scenarios';
import type { Session } from '../../session/session';

/** The pause after the last keystroke before the edit runs. */
export const RUN_DELAY_MS = 300;

export type RunStatus = 'running' | 'ok' | 'failed';

export interface DraftRun {
  readonly status: RunStatus;
  readonly diagnostics: readonly Diagnostic[];
  /** The last run stopped at the step cap after this many steps (null: it ended by itself). */
  readonly cappedAt: number | null;
  /** Runs `ws` after the delay (0: now), at `step` (default: the step on show). */
  schedule(ws: Workspace, delayMs?: number, step?: number): void;
  /** The run on show is `ws`'s (the lesson, when the editor opens on it unchanged). */
  showing(ws: Workspace): void;
}

/** The program whose run is on show, and what its run said. */
interface Shown {
  readonly program: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly cappedAt: number | null;
}

export function useDraftRun(session: Session, key: string): DraftRun {
  const [status, setStatus] = useState<RunStatus>('ok');
  const [diagnostics, setDiagnostics] = useState<readonly Diagnostic[]>([]);
  const [cappedAt, setCappedAt] = useState<number | null>(null);
  const timer = useRef<number | null>(null);
  const seq = useRef(0);
  const shown = useRef<Shown | null>(null);
  /** The program of the last edit, and of the run the worker is busy with (null: none). */
  const latest = useRef<string | null>(null);
  const inFlight = useRef<string | null>(null);
  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    },
    [],
  );

  const tell = useCallback((s: RunStatus, d: readonly Diagnostic[], capped: number | null) => {
    setStatus(s);
    setDiagnostics(d);
    setCappedAt(capped);
  }, []);

  /** The run on show is `program`'s and no run of another program can land over it: say so. */
  const settle = useCallback(
    (program: string): boolean => {
      const on = shown.current;
      const other = inFlight.current !== null && inFlight.current !== program;
      if (on === null || on.program !== program || other) return false;
      tell('ok', on.diagnostics, on.cappedAt);
      session.store.getState().setStale(false);
      return true;
    },
    [session, tell],
  );

  const schedule = useCallback(
    (ws: Workspace, delayMs = RUN_DELAY_MS, at?: number) => {
      if (timer.current !== null) window.clearTimeout(timer.current);
      const program = programKey(ws);
      latest.current = program;
      if (!settle(program)) setStatus('running');
      timer.current = window.setTimeout(() => {
        timer.current = null;
        const quiet = settle(program);
        const mine = ++seq.current;
        inFlight.current = program;
        const step = at ?? session.store.getState().cursor;
        if (!quiet) session.store.getState().setStale(true);
        void session
          .openText(ws.own[ws.path] ?? '', { id: key, path: ws.path, files: extraFiles(ws), step })
          .then((result) => {
            // A newer run replaced this one before it was shown.
            if (mine !== seq.current) return;
            inFlight.current = null;
            const d = result.diagnostics ?? [];
            if (result.ok) {
              const capped = result.capped === true ? result.source.length - 1 : null;
              shown.current = { program, diagnostics: d, cappedAt: capped };
            }
            // A newer edit waits for its pause; it is up to date already if its program is on show.
            if (latest.current !== program) {
              if (latest.current !== null) settle(latest.current);
              return;
            }
            if (result.ok) settle(program);
            else {
              setStatus('failed');
              setDiagnostics(d);
              session.store.getState().setStale(true);
            }
          });
      }, delayMs);
    },
    [session, key, settle],
  );
  const showing = useCallback((ws: Workspace) => {
    shown.current = { program: programKey(ws), diagnostics: [], cappedAt: null };
  }, []);
  return { status, diagnostics, cappedAt, schedule, showing };
}
