/**
 * The built-in file map read from disk, for Node (the CLI under tsx, the scripts): the same two
 * folders Vite loads in the browser (`src/scenarios/builtinFiles.ts`), through the same
 * `builtinFileMap`. And a reader for a scenario file on disk: its `#include "x"` finds `x` next to
 * it first, then among the built-ins, so `cli run draft.c` runs a saved draft unchanged.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileLookup, FileMap } from '../lang';
import { builtinFileMap } from '../scenarios/index';

const FOLDERS = ['../scenarios/lessons/', '../servers/'].map((f) =>
  fileURLToPath(new URL(f, import.meta.url)),
);

export function readBuiltinFiles(): FileMap {
  const texts: Record<string, string> = {};
  for (const dir of FOLDERS) {
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.c'))) {
      texts[join(dir, name)] = readFileSync(join(dir, name), 'utf8');
    }
  }
  return builtinFileMap(texts);
}

function readIfFile(path: string): string | undefined {
  try {
    return statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What a scenario file at `file` may include: files beside it (by path relative to its folder),
 * then the built-ins. Its own path in this lookup is its base name.
 */
export function diskLookup(file: string, builtins: FileMap = readBuiltinFiles()): FileLookup {
  const folder = dirname(file);
  return (path) => readIfFile(join(folder, path)) ?? builtins[path];
}
