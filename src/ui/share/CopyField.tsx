// A read-only text with a Copy button; says "Copied" when the clipboard took it, and selects the
// text when the clipboard is not available (file://, an old browser) so Ctrl+C works.
import { useId, useRef, useState } from 'react';

interface CopyFieldProps {
  readonly label: string;
  readonly value: string;
  readonly testId: string;
  readonly multiline?: boolean;
}

export function CopyField({ label, value, testId, multiline = false }: CopyFieldProps) {
  const id = useId();
  const field = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const [said, setSaid] = useState('');
  const copy = () => {
    const select = () => {
      field.current?.select();
      setSaid('Selected: press Ctrl+C');
    };
    if (typeof navigator.clipboard?.writeText !== 'function') return select();
    navigator.clipboard.writeText(value).then(() => setSaid('Copied'), select);
  };
  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-field__row">
        {multiline ? (
          <textarea id={id} ref={field} readOnly value={value} rows={3} data-testid={testId} />
        ) : (
          <input id={id} ref={field} readOnly value={value} data-testid={testId} />
        )}
        <button type="button" onClick={copy} data-testid={`${testId}.copy`}>
          Copy
        </button>
      </div>
      <span className="copy-field__said" role="status">
        {said}
      </span>
    </div>
  );
}
