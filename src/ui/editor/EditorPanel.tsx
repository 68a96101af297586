// The code editor beside the panels (lazy-loaded: CodeMirror is not in the first load). Tabs: the
// scenario's file and the files it includes (built-in servers read-only until forked). Every edit
// is saved as a draft at once (compiling or not) and run in the worker a moment later; the
// compiler's messages show as squiggles and in the list below. Escape leaves the editor.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { EditorView } from '@codemirror/view';
import { changedFrom, fileLabel, lessonPath, tabsOf, withFile } from '../../scenarios';
import type { Workspace } from '../../scenarios';
import { capNotice } from '../../session/openRequest';
import { download } from '../export/download';
import { useSession, useSessionState } from '../hooks/useSession';
import { useSim } from '../hooks/useSim';
import { createCodeView, rangeOf, showDiagnostics } from './codeView';
import { DraftList } from './DraftList';
import { FileMenu } from './FileMenu';
import { openDiskFile } from './diskFile';
import { Problems } from './Problems';
import { useDraftRun } from './useDraftRun';
import { useWorkspace } from './useWorkspace';
import './editor.css';

/** One editor per scenario key: opening another scenario's code starts a fresh one. */
export function EditorPanel() {
  const key = useSim((s) => s.code?.key ?? s.scenarioId ?? 'draft');
  return <EditorBody key={key} draftKey={key} />;
}

function EditorBody({ draftKey: key }: { readonly draftKey: string }) {
  const session = useSession();
  const store = session.store;
  const catalogFiles = useSessionState((s) => s.context.catalog?.files);
  const builtins = useMemo(() => catalogFiles ?? {}, [catalogFiles]);
  const scenarioId = useSim((s) => s.scenarioId);
  const files = useWorkspace(session, key, builtins);
  const { ws } = files;
  const [active, setActive] = useState(ws.path);
  const [draftsOpen, setDraftsOpen] = useState(false);
  const run = useDraftRun(session, key);
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const tabs = useMemo(() => tabsOf(ws, builtins), [ws, builtins]);
  const tab = tabs.find((t) => t.path === active) ?? tabs[0];

  const leave = () => {
    document.querySelector<HTMLElement>('[data-testid="visualizer"]')?.focus();
  };

  const change = (next: Workspace) => {
    files.change(next);
    run.schedule(next);
  };

  // Code from a link runs at the link's step; a draft that differs from the lesson, or another
  // scenario's code than the one on show, runs as soon as the editor opens; else the lesson's run
  // on show is this code's.
  useEffect(() => {
    const current = files.current();
    if (files.fromLink) run.schedule(current, 0, files.linkStep);
    else if (changedFrom(current, builtins) || scenarioId !== key) run.schedule(current, 0);
    else run.showing(current);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on open
  }, []);

  const tabPath = tab?.path ?? ws.path;
  const tabReadOnly = tab?.readOnly ?? false;
  useEffect(() => {
    const parent = host.current;
    if (parent === null) return undefined;
    const v = createCodeView(parent, {
      doc: files.current().own[tabPath] ?? builtins[tabPath] ?? '',
      readOnly: tabReadOnly,
      label: `${tabPath}${tabReadOnly ? ' (read-only)' : ''}`,
      onChange: (text) => change(withFile(files.current(), tabPath, text)),
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

  const lesson = builtins[lessonPath(key)];
  const revert = () => {
    if (lesson === undefined) return;
    if (!window.confirm('Revert to the lesson? Your changes to this scenario will be lost.'))
      return;
    const fresh = { path: lessonPath(key), own: { [lessonPath(key)]: lesson } };
    change(fresh);
    session.drafts.remove(key);
    setActive(fresh.path);
    const v = view.current;
    if (v !== null && tabPath === fresh.path)
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: lesson } });
  };

  const status =
    run.status === 'running'
      ? 'Running your code…'
      : run.status === 'failed'
        ? 'Does not compile: the panels show the last good run (stale).'
        : run.cappedAt !== null
          ? capNotice(run.cappedAt)
          : 'Up to date.';
  const saved = files.fromLink
    ? 'This code came with the link and is not saved in this browser.'
    : (files.saveError ?? 'Saved as a draft in this browser.');

  return (
    <section className="editor" aria-label="Code editor" data-testid="editor">
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
              {fileLabel(t.path)}
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
          <FileMenu
            actions={{
              newScenario: (from) => session.run('newScenario', { from }),
              openFile: (file) => {
                if (file !== undefined) void openDiskFile(session, file);
              },
              download: () => download(ws.path, ws.own[ws.path] ?? '', 'text/x-c'),
              showDrafts: () => setDraftsOpen(true),
              ...(lesson !== undefined ? { revert } : {}),
              canCopyLesson: true,
            }}
          />
          <button
            type="button"
            aria-label="Close the editor"
            onClick={() => store.getState().setEditorOpen(false)}
          >
            Close
          </button>
        </div>
      </div>
      <div className="editor__code" ref={host} data-testid="editor.code" />
      <p
        className={`editor__status editor__status--${run.cappedAt !== null && run.status === 'ok' ? 'capped' : run.status}`}
        role="status"
        data-testid="editor.status"
      >
        {status} {saved}{' '}
        {files.fromLink && (
          <button type="button" data-testid="editor.keep" onClick={() => files.keep()}>
            Keep it as a draft
          </button>
        )}
      </p>
      <Problems
        diagnostics={diagnostics}
        main={ws.path}
        onGo={(file, d) => goTo(file, d.line, d.column, d.endColumn ?? d.column + 1)}
      />
      {draftsOpen && (
        <DraftList
          drafts={session.drafts}
          current={key}
          onOpen={(d) => {
            setDraftsOpen(false);
            store
              .getState()
              .setCode({ key: d.key, workspace: { path: d.path, own: d.files }, fromLink: false });
          }}
          onClose={() => setDraftsOpen(false)}
        />
      )}
    </section>
  );
}
