// A .c file from the learner's disk (the File menu's picker, or dropped anywhere on the page):
// it opens in the editor as a scenario of its own, named after the file, so no draft is
// overwritten. In the first load (small): the drop works before the editor was ever opened.
import type { DragEvent } from 'react';
import { fromFile } from '../../scenarios';
import type { Session } from '../../session/session';

/** The largest file opened (the compiler refuses longer texts anyway, with a message). */
const MAX_FILE_BYTES = 1_000_000;

export async function openDiskFile(session: Session, file: File): Promise<void> {
  const s = session.store.getState();
  if (file.size > MAX_FILE_BYTES) {
    s.setNotice(
      `${file.name} is ${file.size.toLocaleString('en')} bytes; a scenario file may be at most ${MAX_FILE_BYTES.toLocaleString('en')}.`,
    );
    return;
  }
  const text = await file.text();
  const code = fromFile(
    file.name,
    text,
    session.drafts.list().map((d) => d.key),
  );
  s.setCode(code);
  s.setEditorOpen(true);
}

const carriesFiles = (e: DragEvent) => e.dataTransfer.types.includes('Files');

/** Handlers for the page's root: a file dropped anywhere opens in the editor. */
export function fileDropHandlers(session: Session) {
  return {
    onDragOver: (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    },
    onDrop: (e: DragEvent) => {
      const file = e.dataTransfer.files[0];
      if (file === undefined) return;
      e.preventDefault();
      void openDiskFile(session, file);
    },
  };
}
