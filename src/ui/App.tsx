// The app shell: the header (name, tagline, view options) and the workspace that holds the
// visualizer's panels, around the page's session.
import { useLayoutEffect } from 'react';
import type { Session } from '../session/session';
import { SessionProvider } from './hooks/useSession';
import { useSim } from './hooks/useSim';
import { useSystemTheme } from './shell/useSystemTheme';
import { ViewPicker } from './shell/ViewPicker';
import { Visualizer } from './visualizer/Visualizer';
import './styles/themes.css';
import './styles/app.css';

/** The app: the page's one session (made in main.tsx, outside React) and the shell around it. */
export function App({ session }: { readonly session: Session }) {
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
