// The entry of `rendezvous-reveal.js`, the plugin as one classic script for decks without a
// bundler (built by build/revealScript.ts, served beside the app): a `<script src>` of it sets
// `window.RendezvousReveal`, and the deck registers it as reveal registers its own plugins,
// `Reveal.initialize({ plugins: [RendezvousReveal] })`.
import { RendezvousPlugin } from './rendezvousPlugin';

export default RendezvousPlugin;
