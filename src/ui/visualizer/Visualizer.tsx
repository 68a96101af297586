// The visualizer: controls and narration on top, then the threads' code and the sequence chart and
// the dock (variables, registers, servers, life cycle): the code on the left at full height when its
// columns fit there, else across the width above the other two (useArrangement.ts). The page is
// exactly one screen high; a hidden panel gives its space to the others, and the split between
// code and the rest can be dragged.
import { lazy, Suspense, useEffect, useState } from 'react';
import { onDecoderRequested } from '../decoder/decoderQuery';
import { useCommandKeys } from '../hooks/useCommandKeys';
import { useSession, useSessionState } from '../hooks/useSession';
import { useSim } from '../hooks/useSim';
import { SequenceChart } from '../panels/chart/SequenceChart';
import { ControlsBar } from '../panels/ControlsBar';
import { NarrationBar } from '../panels/NarrationBar';
import { PanelMenu } from '../panels/PanelMenu';
import { ScenarioPicker } from '../panels/ScenarioPicker';
import { ThreadsPanel } from '../panels/threads/ThreadsPanel';
import { DraftOffer } from '../editor/DraftOffer';
import { EditButton } from '../editor/EditButton';
import { fileDropHandlers } from '../editor/openDiskFile';
import { Dock } from './Dock';
import { Splitter } from './Splitter';
import { useArrangement } from './useArrangement';
import './styles/layout.css';
import './styles/grid.css';
import './styles/panels.css';
import './styles/theme.css';
import './styles/controls.css';
import './styles/threads.css';
import './styles/chart.css';
import './styles/registers.css';
import './styles/servers.css';
import './styles/statechart.css';
import './styles/variables.css';

// Not on the first screen: loaded when first opened.
const DecoderDialog = lazy(() =>
  import('../decoder/DecoderDialog').then((m) => ({ default: m.DecoderDialog })),
);
const EditorPanel = lazy(() =>
  import('../editor/EditorPanel').then((m) => ({ default: m.EditorPanel })),
);
const HelpOverlay = lazy(() =>
  import('../panels/HelpOverlay').then((m) => ({ default: m.HelpOverlay })),
);

function askedForDecoder(): boolean {
  const query = new URLSearchParams(window.location.search);
  return query.has('kind') || query.has('word');
}

/** The visualizer's panels; the session (loading, recording, playback, the address) is outside. */
export function Visualizer() {
  const session = useSession();
  const store = session.store;
  const loaded = useSim((s) => s.source !== null);
  const notice = useSim((s) => s.notice);
  const helpOpen = useSim((s) => s.helpOpen);
  const animate = useSim((s) => s.animate);
  const fontScale = useSim((s) => s.fontScale);
  const scenarioId = useSim((s) => s.scenarioId);
  const title = useSim((s) => s.source?.meta.title ?? null);
  const editorOpen = useSim((s) => s.editorOpen);
  const stale = useSim((s) => s.stale);
  const choices = useSessionState((s) => s.context.choices);
  // The built-in files are there (or will not come: the editor then starts from the template).
  const lessonsIn = useSessionState((s) => s.context.catalog !== null || s.matches('failed'));
  const [decoderOpen, setDecoderOpen] = useState(askedForDecoder);
  // A register word clicked anywhere opens the dialog; the decoder then reads the word sent.
  useEffect(() => onDecoderRequested(() => setDecoderOpen(true)), []);
  const { ref: gridRef, attach, arrangement, style } = useArrangement();
  useCommandKeys();

  const listed =
    choices ?? (scenarioId !== null && title !== null ? [{ id: scenarioId, title }] : []);

  const grid = (
    <div
      className={`viz__grid${stale ? ' viz__grid--stale' : ''}`}
      ref={attach}
      data-arrangement={arrangement}
      data-testid="viz.grid"
      style={style}
    >
      {stale && (
        <p className="viz__stale" data-testid="stale">
          Stale: the last good run
        </p>
      )}
      {loaded ? (
        <>
          <ThreadsPanel />
          <Splitter grid={gridRef} />
          <SequenceChart />
          <Dock />
        </>
      ) : (
        <p className="viz__loading" role="status">
          Loading the scenario…
        </p>
      )}
    </div>
  );

  return (
    <div
      className={`viz${animate ? '' : ' viz--still'}`}
      data-testid="visualizer"
      tabIndex={-1}
      {...fileDropHandlers(session)}
    >
      <div className="viz__head">
        <ControlsBar
          scenario={
            <ScenarioPicker
              scenarios={listed}
              current={scenarioId}
              onChange={(id) => session.run('loadScenario', { scenario: id })}
            />
          }
          tools={
            <div className="viz__tools">
              <EditButton />
              <PanelMenu />
              <button
                type="button"
                className="viz__tool"
                data-testid="decoder.open"
                aria-haspopup="dialog"
                title="Word decoder: any L4 word, bit by bit"
                onClick={() => setDecoderOpen(true)}
              >
                <span aria-hidden="true">0x</span>
                <span className="viz__tool-word"> Decoder</span>
                <span className="visually-hidden">Word decoder</span>
              </button>
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
        <DraftOffer />
        <NarrationBar />
      </div>
      {editorOpen ? (
        <div className="viz__work">
          {/* The editor's chunk (CodeMirror) loads once the first run is shown, not before the
              page's first frame (a share link with code opens the editor at once), and opens
              once the lessons it starts from are loaded (after a preview's frames: preview.ts). */}
          {loaded && lessonsIn ? (
            <Suspense fallback={<p role="status">Loading the editor…</p>}>
              <EditorPanel />
            </Suspense>
          ) : (
            <p role="status">Loading the editor…</p>
          )}
          {grid}
        </div>
      ) : (
        grid
      )}
      {decoderOpen && (
        <Suspense fallback={null}>
          <DecoderDialog fontScale={fontScale} onClose={() => setDecoderOpen(false)} />
        </Suspense>
      )}
      {helpOpen && (
        <Suspense fallback={null}>
          <HelpOverlay open onClose={() => store.getState().setHelpOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}
