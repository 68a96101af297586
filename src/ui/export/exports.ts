// The exports, one entry each: what the Export dialog (ExportDialog.tsx) lists, in its order. Each
// says whether it can be made now (a panel must be on screen to be drawn), the file's name, and
// makes the file. The chart and the registers are drawn from the page as it is (snapshot.ts), the
// trace is `cli run`'s text of the same run (FrameSource.traceText), the Mermaid text is built
// from the chart's messages (mermaid.ts).
import type { SimState } from '../../store/createSimStore';
import { messagesUpTo, sequenceDiagram } from './mermaid';
import { snapshotPng } from './png';
import { snapshotSvg } from './snapshot';

export type ExportId =
  'chart.svg' | 'chart.png' | 'registers.svg' | 'registers.png' | 'trace.json' | 'chart.mmd';

export interface ExportFile {
  readonly name: string;
  readonly data: string | Blob;
  readonly type: string;
}

export interface ExportEntry {
  readonly id: ExportId;
  /** The button's words. */
  readonly label: string;
  /** What the file is, beside the button. */
  readonly what: string;
  /** Null when it can be made now, else why not (in words for the dialog). */
  readonly unavailable: (s: SimState, doc: Document) => string | null;
  readonly make: (s: SimState, doc: Document) => Promise<ExportFile>;
}

/** The part of the page a picture export draws: a panel's body as it is on screen. */
const PANELS = { chart: 'Sequence chart', registers: 'Registers' } as const;
type Drawn = keyof typeof PANELS;

function panelBody(doc: Document, panel: Drawn): Element | null {
  return doc.querySelector(`[data-testid="panel.${panel}"] .vpanel__body`);
}

/** `call-reply-step5`: the scenario and the step, for file names. */
function baseName(s: SimState): string {
  const id = (s.scenarioId ?? 'rendezvous').replace(/[^A-Za-z0-9._-]+/g, '-');
  return `${id}-step${s.cursor}`;
}

function titleOf(s: SimState, panel: Drawn): string {
  const title = s.source?.meta.title ?? 'Rendezvous';
  return `${title}: ${PANELS[panel].toLowerCase()}, step ${s.cursor} (Rendezvous)`;
}

function notShown(panel: Drawn) {
  return (s: SimState, doc: Document): string | null => {
    if (s.source === null) return 'Nothing is loaded yet.';
    if (panelBody(doc, panel) !== null) return null;
    return s.hidden.includes(panel)
      ? `Show the ${PANELS[panel].toLowerCase()} panel first (panel menu).`
      : `Open the ${PANELS[panel]} tab first.`;
  };
}

function snapshotOf(s: SimState, doc: Document, panel: Drawn) {
  const body = panelBody(doc, panel);
  if (body === null) throw new Error(notShown(panel)(s, doc) ?? 'The panel is not shown.');
  return snapshotSvg(body, titleOf(s, panel));
}

function pictures(panel: Drawn): ExportEntry[] {
  const unavailable = notShown(panel);
  return [
    {
      id: `${panel}.svg`,
      label: `${PANELS[panel]} (SVG)`,
      what: 'a drawing as on screen, colours and fonts written in: opens in a browser, Inkscape, slides',
      unavailable,
      make: (s, doc) =>
        Promise.resolve({
          name: `${baseName(s)}-${panel}.svg`,
          data: snapshotOf(s, doc, panel).svg,
          type: 'image/svg+xml',
        }),
    },
    {
      id: `${panel}.png`,
      label: `${PANELS[panel]} (PNG, 2×)`,
      what: 'a picture at twice the screen size, sharp on a projector',
      unavailable,
      make: async (s, doc) => ({
        name: `${baseName(s)}-${panel}.png`,
        data: await snapshotPng(snapshotOf(s, doc, panel)),
        type: 'image/png',
      }),
    },
  ];
}

const noRun = (s: SimState): string | null =>
  s.source === null
    ? 'Nothing is loaded yet.'
    : s.source.traceText === undefined
      ? 'This view has no kernel trace.'
      : s.source.recording
        ? 'Still recording the run: wait a moment.'
        : null;

export const EXPORTS: readonly ExportEntry[] = [
  ...pictures('chart'),
  ...pictures('registers'),
  {
    id: 'trace.json',
    label: 'Trace (JSON)',
    what: 'the whole run as rendezvous-trace version 1, the same bytes cli run prints',
    unavailable: noRun,
    make: (s) => {
      const text = s.source?.traceText?.();
      if (text === undefined) throw new Error(noRun(s) ?? 'No trace.');
      const id = (s.scenarioId ?? 'rendezvous').replace(/[^A-Za-z0-9._-]+/g, '-');
      return Promise.resolve({ name: `${id}.trace.json`, data: text, type: 'application/json' });
    },
  },
  {
    id: 'chart.mmd',
    label: 'Chart (Mermaid)',
    what: 'a sequenceDiagram, one arrow per IPC up to this step: for Markdown, GitLab, GitHub',
    unavailable: (s) => (s.source === null ? 'Nothing is loaded yet.' : null),
    make: (s) => {
      const source = s.source;
      if (source === null) throw new Error('Nothing is loaded yet.');
      const names = (s.frame?.threads ?? []).map((t) => t.name);
      const text = sequenceDiagram(source.meta.title, names, messagesUpTo(source, s.cursor));
      return Promise.resolve({ name: `${baseName(s)}.mmd`, data: text, type: 'text/vnd.mermaid' });
    },
  },
];
