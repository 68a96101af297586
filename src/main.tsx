// First, for its side effect: starts loading the lessons, the compiler and the kernel (a chunk of
// their own), so they download while React starts and paints the page's frame.
import './session/prefetchCatalog';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
