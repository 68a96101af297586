// Theme and font scale: chosen in the header, kept in the query (`theme=dark&font=125`).
import { pickOne, readQuery } from './query';

export const THEMES = ['light', 'dark', 'high-contrast'] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_NAMES: Readonly<Record<Theme, string>> = {
  light: 'Light',
  dark: 'Dark',
  'high-contrast': 'High contrast',
};

export const FONT_SCALES = ['100', '125', '150'] as const;
export type FontScale = (typeof FONT_SCALES)[number];
export const DEFAULT_FONT_SCALE: FontScale = '100';

export interface ViewOptions {
  /** null: not chosen, follow the system (`systemTheme`). */
  readonly theme: Theme | null;
  readonly font: FontScale;
}

export function readViewOptions(search: string): ViewOptions {
  const query = readQuery(search);
  const theme = query.get('theme');
  return {
    theme: THEMES.find((t) => t === theme) ?? null,
    font: pickOne(query.get('font'), FONT_SCALES, DEFAULT_FONT_SCALE),
  };
}

/** The theme the system asks for, from a media-query test (`window.matchMedia`). */
export function systemTheme(matches: (query: string) => boolean): Theme {
  if (matches('(prefers-contrast: more)') || matches('(forced-colors: active)'))
    return 'high-contrast';
  return matches('(prefers-color-scheme: dark)') ? 'dark' : 'light';
}
