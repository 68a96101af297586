// First, for its side effect: starts the scenario worker (which previews the first lesson) or the
// catalog chunk's download (the lessons, the compiler, the kernel), while React starts.
import './session/earlyStart';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browserSession } from './session/browserSession';
import { mark, MARK } from './session/marks';
import { App } from './ui/App';

mark(MARK.main);

// The session lives outside React: made once, for the page's lifetime.
const session = browserSession({
  reducedMotion:
    typeof window.matchMedia === 'function' &&
    window.matchMedia('(prefers-reduced-motion: reduce)').matches,
});

// The frame around the page (a slide deck), if any: postMessage, the keyboard policy, autoplay. Its
// own chunk, loaded once the session has settled (its first run is on show): a host talks to the
// page only after the `ready` the bridge then sends.
void session
  .settled()
  .then(() => import('./embed/startEmbedding'))
  .then((m) => m.startEmbedding(session));

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App session={session} />
    </StrictMode>,
  );
}
