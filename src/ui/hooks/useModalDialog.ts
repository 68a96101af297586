// Keeps a native <dialog> shown as a modal while `open` is true and closed when it turns false
// (a browser without showModal gets the plain `open` attribute). One effect for every dialog of the
// page: the help, the export and the word decoder.
import { useEffect } from 'react';
import type { RefObject } from 'react';

export function useModalDialog(ref: RefObject<HTMLDialogElement | null>, open: boolean): void {
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!open && dialog.open) dialog.close();
  }, [ref, open]);
}
