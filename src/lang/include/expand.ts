/**
 * `#include "path"`: the included file's lines take the place of the directive, the way the C
 * preprocessor does it. The expanded text is what the compiler reads and what the visualizer lists;
 * `origins` says, for each of its lines, which file and line it came from, so a message about an
 * included line names that file. The directive line stays (the lexer skips it) and a closing
 * comment line follows the included text, so each include adds the file's lines plus two.
 * `#include <l4/...>` names the built-in L4 headers and is left alone.
 */
import type { Diagnostic } from '../diagnostic';
import { candidatePaths } from './files';
import type { FileLookup } from './files';

/** Where a line of the expanded text was written. */
export interface LineOrigin {
  readonly file: string;
  /** 1-based line in that file. */
  readonly line: number;
}

export interface Expanded {
  readonly text: string;
  /** `origins[n - 1]` is where line n of `text` came from. */
  readonly origins: readonly LineOrigin[];
  /** Every file the text is made of, the main one first, each once, in the order first included. */
  readonly files: readonly string[];
  /** Includes that could not be read: a missing file, a cycle, a malformed directive. */
  readonly diagnostics: readonly Diagnostic[];
}

const INCLUDE = /^(\s*#\s*include\b\s*)(.*)$/;
const QUOTED = /^"([^"]*)"/;

/** The marker line after an included file's text. */
export const endOfInclude = (path: string): string => `// end of #include "${path}"`;

/** The lines of a file, without the empty line after its final newline. */
function linesOf(text: string, included: boolean): string[] {
  const lines = text.split('\n');
  if (included && lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

class Expander {
  readonly out: string[] = [];
  readonly origins: LineOrigin[] = [];
  readonly files: string[] = [];
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly lookup: FileLookup) {}

  private emit(text: string, file: string, line: number): void {
    this.out.push(text);
    this.origins.push({ file, line });
  }

  private error(file: string, line: number, column: number, endColumn: number, message: string) {
    this.diagnostics.push({ file, line, column, endColumn, severity: 'error', message });
  }

  file(path: string, text: string, stack: readonly string[]): void {
    if (!this.files.includes(path)) this.files.push(path);
    linesOf(text, stack.length > 0).forEach((lineText, i) => {
      this.emit(lineText, path, i + 1);
      const m = INCLUDE.exec(lineText);
      if (m !== null)
        this.include(path, i + 1, (m[1] ?? '').length + 1, m[2] ?? '', [...stack, path]);
    });
  }

  private include(from: string, line: number, column: number, rest: string, stack: string[]) {
    if (rest.startsWith('<')) return;
    const quoted = QUOTED.exec(rest);
    if (quoted === null) {
      this.error(
        from,
        line,
        column,
        column + Math.max(1, rest.trimEnd().length),
        `expected a file name in quotes after #include (like #include "servers/memory.c"), found '${rest.trim()}'`,
      );
      return;
    }
    const name = quoted[1] ?? '';
    const end = column + quoted[0].length;
    const tried = candidatePaths(name, from);
    const path = tried.find((p) => this.lookup(p) !== undefined);
    if (path === undefined) {
      const where = tried.length === 0 ? '' : ` (looked for ${tried.join(' and ')})`;
      this.error(from, line, column, end, `cannot find the file "${name}" to include${where}`);
      return;
    }
    if (stack.includes(path)) {
      const cycle = [...stack.slice(stack.indexOf(path)), path].join(' → ');
      this.error(from, line, column, end, `"${path}" includes itself: ${cycle}`);
      return;
    }
    this.file(path, this.lookup(path) ?? '', stack);
    this.emit(endOfInclude(path), from, line);
  }
}

/** The text of `main` (at `path`) with every quoted include replaced by its file's lines. */
export function expandIncludes(path: string, main: string, lookup: FileLookup): Expanded {
  const x = new Expander(lookup);
  x.file(path, main, []);
  return { text: x.out.join('\n'), origins: x.origins, files: x.files, diagnostics: x.diagnostics };
}

/** Every file `main` (at `path`) is made of: itself, then each file it includes, each once. */
export function includedFiles(path: string, main: string, lookup: FileLookup): readonly string[] {
  return expandIncludes(path, main, lookup).files;
}
