// The word decoder as a dialog over the visualizer, one click from the header (or opened at load
// when the address carries a decoder query, so a link reproduces it). Escape or Close shuts it.
import { useRef } from 'react';
import { useModalDialog } from '../hooks/useModalDialog';
import { WordDecoder } from './WordDecoder';

interface DecoderDialogProps {
  readonly fontScale: number;
  readonly onClose: () => void;
}

export function DecoderDialog({ fontScale, onClose }: DecoderDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useModalDialog(ref, true);
  return (
    <dialog
      ref={ref}
      className="decoder-dialog"
      aria-label="Word decoder"
      data-testid="decoder.dialog"
      onClose={onClose}
    >
      <WordDecoder fontScale={fontScale} />
      <button type="button" className="decoder-dialog__close" onClick={onClose}>
        Close
      </button>
    </dialog>
  );
}
