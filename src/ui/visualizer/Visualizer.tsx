// The visualizer: the panels laid out for a 1280×720 screen up to 1920×1080 and a projector, inside
// a <SessionProvider> (the session opens the scenario, records, plays and keeps the address).
import { lazy, Suspense, useRef } from 'react';
import { useCommandKeys } from '../hooks/useCommandKeys';
import { useFillHeight } from '../hooks/useFillHeight';
import { useSession, useSessionState } from '../hooks/useSession';
import { useSim } from '../hooks/useSim';
import { SequenceChart } from '../panels/chart/SequenceChart';
import { ControlsBar } from '../panels/ControlsBar';
import { NarrationBar } from '../panels/NarrationBar';
import { PanelMenu } from '../panels/PanelMenu';
import { ScenarioPicker } from '../panels/ScenarioPicker';
import { RegistersPanel } from '../panels/registers/RegistersPanel';
import { SidePanels } from '../panels/SidePanels';
import { VariablesPanel } from '../panels/variables/VariablesPanel';
import { ThreadsPanel } from '../panels/threads/ThreadsPanel';
import './styles/layout.css';
import './styles/theme.css';
import './styles/controls.css';
import './styles/threads.css';
import './styles/chart.css';
import './styles/registers.css';
import './styles/servers.css';
import './styles/statechart.css';
import './styles/variables.css';

// Not on the first screen: loaded once the scenario is up and the page is idle (the decoder sits
// below the panels), or when first opened (the help).
const WordDecoder = lazy(() =>
  import('../decoder/WordDecoder').then((m) => ({ default: m.WordDecoder })),
);
const HelpOverlay = lazy(() =>
  import('../panels/HelpOverlay').then((m) => ({ default: m.HelpOverlay })),
);

/** The visualizer's panels; the session (loading, recording, playback, the address) is outside. */
export function Visualizer() {
  const session = useSession();
  const store = session.store;
  const loaded = useSim((s) => s.source !== null);
  const notice = useSim((s) => s.notice);
  const helpOpen = useSim((s) => s.helpOpen);
  const animate = useSim((s) => s.animate);
  const fontScale = useSim((s) => s.fontScale);
  const decoderHidden = useSim((s) => s.hidden.includes('decoder'));
  const scenarioId = useSim((s) => s.scenarioId);
  const title = useSim((s) => s.source?.meta.title ?? null);
  // The picker's list arrives when the page is idle after the first frame; the decoder below the
  // panels waits for the same moment.
  const choices = useSessionState((s) => s.context.choices);
  const headRef = useRef<HTMLDivElement>(null);
  const gridRef = useFillHeight(headRef, 24);
  useCommandKeys();

  const listed =
    choices ?? (scenarioId !== null && title !== null ? [{ id: scenarioId, title }] : []);

  return (
    <div className={`viz${animate ? '' : ' viz--still'}`} data-testid="visualizer">
      <div className="viz__head" ref={headRef}>
        <ControlsBar
          scenario={
            <ScenarioPicker
              scenarios={listed}
              current={scenarioId}
              onChange={(id) => session.run('loadScenario', { scenario: id })}
            />
          }
        />
        {notice && (
          <p className="viz__notice" role="alert" data-testid="notice">
            <span aria-hidden="true">⚠ </span>
            {notice}{' '}
            <button
              type="button"
              className="viz__dismiss"
              onClick={() => store.getState().setNotice(null)}
            >
              Dismiss
            </button>
          </p>
        )}
        <div className="viz__story">
          <NarrationBar />
          <div className="viz__tools">
            <PanelMenu />
            <button
              type="button"
              className="viz__help"
              data-testid="controls.help"
              aria-label="Keyboard help"
              title="Keyboard help (?)"
              onClick={() => session.run('help')}
            >
              ?
            </button>
          </div>
        </div>
      </div>
      {/* The grid has its height before the panels arrive, so they are laid out once. */}
      <div className="viz__grid" ref={gridRef}>
        {loaded ? (
          <>
            <div className="viz__row viz__row--top">
              <ThreadsPanel />
              <SequenceChart />
            </div>
            <div className="viz__row viz__row--bottom">
              <RegistersPanel />
              <VariablesPanel />
              <SidePanels />
            </div>
          </>
        ) : (
          <p className="viz__loading" role="status">
            Loading the scenario…
          </p>
        )}
      </div>
      {!decoderHidden && choices !== null && (
        <div className="viz__decoder">
          <Suspense fallback={null}>
            <WordDecoder fontScale={fontScale} />
          </Suspense>
        </div>
      )}
      {helpOpen && (
        <Suspense fallback={null}>
          <HelpOverlay open onClose={() => store.getState().setHelpOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}
