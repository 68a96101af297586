// The list of the learner's drafts (every scenario edited in this browser, the newest first), as a
// modal dialog: open one in the editor, or delete it (after asking).
import { useEffect, useRef, useState } from 'react';
import type { Draft, DraftPort } from '../../session/drafts';

export function DraftList({
  drafts,
  current,
  onOpen,
  onClose,
}: {
  readonly drafts: DraftPort;
  /** The key of the draft in the editor. */
  readonly current: string;
  readonly onOpen: (draft: Draft) => void;
  readonly onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [list, setList] = useState(() => drafts.list());
  useEffect(() => {
    const d = dialog.current;
    d?.showModal();
    return () => d?.close();
  }, []);
  const remove = (draft: Draft) => {
    if (!window.confirm(`Delete your draft of ${draft.key}? It cannot be brought back.`)) return;
    drafts.remove(draft.key);
    setList(drafts.list());
  };
  return (
    <dialog
      ref={dialog}
      className="drafts"
      aria-labelledby="drafts-title"
      data-testid="drafts"
      onClose={onClose}
    >
      <h2 id="drafts-title" className="drafts__title">
        My drafts
      </h2>
      {list.length === 0 ? (
        <p>No drafts yet: every edit in the editor is saved as one.</p>
      ) : (
        <ul className="drafts__list">
          {list.map((d) => (
            <li key={d.key} className="drafts__row" data-testid={`drafts.${d.key}`}>
              <span className="drafts__name">
                {d.key}
                {d.key === current ? ' (open)' : ''}
              </span>
              <span className="drafts__when">{new Date(d.savedAt).toLocaleString()}</span>
              <button type="button" onClick={() => onOpen(d)} disabled={d.key === current}>
                Open
              </button>
              <button type="button" onClick={() => remove(d)}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="drafts__close" onClick={() => dialog.current?.close()}>
        Close
      </button>
    </dialog>
  );
}
