// The app shell: the header (name, tagline, view options) and the workspace that holds the
// visualizer's panels, around the page's session. In embed mode (docs/embedding.md) there is no
// header, only a small "Open in Rendezvous" link, and the page lays out for the frame's box; the
// `data-controls` attribute trims the controls bar (`full`, `minimal`, `none`).
import { useLayoutEffect } from 'react';
import type { Session } from '../session/session';
import { ExportButton, ExportDialog } from './export/ExportDialog';
import { SessionProvider, useSession } from './hooks/useSession';
import { useSim } from './hooks/useSim';
import { ShareButton } from './share/ShareDialog';
import { OpenLink } from './shell/OpenLink';
import { RenderFailure } from './shell/RenderFailure';
import { useSystemTheme } from './shell/useSystemTheme';
import { ViewPicker } from './shell/ViewPicker';
import { Visualizer } from './visualizer/Visualizer';
import './styles/themes.css';
import './styles/app.css';
import './styles/embed.css';

/** The app: the page's one session (made in main.tsx, outside React) and the shell around it. */
export function App({ session }: { readonly session: Session }) {
  return (
    <SessionProvider session={session}>
      <Shell />
    </SessionProvider>
  );
}

function Shell() {
  const { embed } = useSession();
  const chosen = useSim((s) => s.theme);
  const fontScale = useSim((s) => s.fontScale);
  const controls = useSim((s) => s.controls);
  const system = useSystemTheme();
  const theme = chosen ?? system;

  useLayoutEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = theme;
    root.style.setProperty('--font-scale', String(fontScale));
    root.classList.toggle('embedded', embed.embedded);
  }, [theme, fontScale, embed.embedded]);

  return (
    <div
      className={embed.embedded ? 'app app--embed' : 'app'}
      data-controls={controls}
      data-testid="app"
    >
      {embed.embedded ? (
        <OpenLink />
      ) : (
        <header className="app-header">
          <div className="app-header__brand">
            <h1 className="app-header__name">Rendezvous</h1>
            <p className="app-header__tagline">
              L4 X.2 microkernel IPC, step by step and bit by bit
            </p>
          </div>
          <div className="app-header__tools">
            <ViewPicker theme={theme} />
            <ExportButton />
            <ShareButton />
          </div>
        </header>
      )}
      <main className="workspace">
        <RenderFailure>
          <Visualizer />
        </RenderFailure>
      </main>
      <ExportDialog />
    </div>
  );
}
