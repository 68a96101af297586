/**
 * The built-in scenario files as one file map (see `src/lang/include/files.ts`): the lessons under
 * `lessons/<id>.c`, the servers under `servers/<name>.c`, so a lesson writes
 * `#include "servers/memory.c"`. Each host reads the two folders its own way and hands the texts
 * here: Vite's `import.meta.glob` (`builtinFiles.ts`, the browser and the tests) or the disk
 * (`src/cli/builtinFiles.ts`); the catalog and the runner only ever see the map.
 */
import type { FileMap } from '../lang';
import { KV_PROTOCOL, MEMORY_PROTOCOL, SCHEDULER_PROTOCOL } from '../servers/protocols';
import type { Protocol } from '../servers/protocols';

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

/**
 * A file's name as the user sees it on the editor's tab, and everywhere a message names it (the
 * problem list, a notice): a lesson's file without its folder (`call-reply.c`), any other file by
 * its path (`servers/memory.c`, `draft.c`).
 */
export const fileLabel = (path: string): string => path.replace(/^lessons\//, '');

/** The protocol a built-in server file speaks (the register panel names its words). */
const PROTOCOL_OF: Readonly<Record<string, Protocol>> = {
  'servers/memory.c': MEMORY_PROTOCOL,
  'servers/memserver.c': MEMORY_PROTOCOL,
  'servers/sched_client.c': SCHEDULER_PROTOCOL,
  'servers/kvstore.c': KV_PROTOCOL,
};

/** The protocols of the built-in servers among `paths` (a scenario's files), each once. */
export function protocolsOfFiles(paths: readonly string[]): Protocol[] {
  const found = paths.map((p) => PROTOCOL_OF[p]).filter((p): p is Protocol => p !== undefined);
  return [...new Set(found)];
}
