// Runs the workspace in the worker a moment after the last keystroke (through session.openText),
// keeping the step shown; says whether what is on screen is stale (an edit not yet run, or one
// that does not compile), whether the run stopped at the step cap, and hands back the diagnostics.
// A newer edit supersedes an older run.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Diagnostic } from '../../lang';
import { extraFiles } from '../../scenarios';
import type { Workspace } from '../../scenarios';
import type { Session } from '../../session/session';

export const RUN_DELAY_MS = 350;

export type RunStatus = 'running' | 'ok' | 'failed';

export interface DraftRun {
  readonly status: RunStatus;
  readonly diagnostics: readonly Diagnostic[];
  /** The last run stopped at the step cap after this many steps (null: it ended by itself). */
  readonly cappedAt: number | null;
  /** Runs `ws` after the delay (0: now), at `step` (default: the step on show). */
  schedule(ws: Workspace, delayMs?: number, step?: number): void;
}

export function useDraftRun(session: Session, key: string): DraftRun {
  const [status, setStatus] = useState<RunStatus>('ok');
  const [diagnostics, setDiagnostics] = useState<readonly Diagnostic[]>([]);
  const [cappedAt, setCappedAt] = useState<number | null>(null);
  const timer = useRef<number | null>(null);
  const seq = useRef(0);
  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    },
    [],
  );
  const schedule = useCallback(
    (ws: Workspace, delayMs = RUN_DELAY_MS, at?: number) => {
      if (timer.current !== null) window.clearTimeout(timer.current);
      setStatus('running');
      timer.current = window.setTimeout(() => {
        timer.current = null;
        const mine = ++seq.current;
        const step = at ?? session.store.getState().cursor;
        session.store.getState().setStale(true);
        void session
          .openText(ws.own[ws.path] ?? '', { id: key, path: ws.path, files: extraFiles(ws), step })
          .then((result) => {
            if (mine !== seq.current) return;
            setDiagnostics(result.diagnostics ?? []);
            setStatus(result.ok ? 'ok' : 'failed');
            if (result.ok) setCappedAt(result.capped === true ? result.source.length - 1 : null);
            session.store.getState().setStale(!result.ok);
          });
      }, delayMs);
    },
    [session, key],
  );
  return { status, diagnostics, cappedAt, schedule };
}
