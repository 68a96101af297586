/**
 * The built-in scenario files as one file map (see `src/lang/include/files.ts`): the lessons under
 * `lessons/<id>.c`, the servers under `servers/<name>.c`, so a lesson writes
 * `#include "servers/memory.c"`. Each host reads the two folders its own way and hands the texts
 * here: Vite's `import.meta.glob` (`builtinFiles.ts`, the browser and the tests) or the disk
 * (`src/cli/builtinFiles.ts`); the catalog and the runner only ever see the map.
 */
import type { FileMap } from '../lang';

/** `./lessons/x.c`, `../servers/y.c` or `/abs/src/servers/y.c` → `lessons/x.c` / `servers/y.c`. */
export function builtinPath(path: string): string | null {
  const m = /(?:^|\/)(lessons|servers)\/([A-Za-z0-9_.-]+\.c)$/.exec(path);
  return m === null ? null : `${m[1]}/${m[2]}`;
}

/** The file map of texts read from anywhere the two folders are, keyed by `builtinPath`. */
export function builtinFileMap(texts: Readonly<Record<string, string>>): FileMap {
  const out: Record<string, string> = {};
  for (const [path, text] of Object.entries(texts)) {
    const key = builtinPath(path);
    if (key !== null) out[key] = text;
  }
  return out;
}

/** The path of a lesson's file in the map. */
export const lessonPath = (id: string): string => `lessons/${id}.c`;
