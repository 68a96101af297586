// The app shell: header (name, tagline, view options) and the workspace that holds the panels.
// The workspace is the visualizer; the word decoder is one of its panels.
import { useLayoutEffect, useState } from 'react';
import { useSystemTheme } from './shell/useSystemTheme';
import { ViewPicker } from './shell/ViewPicker';
import { Visualizer } from './visualizer/Visualizer';
import { replaceQuery } from './url/query';
import { readViewOptions } from './url/viewOptions';
import type { ViewOptions } from './url/viewOptions';
import './styles/themes.css';
import './styles/app.css';

export function App() {
  const [view, setView] = useState<ViewOptions>(() => readViewOptions(window.location.search));
  const system = useSystemTheme();
  const theme = view.theme ?? system;
  const fontScale = Number(view.font) / 100;

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
        <ViewPicker
          theme={theme}
          font={view.font}
          onTheme={(next) => {
            setView((v) => ({ ...v, theme: next }));
            replaceQuery({ theme: next });
          }}
          onFont={(next) => {
            setView((v) => ({ ...v, font: next }));
            replaceQuery({ font: next });
          }}
        />
      </header>
      <main className="workspace">
        <Visualizer fontScale={fontScale} />
      </main>
    </div>
  );
}
