// The visualizer's part of the URL: `scenario`, `step`, `animate=0`, `by=kernel`, `hide=a,b`,
// `speed`. Reading never throws; a bad value is reported, never fatal.
import { PANEL_IDS, SPEEDS } from '../../store/createSimStore';
import type { Granularity, PanelId } from '../../store/createSimStore';
import { pickText, readQuery } from './query';

export interface VisualizerQuery {
  readonly scenario: string | null;
  /** The requested step; null when absent; NaN when not a number (reported as out of range). */
  readonly step: number | null;
  readonly animate: boolean;
  readonly granularity: Granularity;
  readonly hidden: readonly PanelId[];
  readonly speed: number | null;
  /** Test bridge wanted (`test=1`). */
  readonly test: boolean;
}

/**
 * One rule for the step in the address: a whole number 0..999,999,999,999,999 (digits only) is a
 * step; anything else — `-1`, `1e20`, `Infinity`, 100,000 nines, `NaN`, `0x10` — is NaN, which the
 * session shows as step 0 with one notice (openRequest.ts).
 */
function readStep(text: string | null): number | null {
  if (text === null || text.trim() === '') return null;
  return /^\d{1,15}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
}

export function readVisualizerQuery(search: string): VisualizerQuery {
  const q = readQuery(search);
  const stepText = q.get('step');
  const hide = (q.get('hide') ?? '').split(',');
  const speed = Number(q.get('speed'));
  return {
    scenario: q.has('scenario') ? pickText(q.get('scenario'), '').trim() : null,
    step: readStep(stepText),
    animate: q.get('animate') !== '0',
    granularity: q.get('by') === 'kernel' ? 'kernel' : 'statement',
    hidden: PANEL_IDS.filter((p) => hide.includes(p)),
    speed: SPEEDS.some((s) => s === speed) ? speed : null,
    test: q.get('test') === '1',
  };
}

/** The URL updates for the current view (null deletes a key). */
export function visualizerUpdates(view: {
  readonly scenario: string | null;
  readonly step: number;
  readonly granularity: Granularity;
  readonly hidden: readonly PanelId[];
}): Record<string, string | null> {
  return {
    scenario: view.scenario,
    step: String(view.step),
    by: view.granularity === 'kernel' ? 'kernel' : null,
    hide: view.hidden.length ? view.hidden.join(',') : null,
  };
}
