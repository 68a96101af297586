// The header's view options: theme and font scale, each a registry command.
import { useId } from 'react';
import { FONT_SCALES, THEME_NAMES, THEMES } from '../../store/viewOptions';
import type { Theme } from '../../store/viewOptions';
import { useSession } from '../hooks/useSession';
import { useSim } from '../hooks/useSim';

export function ViewPicker({ theme }: { readonly theme: Theme }) {
  const id = useId();
  const session = useSession();
  const fontScale = useSim((s) => s.fontScale);
  const offered = FONT_SCALES.some((f) => f === fontScale)
    ? FONT_SCALES
    : [...FONT_SCALES, fontScale].sort((a, b) => a - b);
  return (
    <div className="view-picker">
      <div className="control control--inline">
        <label htmlFor={`${id}-theme`}>Theme</label>
        <select
          id={`${id}-theme`}
          value={theme}
          data-testid="theme.picker"
          onChange={(e) => session.run('theme', { theme: e.target.value })}
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
          value={String(Math.round(fontScale * 100))}
          data-testid="font.picker"
          onChange={(e) => session.run('fontScale', { fontScale: Number(e.target.value) / 100 })}
        >
          {offered.map((f) => (
            <option key={f} value={String(Math.round(f * 100))}>
              {Math.round(f * 100)} %
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
