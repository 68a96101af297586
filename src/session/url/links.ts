// What the address holds for the view being shown, as updates to its query (null deletes a key):
// only what differs from the defaults, so a link carries the scenario, the step and the options the
// user chose, and nothing else. The older spellings (`hide=`, `by=`, `fontScale=` when `font=` is
// written) are deleted so they cannot contradict what is written.
import { DEFAULT_SPEED } from '../../store/createSimStore';
import type { Granularity, PanelId } from '../../store/createSimStore';
import { PANEL_IDS } from '../../store/createSimStore';
import type { Theme } from '../../store/viewOptions';
import { CODE_PARAM } from './codeParam';
import type { Controls } from './options';
import { updateQuery } from './query';

export interface LinkedView {
  readonly scenario: string | null;
  readonly step: number;
  readonly granularity: Granularity;
  readonly hidden: readonly PanelId[];
  readonly theme: Theme | null;
  readonly fontScale: number;
  readonly speed: number;
  readonly controls: Controls;
  /** The controls of this mode when the address says nothing (embedded: minimal). */
  readonly defaultControls: Controls;
  /** The panels hidden in this mode when the address says nothing (embedded: the decoder). */
  readonly defaultHidden?: readonly PanelId[];
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

export function linkUpdates(view: LinkedView): Record<string, string | null> {
  return {
    scenario: view.scenario,
    step: view.step > 0 ? String(view.step) : null,
    granularity: view.granularity === 'kernel' ? 'event' : null,
    by: null,
    panels: sameSet(view.hidden, view.defaultHidden ?? [])
      ? null
      : PANEL_IDS.filter((p) => !view.hidden.includes(p)).join(','),
    hide: null,
    theme: view.theme,
    font: view.fontScale === 1 ? null : String(Math.round(view.fontScale * 100)),
    fontScale: null,
    speed: view.speed === DEFAULT_SPEED ? null : String(view.speed),
    controls: view.controls === view.defaultControls ? null : view.controls,
  };
}

/** Keys that only make sense inside a frame: a link that opens the page on its own drops them. */
const FRAME_ONLY = ['embed', 'keys', 'deck', 'parentOrigin', 'controls', 'autoplay', 'test'];

/** The address that opens `view` on its own page ("Open in Rendezvous"), from the page's `href`. */
export function standaloneHref(href: string, view: LinkedView): string {
  const url = new URL(href);
  const updates = linkUpdates({ ...view, defaultControls: 'full', defaultHidden: [] });
  for (const key of FRAME_ONLY) updates[key] = null;
  url.search = updateQuery(url.search, updates);
  url.hash = '';
  return url.toString();
}

/** `href` with the learner's code (`encodeCodeFragment`'s value) as its fragment's `code=`. */
export function withCodeFragment(href: string, fragment: string): string {
  const url = new URL(href);
  url.hash = `${CODE_PARAM}=${fragment}`;
  return url.toString();
}
