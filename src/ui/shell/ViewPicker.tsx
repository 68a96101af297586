// The header's view options: theme and font scale.
import { useId } from 'react';
import { FONT_SCALES, THEME_NAMES, THEMES } from '../url/viewOptions';
import type { FontScale, Theme } from '../url/viewOptions';

interface ViewPickerProps {
  readonly theme: Theme;
  readonly font: FontScale;
  readonly onTheme: (theme: Theme) => void;
  readonly onFont: (font: FontScale) => void;
}

export function ViewPicker({ theme, font, onTheme, onFont }: ViewPickerProps) {
  const id = useId();
  return (
    <div className="view-picker">
      <div className="control control--inline">
        <label htmlFor={`${id}-theme`}>Theme</label>
        <select
          id={`${id}-theme`}
          value={theme}
          data-testid="theme.picker"
          onChange={(e) => {
            const next = THEMES.find((t) => t === e.target.value);
            if (next) onTheme(next);
          }}
        >
          {THEMES.map((t) => (
            <option key={t} value={t}>
              {THEME_NAMES[t]}
            </option>
          ))}
        </select>
      </div>
      <div className="control control--inline">
        <label htmlFor={`${id}-font`}>Text size</label>
        <select
          id={`${id}-font`}
          value={font}
          data-testid="font.picker"
          onChange={(e) => {
            const next = FONT_SCALES.find((f) => f === e.target.value);
            if (next) onFont(next);
          }}
        >
          {FONT_SCALES.map((f) => (
            <option key={f} value={f}>
              {f} %
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
