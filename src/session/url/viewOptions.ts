// Theme and font scale in the address (`theme=dark&font=125`; `fontScale=1.25` is read too): read
// into the store at start, written back (as `font=`) by the URL sync when the user changes them.
import { THEMES } from '../../store/viewOptions';
import type { Theme } from '../../store/viewOptions';
import { pickOne, readQuery } from './query';

/** The `font=` values the address takes (percent). */
export const FONT_PERCENTS = ['100', '125', '150'] as const;

export interface ViewOptions {
  /** null: not chosen, follow the system (`systemTheme`). */
  readonly theme: Theme | null;
  /** 1, 1.25 or 1.5. */
  readonly fontScale: number;
}

export function readViewOptions(search: string): ViewOptions {
  const query = readQuery(search);
  const theme = query.get('theme');
  return {
    theme: THEMES.find((t) => t === theme) ?? null,
    fontScale:
      Number(
        pickOne(query.get('font') ?? scalePercent(query.get('fontScale')), FONT_PERCENTS, '100'),
      ) / 100,
  };
}

/** `fontScale=1.25` as the percent `font=` takes ('125'), or null when it is not one of them. */
function scalePercent(scale: string | null): string | null {
  if (scale === null || !/^\d(\.\d{1,2})?$/.test(scale)) return null;
  return String(Math.round(Number(scale) * 100));
}

/** The address keys for a theme and font scale (null deletes a key: the default). */
export function viewOptionUpdates(view: ViewOptions): Record<string, string | null> {
  return {
    theme: view.theme,
    font: view.fontScale === 1 ? null : String(Math.round(view.fontScale * 100)),
  };
}

/** The theme the system asks for, from a media-query test (`window.matchMedia`). */
export function systemTheme(matches: (query: string) => boolean): Theme {
  if (matches('(prefers-contrast: more)') || matches('(forced-colors: active)'))
    return 'high-contrast';
  return matches('(prefers-color-scheme: dark)') ? 'dark' : 'light';
}
