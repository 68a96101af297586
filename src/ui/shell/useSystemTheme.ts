// The theme the operating system asks for, kept up to date when it changes.
import { useSyncExternalStore } from 'react';
import { systemTheme } from '../../session/url/viewOptions';
import type { Theme } from '../../store/viewOptions';

const QUERIES = [
  '(prefers-color-scheme: dark)',
  '(prefers-contrast: more)',
  '(forced-colors: active)',
];

function matches(query: string): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
}

function subscribe(onChange: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => undefined;
  const lists = QUERIES.map((q) => window.matchMedia(q));
  for (const list of lists) list.addEventListener('change', onChange);
  return () => {
    for (const list of lists) list.removeEventListener('change', onChange);
  };
}

export function useSystemTheme(): Theme {
  return useSyncExternalStore(subscribe, () => systemTheme(matches));
}
