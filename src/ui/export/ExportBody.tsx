// The Export dialog's content (ExportDialog.tsx): one row per export (exports.ts), a button that
// saves it through the page's one download helper, and a line that says what was saved or why an
// export cannot be made now. Its own chunk: the exports (SVG, PNG, Mermaid, the trace) load when
// the dialog first opens, not with the page.
import { useRef, useState } from 'react';
import { useFocusFirstControl } from '../hooks/useModalDialog';
import { useSim, useSimApi } from '../hooks/useSim';
import { download } from './download';
import { EXPORTS } from './exports';
import type { ExportEntry } from './exports';

export function ExportBody({ onClose }: { readonly onClose: () => void }) {
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
  const body = useRef<HTMLDivElement>(null);
  useFocusFirstControl(body);
  return (
    <div className="share__body" ref={body}>
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
