// First, for its side effect: starts loading the lessons, the compiler and the kernel (a chunk of
// their own), so they download while React starts and paints the page's frame.
import './session/prefetchCatalog';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startEmbedding } from './embed/startEmbedding';
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

// The frame around the page (a slide deck), if any: postMessage, the keyboard policy, autoplay.
startEmbedding(session);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App session={session} />
    </StrictMode>,
  );
}
