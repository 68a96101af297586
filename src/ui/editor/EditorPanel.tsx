// The code editor beside the panels (lazy-loaded: CodeMirror is not in the first load). Tabs: the
// scenario's file and the files it includes (built-in servers read-only until forked). Every edit
// is saved as a draft at once (compiling or not) and run in the worker a moment later; the
// compiler's messages show as squiggles and in the list below. Escape leaves the editor.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { EditorView } from '@codemirror/view';
import { browserDrafts } from '../../session/browserDrafts';
import { download } from '../export/download';
import { useSession, useSessionState } from '../hooks/useSession';
import { useSim } from '../hooks/useSim';
import { createCodeView, rangeOf, showDiagnostics } from './codeView';
import { useDraftRun } from './useDraftRun';
import { changedFrom, tabsOf, TEMPLATE, withFile } from './workspace';
import type { Workspace } from './workspace';
import './editor.css';

function initialWorkspace(key: string, builtins: Readonly<Record<string, string>>): Workspace {
  const draft = browserDrafts.load(key);
  if (draft !== null) return { path: draft.path, own: draft.files };
  const path = `lessons/${key}.c`;
  const text = builtins[path];
  return text === undefined
    ? { path: `${key}.c`, own: { [`${key}.c`]: TEMPLATE } }
    : { path, own: { [path]: text } };
}

export function EditorPanel() {
  const session = useSession();
  const store = session.store;
  const catalogFiles = useSessionState((s) => s.context.catalog?.files);
  const builtins = useMemo(() => catalogFiles ?? {}, [catalogFiles]);
  const scenarioId = useSim((s) => s.scenarioId);
  const [key] = useState(() => scenarioId ?? 'draft');
  const [ws, setWs] = useState<Workspace>(() => initialWorkspace(key, builtins));
  const [active, setActive] = useState(ws.path);
  const [saveError, setSaveError] = useState<string | null>(null);
  const run = useDraftRun(session, key);
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const wsRef = useRef(ws);
  useEffect(() => {
    wsRef.current = ws;
  }, [ws]);
  const tabs = useMemo(() => tabsOf(ws, builtins), [ws, builtins]);
  const tab = tabs.find((t) => t.path === active) ?? tabs[0];

  const leave = () => {
    document.querySelector<HTMLElement>('[data-testid="visualizer"]')?.focus();
  };

  const change = (next: Workspace) => {
    wsRef.current = next;
    setWs(next);
    try {
      browserDrafts.save({ key, path: next.path, files: next.own, savedAt: Date.now() });
      setSaveError(null);
    } catch (error) {
      setSaveError(
        `The draft could not be saved: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    run.schedule(next);
  };

  // A draft that differs from the lesson runs as soon as the editor opens.
  useEffect(() => {
    if (changedFrom(wsRef.current, builtins)) run.schedule(wsRef.current, 0);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on open
  }, []);

  const tabPath = tab?.path ?? ws.path;
  const tabReadOnly = tab?.readOnly ?? false;
  useEffect(() => {
    const parent = host.current;
    if (parent === null) return undefined;
    const v = createCodeView(parent, {
      doc: wsRef.current.own[tabPath] ?? builtins[tabPath] ?? '',
      readOnly: tabReadOnly,
      label: `${tabPath}${tabReadOnly ? ' (read-only)' : ''}`,
      onChange: (text) => change(withFile(wsRef.current, tabPath, text)),
      onEscape: leave,
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new view per tab
  }, [tabPath, tabReadOnly]);

  const diagnostics = run.diagnostics;
  useEffect(() => {
    if (view.current === null) return;
    showDiagnostics(
      view.current,
      diagnostics.filter((d) => (d.file ?? ws.path) === tabPath),
    );
  }, [diagnostics, tabPath, ws.path]);

  const goTo = (file: string, line: number, column: number, endColumn: number) => {
    setActive(file);
    requestAnimationFrame(() => {
      const v = view.current;
      if (v === null) return;
      const { from, to } = rangeOf(v.state.doc, line, column, endColumn);
      v.dispatch({ selection: { anchor: from, head: to }, scrollIntoView: true });
      v.focus();
    });
  };

  const revert = () => {
    const lesson = builtins[`lessons/${key}.c`];
    if (lesson === undefined) return;
    if (!window.confirm('Revert to the lesson? Your changes to this scenario will be lost.'))
      return;
    browserDrafts.remove(key);
    const fresh = { path: `lessons/${key}.c`, own: { [`lessons/${key}.c`]: lesson } };
    setWs(fresh);
    setActive(fresh.path);
    view.current?.dispatch({
      changes: { from: 0, to: view.current.state.doc.length, insert: lesson },
    });
  };

  const openFile = async (file: File | undefined) => {
    if (file === undefined) return;
    const text = await file.text();
    const next = withFile(ws, ws.path, text);
    setActive(ws.path);
    change(next);
    if (tabPath === ws.path) {
      view.current?.dispatch({
        changes: { from: 0, to: view.current.state.doc.length, insert: text },
      });
    }
  };

  const status =
    run.status === 'running'
      ? 'Running your code…'
      : run.status === 'failed'
        ? 'Does not compile: the panels show the last good run (stale).'
        : 'Up to date.';

  return (
    <section
      className="editor"
      aria-label="Code editor"
      data-testid="editor"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        void openFile(e.dataTransfer.files[0]);
      }}
    >
      <div className="editor__bar">
        <div role="tablist" aria-label="Files" className="editor__tabs">
          {tabs.map((t) => (
            <button
              key={t.path}
              type="button"
              role="tab"
              aria-selected={t.path === tabPath}
              className="editor__tab"
              onClick={() => setActive(t.path)}
            >
              {t.path.replace(/^lessons\//, '')}
              {t.readOnly ? ' (read-only)' : ''}
            </button>
          ))}
        </div>
        <div className="editor__actions">
          {tabReadOnly && (
            <button
              type="button"
              onClick={() => change(withFile(ws, tabPath, builtins[tabPath] ?? ''))}
            >
              Fork
            </button>
          )}
          <label className="editor__open">
            Open .c…
            <input
              type="file"
              accept=".c,text/x-c,text/plain"
              data-testid="editor.open"
              onChange={(e) => void openFile(e.target.files?.[0])}
            />
          </label>
          <button
            type="button"
            onClick={() => download(ws.path, ws.own[ws.path] ?? '', 'text/x-c')}
          >
            Download
          </button>
          {builtins[`lessons/${key}.c`] !== undefined && (
            <button type="button" onClick={revert}>
              Revert to the lesson
            </button>
          )}
          <button type="button" onClick={() => store.getState().setEditorOpen(false)}>
            Close
          </button>
        </div>
      </div>
      <div className="editor__code" ref={host} data-testid="editor.code" />
      <p
        className={`editor__status editor__status--${run.status}`}
        role="status"
        data-testid="editor.status"
      >
        {status} {saveError ?? 'Saved as a draft in this browser.'} Escape leaves the editor.
      </p>
      {diagnostics.length > 0 && (
        <ul className="editor__problems" aria-label="Problems" data-testid="editor.problems">
          {diagnostics.map((d, i) => (
            <li key={i} className={`editor__problem editor__problem--${d.severity}`}>
              <button
                type="button"
                onClick={() =>
                  goTo(d.file ?? ws.path, d.line, d.column, d.endColumn ?? d.column + 1)
                }
              >
                {(d.file ?? ws.path).replace(/^lessons\//, '')}:{d.line}:{d.column}
              </button>{' '}
              {d.severity === 'warning' ? 'warning: ' : ''}
              {d.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
