// The visualizer: the store provider, the scenario from the URL, and the panels laid out for a
// 1280×720 screen up to 1920×1080 and a projector. Mount it once: <Visualizer fontScale={…} />.
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useCatalog } from '../hooks/useCatalog';
import { useSim, useSimApi, SimProvider } from '../hooks/useSim';
import { usePlayback } from '../hooks/usePlayback';
import { useFillHeight } from '../hooks/useFillHeight';
import { useStepKeys } from '../hooks/useStepKeys';
import { useUrlSync } from '../hooks/useUrlSync';
import { SequenceChart } from '../panels/chart/SequenceChart';
import { ControlsBar } from '../panels/ControlsBar';
import { NarrationBar } from '../panels/NarrationBar';
import { PanelMenu } from '../panels/PanelMenu';
import { ScenarioPicker } from '../panels/ScenarioPicker';
import type { ScenarioChoice } from '../panels/ScenarioPicker';
import { RegistersPanel } from '../panels/registers/RegistersPanel';
import { SidePanels } from '../panels/SidePanels';
import { ThreadsPanel } from '../panels/threads/ThreadsPanel';
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

// Not on the first screen: loaded once the scenario is up and the page is idle (the decoder sits
// below the panels), or when first opened (the help).
const WordDecoder = lazy(() =>
  import('../decoder/WordDecoder').then((m) => ({ default: m.WordDecoder })),
);
const HelpOverlay = lazy(() =>
  import('../panels/HelpOverlay').then((m) => ({ default: m.HelpOverlay })),
);

interface VisualizerProps {
  /** The page's font scale (1, 1.25, 1.5). */
  readonly fontScale?: number;
  /** Scenarios to offer; the built-in lessons (loaded after the first paint) by default. */
  readonly catalog?: ScenarioCatalog;
}

function prefersReducedMotion(): boolean {
  return (
    typeof window.matchMedia === 'function' &&
    window.matchMedia('(prefers-reduced-motion: reduce)').matches
  );
}

export function Visualizer({ fontScale = 1, catalog }: VisualizerProps) {
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
  readonly catalog: ScenarioCatalog | undefined;
  readonly fontScale: number;
}

/** Runs `task` when the page is idle (soon after, where idle callbacks do not exist). */
function whenIdle(task: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(task, { timeout: 500 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(task, 50);
  return () => window.clearTimeout(id);
}

function VisualizerBody({ query, catalog: given, fontScale }: BodyProps) {
  const store = useSimApi();
  const loaded = useSim((s) => s.source !== null);
  const notice = useSim((s) => s.notice);
  const helpOpen = useSim((s) => s.helpOpen);
  const animate = useSim((s) => s.animate);
  const decoderHidden = useSim((s) => s.hidden.includes('decoder'));
  const scenarioId = useSim((s) => s.scenarioId);
  const title = useSim((s) => s.source?.meta.title ?? null);
  const headRef = useRef<HTMLDivElement>(null);
  const gridRef = useFillHeight(headRef, 24);
  const { catalog, settled, open: openScenario } = useCatalog(given, query);
  const [choices, setChoices] = useState<readonly ScenarioChoice[] | null>(null);
  const [decoderDue, setDecoderDue] = useState(false);
  const [helpUsed, setHelpUsed] = useState(false);
  if (helpOpen && !helpUsed) setHelpUsed(true);
  usePlayback();
  useStepKeys();
  useUrlSync();

  useEffect(() => store.getState().setFontScale(fontScale), [store, fontScale]);
  useEffect(
    () => (import.meta.env.DEV || query.test ? installTestApi(store) : undefined),
    [store, query.test],
  );
  // Once the first frame is up, when the page is idle: the picker's list (it reads every lesson's
  // header), then the decoder below the panels.
  useEffect(
    () =>
      settled
        ? whenIdle(() => {
            if (catalog) setChoices(catalog.choices());
            setDecoderDue(true);
          })
        : undefined,
    [catalog, settled],
  );

  const listed =
    choices ?? (scenarioId !== null && title !== null ? [{ id: scenarioId, title }] : []);

  return (
    <div className={`viz${animate ? '' : ' viz--still'}`} data-testid="visualizer">
      <div className="viz__head" ref={headRef}>
        <ControlsBar
          scenario={
            <ScenarioPicker scenarios={listed} current={scenarioId} onChange={openScenario} />
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
              <SidePanels />
            </div>
          </>
        ) : (
          <p className="viz__loading" role="status">
            Loading the scenario…
          </p>
        )}
      </div>
      {!decoderHidden && decoderDue && (
        <div className="viz__decoder">
          <Suspense fallback={null}>
            <WordDecoder fontScale={fontScale} />
          </Suspense>
        </div>
      )}
      {helpUsed && (
        <Suspense fallback={null}>
          <HelpOverlay open={helpOpen} onClose={() => store.getState().setHelpOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}
