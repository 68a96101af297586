// A file dropped anywhere on the page opens in the editor (diskFile.ts reads and checks it, loaded
// on the first drop: its checks and the workspace helpers are not part of the first load).
import type { DragEvent } from 'react';
import type { Session } from '../../session/session';

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
      void import('./diskFile').then((m) => m.openDiskFile(session, file));
    },
  };
}
