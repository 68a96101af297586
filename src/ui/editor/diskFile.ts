// A .c file from the learner's disk (the File menu's picker, or dropped anywhere on the page):
// it opens in the editor as a scenario of its own, named after the file, so no draft is
// overwritten. Loaded on the first drop (openDiskFile.ts), so a drop works before the editor was
// ever opened. A refused file's notice is kept when the editor's pending re-run lands (setNotice's `kept`).
import { checkOpenedFile, checkOpenedFileSize, fromFile } from '../../scenarios';
import type { Session } from '../../session/session';

export async function openDiskFile(session: Session, file: File): Promise<void> {
  const s = session.store.getState();
  // The size first, so a 50 MB file is never read; then the bytes must be UTF-8 text.
  const tooBig = checkOpenedFileSize(file.name, file.size);
  if (tooBig !== undefined) {
    s.setNotice(tooBig, true);
    return;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    s.setNotice(`${file.name.slice(0, 100)} could not be read. Nothing was opened.`, true);
    return;
  }
  const checked = checkOpenedFile(file.name, bytes);
  if (!checked.ok) {
    s.setNotice(checked.message, true);
    return;
  }
  const code = fromFile(
    file.name,
    checked.text,
    session.drafts.list().map((d) => d.key),
  );
  s.setCode(code);
  s.setEditorOpen(true);
}
