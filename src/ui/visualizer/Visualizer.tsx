// The visualizer: the store provider, the scenario from the URL, and the panels laid out for a
// 1280×720 screen up to 1920×1080 and a projector. Mount it once: <Visualizer fontScale={…} />.
import { useEffect, useRef, useState } from 'react';
import { useSim, useSimApi, SimProvider } from '../hooks/useSim';
import { usePlayback } from '../hooks/usePlayback';
import { useFillHeight } from '../hooks/useFillHeight';
import { useStepKeys } from '../hooks/useStepKeys';
import { useUrlSync } from '../hooks/useUrlSync';
import { WordDecoder } from '../decoder/WordDecoder';
import { SequenceChart } from '../panels/chart/SequenceChart';
import { ControlsBar } from '../panels/ControlsBar';
import { HelpOverlay } from '../panels/HelpOverlay';
import { NarrationBar } from '../panels/NarrationBar';
import { PanelMenu } from '../panels/PanelMenu';
import { ScenarioPicker } from '../panels/ScenarioPicker';
import { RegistersPanel } from '../panels/registers/RegistersPanel';
import { SidePanels } from '../panels/SidePanels';
import { ThreadsPanel } from '../panels/threads/ThreadsPanel';
import { defaultCatalog } from './defaultCatalog';
import type { ScenarioCatalog } from './catalog';
import { installTestApi } from './testApi';
import { readVisualizerQuery } from './visualizerQuery';
import type { VisualizerQuery } from './visualizerQuery';
import './styles/layout.css';
import './styles/theme.css';
import './styles/controls.css';
import './styles/threads.css';
import './styles/chart.css';
import './styles/registers.css';
import './styles/servers.css';
import './styles/statechart.css';
import './styles/help.css';

interface VisualizerProps {
  /** The page's font scale (1, 1.25, 1.5). */
  readonly fontScale?: number;
  /** Scenarios to offer; the built-in registry by default. */
  readonly catalog?: ScenarioCatalog;
}

function prefersReducedMotion(): boolean {
  return (
    typeof window.matchMedia === 'function' &&
    window.matchMedia('(prefers-reduced-motion: reduce)').matches
  );
}

export function Visualizer({ fontScale = 1, catalog = defaultCatalog }: VisualizerProps) {
  const [query] = useState(() => readVisualizerQuery(window.location.search));
  return (
    <SimProvider
      init={{
        animate: query.animate && !prefersReducedMotion(),
        granularity: query.granularity,
        hidden: query.hidden,
        fontScale,
        ...(query.speed !== null ? { speed: query.speed } : {}),
      }}
    >
      <VisualizerBody query={query} catalog={catalog} fontScale={fontScale} />
    </SimProvider>
  );
}

interface BodyProps {
  readonly query: VisualizerQuery;
  readonly catalog: ScenarioCatalog;
  readonly fontScale: number;
}

function VisualizerBody({ query, catalog, fontScale }: BodyProps) {
  const store = useSimApi();
  const loaded = useSim((s) => s.source !== null);
  const notice = useSim((s) => s.notice);
  const helpOpen = useSim((s) => s.helpOpen);
  const animate = useSim((s) => s.animate);
  const decoderHidden = useSim((s) => s.hidden.includes('decoder'));
  const scenarioId = useSim((s) => s.scenarioId);
  const headRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const gridHeight = useFillHeight(gridRef, headRef, loaded, 24);
  usePlayback();
  useStepKeys();
  useUrlSync();

  useEffect(() => store.getState().setFontScale(fontScale), [store, fontScale]);
  useEffect(
    () => (import.meta.env.DEV || query.test ? installTestApi(store) : undefined),
    [store, query.test],
  );

  useEffect(() => {
    let live = true;
    const params = new URLSearchParams(window.location.search);
    const wanted = query.scenario ?? catalog.defaultId;
    void (async () => {
      let result = await catalog.open(wanted, params);
      let message: string | null = null;
      let step = query.step;
      if (!result.ok) {
        message = `${result.message} Showing "${catalog.defaultId}" instead.`;
        step = null;
        result = await catalog.open(catalog.defaultId, params);
      }
      if (!live) return;
      if (!result.ok) {
        store.getState().setNotice(result.message);
        return;
      }
      const badStep = step !== null && Number.isNaN(step);
      store.getState().load(result.source, {
        id: result.ok && message ? catalog.defaultId : wanted,
        step: badStep ? 0 : (step ?? 0),
      });
      if (message) store.getState().setNotice(message);
      else if (badStep)
        store.getState().setNotice('The step in the address is not a number; showing step 0.');
    })();
    return () => {
      live = false;
    };
  }, [catalog, query, store]);

  const openScenario = (id: string) => {
    void catalog.open(id, new URLSearchParams()).then((result) => {
      if (result.ok) store.getState().load(result.source, { id, step: 0 });
      else store.getState().setNotice(result.message);
    });
  };

  return (
    <div className={`viz${animate ? '' : ' viz--still'}`} data-testid="visualizer">
      <div className="viz__head" ref={headRef}>
        <ControlsBar
          scenario={
            <ScenarioPicker
              scenarios={catalog.choices}
              current={scenarioId}
              onChange={openScenario}
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
              onClick={() => store.getState().setHelpOpen(true)}
            >
              ?
            </button>
          </div>
        </div>
      </div>
      {loaded ? (
        <div
          className="viz__grid"
          ref={gridRef}
          style={gridHeight === null ? undefined : { height: gridHeight }}
        >
          <div className="viz__row viz__row--top">
            <ThreadsPanel />
            <SequenceChart />
          </div>
          <div className="viz__row viz__row--bottom">
            <RegistersPanel />
            <SidePanels />
          </div>
        </div>
      ) : (
        <p className="viz__loading" role="status">
          Loading the scenario…
        </p>
      )}
      {!decoderHidden && (
        <div className="viz__decoder">
          <WordDecoder fontScale={fontScale} />
        </div>
      )}
      <HelpOverlay open={helpOpen} onClose={() => store.getState().setHelpOpen(false)} />
    </div>
  );
}
