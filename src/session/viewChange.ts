// The argument of the `setOptions` command (a deck matching its slide's look): theme, speed, text
// size, controls, panels and granularity, each optional; checked whole, so one bad field refuses
// them all and nothing changes.
import { CONTROL_LEVELS, PANEL_IDS, SPEEDS } from '../store/createSimStore';
import type { ControlLevel, Granularity, PanelId } from '../store/createSimStore';
import { isFontScale, isTheme } from '../store/viewOptions';
import type { Theme } from '../store/viewOptions';
import type { Parsed } from './commands';

const record = (raw: unknown): Readonly<Record<string, unknown>> | null =>
  typeof raw === 'object' && raw !== null && !Array.isArray(raw)
    ? (raw as Record<string, unknown>)
    : null;
const isSpeed = (v: unknown): v is number => SPEEDS.some((s) => s === v);
const isPanel = (v: unknown): v is PanelId => PANEL_IDS.some((p) => p === v);
const isControls = (v: unknown): v is ControlLevel => CONTROL_LEVELS.some((c) => c === v);

/** What `setOptions` may change at once (a deck matching its slide); each field optional. */
export interface ViewChange {
  readonly theme?: Theme | null;
  readonly speed?: number;
  readonly fontScale?: number;
  readonly controls?: ControlLevel;
  /** The panels to show. */
  readonly panels?: readonly PanelId[];
  readonly granularity?: Granularity;
}

/** Checks every field of a `setOptions` argument; one bad field refuses them all. */
export function parseViewChange(raw: unknown): Parsed<ViewChange> {
  const r = record(raw);
  if (!r) return { ok: false, message: 'the options must be an object.' };
  const known = ['theme', 'speed', 'fontScale', 'controls', 'panels', 'granularity'];
  const unknown = Object.keys(r).filter((k) => !known.includes(k));
  if (unknown.length)
    return { ok: false, message: `unknown option "${unknown[0]?.slice(0, 40) ?? ''}".` };
  const change: Record<string, unknown> = {};
  const { theme, speed, fontScale, controls, panels, granularity } = r;
  if (theme !== undefined) {
    if (theme !== 'auto' && !isTheme(theme))
      return { ok: false, message: '"theme" must be light, dark, high-contrast or auto.' };
    change.theme = theme === 'auto' ? null : theme;
  }
  if (speed !== undefined) {
    if (!isSpeed(speed))
      return { ok: false, message: `"speed" must be one of ${SPEEDS.join(', ')}.` };
    change.speed = speed;
  }
  if (fontScale !== undefined) {
    if (!isFontScale(fontScale))
      return { ok: false, message: '"fontScale" must be a number from 0.5 to 3.' };
    change.fontScale = fontScale;
  }
  if (controls !== undefined) {
    if (!isControls(controls))
      return { ok: false, message: '"controls" must be full, minimal or none.' };
    change.controls = controls;
  }
  if (panels !== undefined) {
    const list = typeof panels === 'string' ? panels.split(',') : panels;
    if (!Array.isArray(list) || !list.every(isPanel))
      return { ok: false, message: `"panels" must list panel ids (${PANEL_IDS.join(', ')}).` };
    change.panels = list;
  }
  if (granularity !== undefined) {
    if (granularity !== 'statement' && granularity !== 'event' && granularity !== 'kernel')
      return { ok: false, message: '"granularity" must be statement or event.' };
    change.granularity = granularity === 'statement' ? 'statement' : 'kernel';
  }
  return { ok: true, args: change };
}
