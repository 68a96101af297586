// The theme the system asks for, when the address and the user chose none (`theme=auto`).
import type { Theme } from '../../store/viewOptions';

/** The theme the system asks for, from a media-query test (`window.matchMedia`). */
export function systemTheme(matches: (query: string) => boolean): Theme {
  if (matches('(prefers-contrast: more)') || matches('(forced-colors: active)'))
    return 'high-contrast';
  return matches('(prefers-color-scheme: dark)') ? 'dark' : 'light';
}
