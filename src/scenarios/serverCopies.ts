/**
 * Built-in lessons are one self-contained file each, so a lesson that uses a shared server holds a
 * copy of its canonical source (`src/servers/*.c`) between two marker lines:
 *
 *   // ---- begin src/servers/memserver.c ----
 *   ...the file, verbatim...
 *   // ---- end src/servers/memserver.c ----
 *
 * `findServerCopies` reads the copies (a test checks each equals its source); `fillServerCopies`
 * rewrites them from the sources (`npx tsx src/scenarios/syncServers.ts`). Pure string functions.
 */

export interface ServerCopy {
  /** `src/servers/<name>.c`. */
  readonly path: string;
  /** The text between the markers (no trailing newline). */
  readonly body: string;
  /** 1-based line of the begin marker. */
  readonly line: number;
}

const BEGIN = /^\/\/ ---- begin (src\/servers\/[A-Za-z0-9_.-]+\.c) ----$/;
const endMarker = (path: string): string => `// ---- end ${path} ----`;

/** The marked copies in a lesson, in order. Throws on a begin marker without its end. */
export function findServerCopies(text: string): ServerCopy[] {
  const lines = text.split('\n');
  const copies: ServerCopy[] = [];
  for (let i = 0; i < lines.length; i++) {
    const path = BEGIN.exec(lines[i] ?? '')?.[1];
    if (path === undefined) continue;
    const end = lines.indexOf(endMarker(path), i + 1);
    if (end < 0) throw new Error(`line ${i + 1}: '${endMarker(path)}' is missing`);
    copies.push({ path, body: lines.slice(i + 1, end).join('\n'), line: i + 1 });
    i = end;
  }
  return copies;
}

/** A source file as it appears inside the markers: without its final newline. */
export function copyBody(source: string): string {
  return source.replace(/\n+$/, '');
}

/** The lesson with every marked copy replaced by its source; `sources` is keyed by path. */
export function fillServerCopies(text: string, sources: Readonly<Record<string, string>>): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    out.push(line);
    const path = BEGIN.exec(line)?.[1];
    if (path === undefined) continue;
    const source = sources[path];
    if (source === undefined) throw new Error(`no source for ${path}`);
    const end = lines.indexOf(endMarker(path), i + 1);
    if (end < 0) throw new Error(`line ${i + 1}: '${endMarker(path)}' is missing`);
    out.push(copyBody(source), endMarker(path));
    i = end;
  }
  return out.join('\n');
}
