// The Export button and its dialog: one row per export (exports.ts) with what the file is, a
// button that saves it through the page's one download helper, and a line that says what was
// saved or why an export cannot be made now (ExportBody.tsx, loaded when the dialog first opens). The `export` command (key X) opens and closes it, so
// it works without the header too (embedded). A native modal <dialog>: Tab moves through it,
// Escape closes it, the focus returns to where it was.
import { lazy, Suspense, useRef } from 'react';
import { useModalDialog } from '../hooks/useModalDialog';
import { runCommand } from '../../session/commands';
import { useSession } from '../hooks/useSession';
import { useSim, useSimApi } from '../hooks/useSim';
import '../styles/share.css';
import './export.css';

const ExportBody = lazy(() => import('./ExportBody').then((m) => ({ default: m.ExportBody })));

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
      {open && (
        <Suspense fallback={null}>
          <ExportBody onClose={() => dialog.current?.close()} />
        </Suspense>
      )}
    </dialog>
  );
}
