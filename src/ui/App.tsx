// The app shell: one session (made once, outside React's render), the header (name, tagline, view
// options) and the workspace that holds the visualizer's panels.
import { useEffect, useLayoutEffect, useState } from 'react';
import { browserLocation, browserScheduler } from '../session/browserPorts';
import { loadDefaultCatalog } from '../session/loadCatalog';
import { createSession } from '../session/session';
import type { Session } from '../session/session';
import { installTestBridge } from '../session/testBridge';
import { readQuery } from '../session/url/query';
import { SessionProvider } from './hooks/useSession';
import { useSim } from './hooks/useSim';
import { useSystemTheme } from './shell/useSystemTheme';
import { ViewPicker } from './shell/ViewPicker';
import { Visualizer } from './visualizer/Visualizer';
import './styles/themes.css';
import './styles/app.css';

function prefersReducedMotion(): boolean {
  return (
    typeof window.matchMedia === 'function' &&
    window.matchMedia('(prefers-reduced-motion: reduce)').matches
  );
}

/** The browser's session: the built-in catalog, the page's idle time and address. */
function browserSession(): Session {
  return createSession({
    loadCatalog: loadDefaultCatalog,
    scheduler: browserScheduler,
    location: browserLocation,
    init: { ...(prefersReducedMotion() ? { animate: false } : {}) },
  });
}

export function App() {
  const [session] = useState(browserSession);
  useEffect(() => {
    const wanted = import.meta.env.DEV || readQuery(window.location.search).get('test') === '1';
    return wanted ? installTestBridge(session) : undefined;
  }, [session]);
  useEffect(() => () => session.dispose(), [session]);
  return (
    <SessionProvider session={session}>
      <Shell />
    </SessionProvider>
  );
}

function Shell() {
  const chosen = useSim((s) => s.theme);
  const fontScale = useSim((s) => s.fontScale);
  const system = useSystemTheme();
  const theme = chosen ?? system;

  useLayoutEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = theme;
    root.style.setProperty('--font-scale', String(fontScale));
  }, [theme, fontScale]);

  return (
    <div className="app">
      <header className="app-header">
        <div className="app-header__brand">
          <h1 className="app-header__name">Rendezvous</h1>
          <p className="app-header__tagline">L4 X.2 microkernel IPC, step by step and bit by bit</p>
        </div>
        <ViewPicker theme={theme} />
      </header>
      <main className="workspace">
        <Visualizer />
      </main>
    </div>
  );
}
