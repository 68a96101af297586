// The keyboard help (`?`): a modal dialog listing the keys from the command registry; Escape or the
// button closes it.
import { useRef } from 'react';
import { useModalDialog } from '../hooks/useModalDialog';
import { keyHelpRows } from '../../session/keys';
import '../visualizer/styles/help.css';

/** The keys: every registry command that has some, then moving around the page. */
const KEYS: readonly (readonly [string, string])[] = [
  ...keyHelpRows().map((row) => [row.keys, row.what] as const),
  ['Tab', 'move between controls; Enter on an arrow of the chart goes to its step'],
];

interface HelpOverlayProps {
  readonly open: boolean;
  readonly onClose: () => void;
}

export function HelpOverlay({ open, onClose }: HelpOverlayProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useModalDialog(ref, open);
  return (
    <dialog
      ref={ref}
      className="help"
      aria-labelledby="help-title"
      data-testid="help"
      onClose={onClose}
    >
      <h2 id="help-title">Keyboard</h2>
      <table className="help__keys">
        <tbody>
          {KEYS.map(([key, what]) => (
            <tr key={key}>
              <th scope="row">
                <kbd>{key}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="help__note">
        Step by <em>statement</em> runs one line of one thread at a time; by <em>kernel event</em>{' '}
        jumps to the next system call, transfer or switch.
      </p>
      <button type="button" onClick={onClose} autoFocus>
        Close
      </button>
    </dialog>
  );
}
