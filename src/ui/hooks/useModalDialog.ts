// Keeps a native <dialog> shown as a modal while `open` is true and closed when it turns false
// (a browser without showModal gets the plain `open` attribute). One effect for every dialog of the
// page: the help, the export and the word decoder. `useFocusFirstControl` is for content that
// loads after its dialog opened.
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

/**
 * For a dialog's content that loads after the dialog opened (a lazy chunk): once it is there, moves
 * the focus to its first enabled control, as showModal would have, unless the user has moved it.
 */
export function useFocusFirstControl(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const body = ref.current;
    const dialog = body?.closest('dialog');
    if (!body || !dialog || document.activeElement !== dialog) return;
    body
      .querySelector<HTMLElement>('button:not([disabled]), input:not([disabled]), select, textarea')
      ?.focus();
  }, [ref]);
}
