// What embedding decides once per load, from the address and whether the page is framed: embed
// mode (auto when framed), the keyboard policy, the deck's dialect, the parent's origin, autoplay,
// and the controls shown first. Standalone defaults: `keys=own`, `controls=full`; embedded:
// `keys=deck`, `controls=minimal` (docs/embedding.md).
import type { PanelId } from '../../store/createSimStore';
import type { AddressOptions, Controls, Deck, KeyPolicy } from './options';

export interface EmbedSettings {
  readonly embedded: boolean;
  readonly keys: KeyPolicy;
  readonly deck: Deck;
  /** targetOrigin for messages to the parent; when not `*`, incoming origins must equal it. */
  readonly parentOrigin: string;
  readonly autoplay: boolean;
  /** The controls this mode shows when the address does not say (links omit this value). */
  readonly defaultControls: Controls;
  /** The panels this mode hides when the address does not say (embedded: the word decoder). */
  readonly defaultHidden: readonly PanelId[];
}

export function resolveEmbed(options: AddressOptions, framed: boolean): EmbedSettings {
  const embedded = options.embed ?? framed;
  return {
    embedded,
    keys: options.keys ?? (embedded ? 'deck' : 'own'),
    deck: options.deck ?? 'generic',
    parentOrigin: options.parentOrigin ?? '*',
    autoplay: options.autoplay ?? false,
    defaultControls: embedded ? 'minimal' : 'full',
    // The decoder sits below the panels: in a slide it would only be scrolled to.
    defaultHidden: embedded ? ['decoder'] : [],
  };
}
