import { describe, expect, it } from 'vitest';
import { readViewOptions, systemTheme } from './viewOptions';

describe('readViewOptions', () => {
  it('reads theme and font scale', () => {
    expect(readViewOptions('?theme=dark&font=125')).toEqual({ theme: 'dark', fontScale: 1.25 });
    expect(readViewOptions('?theme=high-contrast&font=150')).toEqual({
      theme: 'high-contrast',
      fontScale: 1.5,
    });
  });

  it('also takes fontScale= as a factor, font= first', () => {
    expect(readViewOptions('?fontScale=1.5')).toEqual({ theme: null, fontScale: 1.5 });
    expect(readViewOptions('?fontScale=1.25&theme=light')).toEqual({
      theme: 'light',
      fontScale: 1.25,
    });
    expect(readViewOptions('?font=125&fontScale=1.5').fontScale).toBe(1.25);
    for (const bad of ['1.3', '2', 'x', '1.5e0', '']) {
      expect(readViewOptions(`?fontScale=${bad}`).fontScale).toBe(1);
    }
  });

  it('follows the system when no theme is given, at 100 %', () => {
    expect(readViewOptions('')).toEqual({ theme: null, fontScale: 1 });
  });

  it('falls back on hostile values', () => {
    for (const search of [
      '?theme=DARK&font=125.0',
      '?theme=<script>&font=-1',
      '?theme=__proto__&font=1e9',
      '?theme=&font=',
      '?theme=dark%00&font=%',
    ]) {
      expect(readViewOptions(search)).toEqual({ theme: null, fontScale: 1 });
    }
  });
});

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
