/**
 * What the CLI prints is safe for a terminal: control characters from a file or an argument
 * (ESC sequences, CR, backspace, C1 controls, bidirectional overrides) are shown escaped, never
 * sent raw. Plain text (stderr) gets `\xNN` / `\u{NNNN}`; JSON (stdout) gets `\uNNNN`, which
 * JSON.stringify leaves out for DEL, C1 and the bidi controls, so the JSON stays valid and equal.
 */

/** C0 controls except newline and tab, DEL, C1, line/paragraph separators, bidi controls. */
const TEXT_CONTROLS =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/gu;
const JSON_CONTROLS = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/gu;

const code = (c: string): number => c.codePointAt(0) ?? 0;

/** A message line for the terminal. */
export function terminalText(text: string): string {
  return text.replace(TEXT_CONTROLS, (c) =>
    code(c) < 0x100
      ? `\\x${code(c).toString(16).padStart(2, '0')}`
      : `\\u{${code(c).toString(16)}}`,
  );
}

/** JSON text for the terminal (the same value when parsed). */
export function terminalJson(text: string): string {
  return text.replace(JSON_CONTROLS, (c) => `\\u${code(c).toString(16).padStart(4, '0')}`);
}
