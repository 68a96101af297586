// The Share button and its dialog: the link to this scenario and step (with the view options the
// user chose), and an iframe snippet for a slide deck with the options chosen here (panels,
// controls, theme, size, deck), each with Copy. A native modal <dialog>: Tab moves through it,
// Escape closes it, the focus returns to the button. Its content (ShareBody.tsx) loads when the
// dialog first opens.
import { lazy, Suspense, useRef, useState } from 'react';
import '../styles/share.css';

const ShareBody = lazy(() => import('./ShareBody').then((m) => ({ default: m.ShareBody })));

export function ShareButton() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="share-button"
        data-testid="share.open"
        aria-haspopup="dialog"
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        Share
      </button>
      <dialog
        ref={dialog}
        className="share"
        data-testid="share.dialog"
        aria-labelledby="share-title"
        onClose={() => setOpen(false)}
      >
        {open && (
          <Suspense fallback={null}>
            <ShareBody onClose={() => dialog.current?.close()} />
          </Suspense>
        )}
      </dialog>
    </>
  );
}
