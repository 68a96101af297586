// A file the learner opens in the editor (picker or drop): its size is checked before it is read,
// and its bytes must be UTF-8 text without NUL bytes. Anything else is refused with one sentence,
// so the editor keeps what it had (docs/reliability.md, "Files opened in the editor").

/** The largest file opened (the compiler refuses longer texts anyway, with a message). */
export const MAX_OPENED_FILE_BYTES = 1_000_000;

/** At most this many characters of the file's name are quoted in a message. */
const NAME_CHARS = 100;

export type OpenedFileCheck = { ok: true; text: string } | { ok: false; message: string };

const quoted = (name: string) =>
  name.length > NAME_CHARS ? `${name.slice(0, NAME_CHARS)}…` : name;

/** Before reading: a file over the cap is refused from its size alone. */
export function checkOpenedFileSize(name: string, size: number): string | undefined {
  if (size <= MAX_OPENED_FILE_BYTES) return undefined;
  return `${quoted(name)} is ${size.toLocaleString('en')} bytes; a scenario file may be at most ${MAX_OPENED_FILE_BYTES.toLocaleString('en')}. Nothing was opened.`;
}

/** After reading: the bytes must be UTF-8 text with no NUL byte. */
export function checkOpenedFile(name: string, bytes: Uint8Array): OpenedFileCheck {
  const tooBig = checkOpenedFileSize(name, bytes.length);
  if (tooBig !== undefined) return { ok: false, message: tooBig };
  const nul = bytes.indexOf(0);
  if (nul >= 0)
    return {
      ok: false,
      message: `${quoted(name)} is not a text file (a NUL byte at byte ${nul.toLocaleString('en')}). Nothing was opened.`,
    };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      message: `${quoted(name)} is not UTF-8 text. Nothing was opened.`,
    };
  }
  return { ok: true, text };
}
