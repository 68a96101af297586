/**
 * Where `#include "path"` finds its files: a file map (path → text) the host builds — the built-in
 * servers and lessons, a draft's own files, or the files next to one the CLI runs. Paths use `/`,
 * have no leading `./`, and are looked up relative to the including file's folder first, then from
 * the top of the map (so a lesson in `lessons/` writes `#include "servers/memory.c"`).
 */

/** Scenario files by path (`servers/memory.c`, `lessons/call-reply.c`, `draft.c`). */
export type FileMap = Readonly<Record<string, string>>;

/** A file's text by path, or undefined when there is none (a map, or a reader of a disk). */
export type FileLookup = (path: string) => string | undefined;

export function lookupIn(...maps: readonly FileMap[]): FileLookup {
  return (path) => {
    for (const map of maps) {
      if (Object.hasOwn(map, path)) return map[path];
    }
    return undefined;
  };
}

/** `a/./b/../c.c` → `a/c.c`; null when `..` climbs above the top. */
export function normalizePath(path: string): string | null {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(part);
  }
  return out.join('/');
}

/** The folder of a path, with its trailing `/` (`lessons/x.c` → `lessons/`), or ''. */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash + 1);
}

/** The paths `#include "name"` in `from` may mean, in the order they are tried. */
export function candidatePaths(name: string, from: string): string[] {
  const near = normalizePath(folderOf(from) + name);
  const top = normalizePath(name);
  return [...new Set([near, top].filter((p): p is string => p !== null && p !== ''))];
}
