// Whether an edit changed the program or only its plain comments and spacing: the lexer's view of
// every file the learner owns (its tokens, its header lines, `//!` notes, `//@cue` marks and
// directives, each with its line and column) as one string. Two workspaces with the same key
// compile to the same scenario with the same positions, so they record the same run: the editor
// need not mark the run on show stale for such an edit. A line added or removed, even inside a
// comment, moves every position after it and so changes the key. Pure.
import { Diagnostics, lex } from '../lang';
import type { Workspace } from './workspace';

/** An `#include` line: the include expander reads these lines whatever the lexer makes of them. */
const INCLUDE_LINE = /^\s*#\s*include\b/;

/** The lexer's output of one file, as text; the end of file's position is left out. */
function fileKey(text: string): string {
  const diags = new Diagnostics();
  const { tokens, notes, headers, directives } = lex(text, diags);
  const code = tokens.filter((t) => t.kind !== 'eof').map((t) => [t.kind, t.text, t.line, t.col]);
  const defines = directives
    .filter((d) => d.name === 'define')
    .map((d) => [
      d.line,
      d.col,
      d.functionLike,
      d.macro,
      d.body.map((t) => [t.text, t.line, t.col]),
    ]);
  // The lexer keeps no more than the name of another directive: its whole line counts, and every
  // line the include expander would read (one inside a block comment too).
  const lines = text.split('\n');
  const others = new Set(directives.filter((d) => d.name !== 'define').map((d) => d.line));
  const raw = lines.flatMap((line, i) =>
    others.has(i + 1) || INCLUDE_LINE.test(line) ? [[i + 1, line]] : [],
  );
  const returns = text.length - text.replaceAll('\r', '').length;
  return JSON.stringify(
    [code, notes, headers, defines, raw, returns, diags.list],
    (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v),
  );
}

/** The program the workspace holds, as one comparable string (see the header). */
export function programKey(ws: Workspace): string {
  const files = Object.keys(ws.own)
    .sort()
    .map((path) => [path, fileKey(ws.own[path] ?? '')]);
  return JSON.stringify([ws.path, files]);
}
