// React binding of the session (session/session.ts): a provider that hands one session to the tree
// (and its store to <SimProvider>), `useSession()` for commands and opening, and
// `useSessionState(selector)` to re-render on what the session's statechart holds.
import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import type { Session, SessionSnapshot } from '../../session/session';
import { SimProvider } from './useSim';

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({
  session,
  children,
}: {
  readonly session: Session;
  readonly children: ReactNode;
}) {
  return (
    <SessionContext.Provider value={session}>
      <SimProvider store={session.store}>{children}</SimProvider>
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>.');
  return session;
}

/** Reads the session's statechart snapshot through `selector` (compared with Object.is). */
export function useSessionState<T>(selector: (snapshot: SessionSnapshot) => T): T {
  const { actor } = useSession();
  const subscribe = useCallback(
    (onChange: () => void) => {
      const sub = actor.subscribe(onChange);
      return () => sub.unsubscribe();
    },
    [actor],
  );
  return useSyncExternalStore(subscribe, () => selector(actor.getSnapshot()));
}
