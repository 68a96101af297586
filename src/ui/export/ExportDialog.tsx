// The Export button and its dialog: one row per export (exports.ts) with what the file is, a
// button that saves it through the page's one download helper, and a line that says what was
// saved or why an export cannot be made now. The `export` command (key X) opens and closes it, so
// it works without the header too (embedded). A native modal <dialog>: Tab moves through it,
// Escape closes it, the focus returns to where it was.
import { useRef, useState } from 'react';
import { useModalDialog } from '../hooks/useModalDialog';
import { runCommand } from '../../session/commands';
import { useSession } from '../hooks/useSession';
import { useSim, useSimApi } from '../hooks/useSim';
import { download } from './download';
import { EXPORTS } from './exports';
import type { ExportEntry } from './exports';
import '../styles/share.css';
import './export.css';

export function ExportButton() {
  const session = useSession();
  const loaded = useSim((s) => s.source !== null);
  return (
    <button
      type="button"
      className="share-button"
      data-testid="export.open"
      aria-haspopup="dialog"
      title="Export (X)"
      disabled={!loaded}
      onClick={() => runCommand(session.commands, 'export')}
    >
      Export
    </button>
  );
}

export function ExportDialog() {
  const store = useSimApi();
  const open = useSim((s) => s.exportOpen);
  const dialog = useRef<HTMLDialogElement>(null);
  useModalDialog(dialog, open);
  return (
    <dialog
      ref={dialog}
      className="share export"
      data-testid="export.dialog"
      aria-labelledby="export-title"
      onClose={() => store.getState().setExportOpen(false)}
    >
      {open && <ExportBody onClose={() => dialog.current?.close()} />}
    </dialog>
  );
}

function ExportBody({ onClose }: { readonly onClose: () => void }) {
  const store = useSimApi();
  // Re-read when the step changes behind the dialog (a deck, playback).
  useSim((s) => s.cursor);
  const [said, setSaid] = useState('');
  const save = (entry: ExportEntry) => {
    setSaid(`Making ${entry.label}…`);
    entry
      .make(store.getState(), document)
      .then((file) => {
        download(file.name, file.data, file.type);
        setSaid(`Saved ${file.name}`);
      })
      .catch((error: unknown) =>
        setSaid(`${entry.label}: ${error instanceof Error ? error.message : String(error)}`),
      );
  };
  return (
    <div className="share__body">
      <h2 id="export-title" className="share__title">
        Export this step
      </h2>
      <ul className="export__list">
        {EXPORTS.map((entry) => {
          const why = entry.unavailable(store.getState(), document);
          return (
            <li key={entry.id} className="export__item">
              <button
                type="button"
                data-testid={`export.${entry.id}`}
                disabled={why !== null}
                aria-describedby={`export-what-${entry.id}`}
                onClick={() => save(entry)}
              >
                {entry.label}
              </button>
              <span id={`export-what-${entry.id}`} className="export__what">
                {why ?? entry.what}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="export__said" role="status" data-testid="export.status">
        {said}
      </p>
      <div className="share__actions">
        <button type="button" onClick={onClose} data-testid="export.close">
          Close
        </button>
      </div>
    </div>
  );
}
