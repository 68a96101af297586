// What the Share dialog offers, as pure functions: the iframe snippet for a deck, with the options
// chosen in the dialog (panels, controls, theme, size) on top of the scenario and step shown.
import { PANEL_IDS } from '../../store/createSimStore';
import type { ControlLevel, PanelId } from '../../store/createSimStore';
import type { ThemeChoice } from '../../session/url/options';

export const SIZES = ['960x540', '800x600', '1280x720'] as const;
export type Size = (typeof SIZES)[number];

export interface EmbedChoices {
  readonly panels: readonly PanelId[];
  readonly controls: ControlLevel;
  readonly theme: ThemeChoice;
  readonly size: Size;
  readonly deck: 'reveal' | 'generic';
}

/** The embed address: the page's `pageHref` (its query dropped) with the scenario, step and choices. */
export function embedSrc(
  pageHref: string,
  view: { readonly scenario: string | null; readonly step: number },
  choices: EmbedChoices,
): string {
  const url = new URL(pageHref);
  url.hash = '';
  const q = new URLSearchParams();
  if (view.scenario) q.set('scenario', view.scenario);
  if (view.step > 0) q.set('step', String(view.step));
  if (choices.theme !== 'auto') q.set('theme', choices.theme);
  if (choices.controls !== 'minimal') q.set('controls', choices.controls);
  const all = PANEL_IDS.filter((p) => p !== 'decoder');
  const same = choices.panels.length === all.length && all.every((p) => choices.panels.includes(p));
  if (!same) q.set('panels', PANEL_IDS.filter((p) => choices.panels.includes(p)).join(','));
  if (choices.deck === 'reveal') q.set('deck', 'reveal');
  url.search = q.toString() ? `?${q.toString().replaceAll('%2C', ',')}` : '';
  return url.toString();
}

const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/**
 * The `<iframe>` to paste into a slide. reveal decks get `data-src` and `data-preload`, and the
 * marks the deck's Rendezvous plugin (examples/deck/rendezvousPlugin.ts) looks for: it drives the
 * frame and makes one fragment per step, so the deck's keys step the pasted frame as it is.
 */
export function iframeSnippet(src: string, choices: EmbedChoices, title: string): string {
  const [width, height] = choices.size.split('x');
  const source =
    choices.deck === 'reveal'
      ? `data-src="${escape(src)}" data-preload data-rendezvous data-rendezvous-fragments="steps"`
      : `src="${escape(src)}"`;
  return `<iframe ${source} width="${width}" height="${height}" style="border:0" title="${escape(title)}"></iframe>`;
}

/** The plugin's file beside the app (`npm run build` writes it; build/revealScript.ts). */
const PLUGIN_FILE = 'rendezvous-reveal.js';

/**
 * The `<script>` line a reveal deck without a bundler adds once, before its `Reveal.initialize`:
 * the plugin from the app's own address (`pageHref`'s folder), which sets `RendezvousReveal`.
 */
export function pluginScript(pageHref: string): string {
  const url = new URL(PLUGIN_FILE, pageHref);
  url.search = '';
  url.hash = '';
  return `<script src="${escape(url.toString())}"></script>`;
}

/** How the deck registers the plugin, as reveal registers its own. */
export const PLUGIN_INIT = 'Reveal.initialize({ plugins: [RendezvousReveal] })';
