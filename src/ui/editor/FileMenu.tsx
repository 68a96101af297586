// The editor's File menu: new scenarios, a file from disk, the download, the list of drafts, and
// the way back to the lesson. A <details> disclosure: Enter or a click opens it, Escape or a choice
// closes it.
import { useRef } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';

export interface FileActions {
  readonly newScenario: (from: 'template' | 'lesson') => void;
  readonly openFile: (file: File | undefined) => void;
  readonly download: () => void;
  readonly showDrafts: () => void;
  /** Absent when the scenario is not a lesson. */
  readonly revert?: () => void;
  readonly canCopyLesson: boolean;
}

export function FileMenu({ actions }: { readonly actions: FileActions }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const close = () => menu.current?.removeAttribute('open');
  const item = (label: string, run: () => void, testId: string): ReactNode => (
    <button type="button" role="menuitem" data-testid={testId} onClick={run}>
      {label}
    </button>
  );
  const onKeyDown = (e: KeyboardEvent<HTMLDetailsElement>) => {
    if (e.key !== 'Escape' || !menu.current?.open) return;
    e.stopPropagation();
    close();
    menu.current.querySelector('summary')?.focus();
  };
  return (
    <details className="editor__menu" ref={menu} onKeyDown={onKeyDown}>
      <summary data-testid="editor.file">File ▾</summary>
      <div
        className="editor__menu-list"
        role="menu"
        onClick={(e) => {
          if (e.target instanceof HTMLElement && e.target.closest('button')) close();
        }}
      >
        {item(
          'New scenario (one client, one server)',
          () => actions.newScenario('template'),
          'editor.new',
        )}
        {actions.canCopyLesson &&
          item('New scenario from this one', () => actions.newScenario('lesson'), 'editor.copy')}
        <label className="editor__open" role="menuitem">
          Open a .c file…
          <input
            type="file"
            accept=".c,text/x-c,text/plain"
            data-testid="editor.open"
            onChange={(e) => {
              close();
              actions.openFile(e.target.files?.[0]);
            }}
          />
        </label>
        {item('Download this file', actions.download, 'editor.download')}
        {item('My drafts…', actions.showDrafts, 'editor.drafts')}
        {actions.revert !== undefined &&
          item('Revert to the lesson…', actions.revert, 'editor.revert')}
      </div>
    </details>
  );
}
