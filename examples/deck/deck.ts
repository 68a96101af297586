// The example deck: reveal.js (pinned in package.json) with the Rendezvous plugin.
import Reveal from 'reveal.js';
import 'reveal.js/reset.css';
import 'reveal.js/reveal.css';
// serif: the one light theme that loads no web fonts (the deck works offline).
import 'reveal.js/theme/serif.css';
import './deck.css';
import { RendezvousPlugin } from './rendezvousPlugin';

const deck = new Reveal({
  hash: true,
  // The frames never take focus (Rendezvous does not either): the deck keeps its keys.
  preventIframeAutoFocus: true,
  plugins: [RendezvousPlugin],
});
void deck.initialize();
