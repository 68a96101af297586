// window.__sim: the end-to-end tests' and the bench's way in (tldraw's EndToEndApi), installed only
// in development builds or with `?test=1`. It runs the registry's commands by name, so a command
// added to commands.ts is reachable here too.
import { COMMANDS } from './commands';
import type { RunResult } from './commands';
import type { Session, SessionPhase } from './session';

export interface SimTestApi {
  state(): {
    cursor: number;
    last: number;
    scenario: string | null;
    playing: boolean;
    animate: boolean;
    phase: SessionPhase;
  };
  /** The registry's command names. */
  readonly commands: readonly string[];
  run(name: string, args?: unknown): RunResult;
  seek(step: number): void;
  next(): void;
  prev(): void;
  /** Opens a scenario given as text (the bench's generated runs). */
  openText(text: string, options?: { id?: string; step?: number; maxSteps?: number }): void;
  settled(): Promise<SessionPhase>;
}

declare global {
  interface Window {
    __sim?: SimTestApi;
  }
}

export function installTestBridge(session: Session): () => void {
  const { store } = session;
  const api: SimTestApi = {
    state() {
      const s = store.getState();
      return {
        cursor: s.cursor,
        last: Math.max(0, (s.source?.length ?? 1) - 1),
        scenario: s.scenarioId,
        playing: s.playing,
        animate: s.animate,
        phase: session.actor.getSnapshot().value,
      };
    },
    commands: COMMANDS.map((c) => c.name),
    run: (name, args) => session.run(name, args),
    seek: (step) => store.getState().seek(step),
    next: () => void session.run('next'),
    prev: () => void session.run('prev'),
    openText: (text, options) => void session.openText(text, options),
    settled: () => session.settled(),
  };
  window.__sim = api;
  return () => {
    if (window.__sim === api) delete window.__sim;
  };
}
