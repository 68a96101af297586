// The view's look: theme and font scale, as the store keeps them and the header offers them.

export const THEMES = ['light', 'dark', 'high-contrast'] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_NAMES: Readonly<Record<Theme, string>> = {
  light: 'Light',
  dark: 'Dark',
  'high-contrast': 'High contrast',
};

/** Font scales the header offers (any scale in FONT_SCALE_RANGE may come from a link). */
export const FONT_SCALES = [1, 1.25, 1.5] as const;
export const FONT_SCALE_RANGE = { min: 0.5, max: 3 } as const;

export function isTheme(value: unknown): value is Theme {
  return THEMES.some((t) => t === value);
}

export function isFontScale(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= FONT_SCALE_RANGE.min &&
    value <= FONT_SCALE_RANGE.max
  );
}
