// The compiler's messages under the editor: file:line:column and the message, each a button that
// puts the cursor on its range.
import type { Diagnostic } from '../../lang';
import { fileLabel } from '../../scenarios';

export function Problems({
  diagnostics,
  main,
  onGo,
}: {
  readonly diagnostics: readonly Diagnostic[];
  /** The file a message without one is about. */
  readonly main: string;
  readonly onGo: (file: string, d: Diagnostic) => void;
}) {
  if (diagnostics.length === 0) return null;
  return (
    <ul className="editor__problems" aria-label="Problems" data-testid="editor.problems">
      {diagnostics.map((d, i) => (
        <li key={i} className={`editor__problem editor__problem--${d.severity}`}>
          <button type="button" onClick={() => onGo(d.file ?? main, d)}>
            {fileLabel(d.file ?? main)}:{d.line}:{d.column}
          </button>{' '}
          {d.severity === 'warning' ? 'warning: ' : ''}
          {d.message}
        </li>
      ))}
    </ul>
  );
}
