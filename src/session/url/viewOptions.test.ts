import { describe, expect, it } from 'vitest';
import { systemTheme } from './viewOptions';

describe('systemTheme', () => {
  const only =
    (...on: string[]) =>
    (query: string) =>
      on.includes(query);

  it('is light by default, dark when asked, high contrast when more contrast is asked for', () => {
    expect(systemTheme(only())).toBe('light');
    expect(systemTheme(only('(prefers-color-scheme: dark)'))).toBe('dark');
    expect(systemTheme(only('(prefers-color-scheme: dark)', '(prefers-contrast: more)'))).toBe(
      'high-contrast',
    );
    expect(systemTheme(only('(forced-colors: active)'))).toBe('high-contrast');
  });
});
