// React binding of the sim store (zustand's scoped-store pattern): a provider that makes one store
// per mount, `useSim(selector)` to read it and `useSimApi()` for actions and imperative access.
import { createContext, useContext, useState } from 'react';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import { createSimStore } from '../../store/createSimStore';
import type { SimInit, SimStore, SimStoreApi } from '../../store/createSimStore';

const SimContext = createContext<SimStoreApi | null>(null);

interface SimProviderProps {
  readonly children: ReactNode;
  /** Options for the store this provider creates; read once, at mount. */
  readonly init?: SimInit;
  /** An existing store to provide instead (tests, the embed bridge). */
  readonly store?: SimStoreApi;
}

export function SimProvider({ children, init, store }: SimProviderProps) {
  const [own] = useState(() => store ?? createSimStore(init));
  return <SimContext.Provider value={own}>{children}</SimContext.Provider>;
}

export function useSimApi(): SimStoreApi {
  const store = useContext(SimContext);
  if (!store) throw new Error('useSim must be used inside <SimProvider>.');
  return store;
}

/** Reads the store through `selector`; re-renders when the selected value changes (Object.is). */
export function useSim<T>(selector: (state: SimStore) => T): T {
  return useStore(useSimApi(), selector);
}
