// Light reading of a scenario's C text for display: where each top-level function is (so a thread
// running in a helper shows it), and which `#define NAME_LABEL value` names a protocol label. Not a
// parser: the compiler has already accepted the text; this only finds braces and defines.
import type { CodeBlock } from './viewModel';

const FUNCTION_HEAD = /^[A-Za-z_][\w\s*]*?\b([A-Za-z_]\w*)\s*\([^;{}]*\)\s*(\{)?\s*$/;

/** Braces on a line outside comments, strings and character literals: +1 per `{`, −1 per `}`. */
function braceDelta(line: string, inComment: { value: boolean }): number {
  let delta = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    const next = line[i + 1];
    if (inComment.value) {
      if (c === '*' && next === '/') {
        inComment.value = false;
        i++;
      }
      continue;
    }
    if (c === '/' && next === '/') break;
    if (c === '/' && next === '*') {
      inComment.value = true;
      i++;
    } else if (c === '"' || c === "'") {
      const end = line.indexOf(c, i + 1);
      i = end < 0 ? line.length : end;
    } else if (c === '{') delta++;
    else if (c === '}') delta--;
  }
  return delta;
}

/** Every top-level function: its name and its lines from the head to the closing brace. */
export function functionBlocks(source: string): CodeBlock[] {
  const lines = source.split('\n');
  const blocks: CodeBlock[] = [];
  const inComment = { value: false };
  let depth = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const wasComment = inComment.value;
    const head = depth === 0 && !wasComment ? FUNCTION_HEAD.exec(line) : null;
    const name = head?.[1];
    if (head && name && !['if', 'while', 'for', 'switch', 'return'].includes(name)) {
      const start = i;
      let d = braceDelta(line, inComment);
      let j = i;
      const opened = () => d > 0 || lines.slice(start, j + 1).some((l) => l.includes('{'));
      while (j + 1 < lines.length && (d > 0 || !opened())) {
        j++;
        d += braceDelta(lines[j] ?? '', inComment);
      }
      blocks.push({ name, firstLine: start + 1, lines: lines.slice(start, j + 1) });
      i = j;
      continue;
    }
    depth += braceDelta(line, inComment);
  }
  return blocks;
}

/** `#define ADD_LABEL 0xadd` → 0xadd ↦ 'ADD_LABEL' (decimal or hex values; the first name wins). */
export function labelDefines(source: string): Map<bigint, string> {
  const names = new Map<bigint, string>();
  for (const m of source.matchAll(
    /^\s*#define\s+([A-Za-z_]\w*LABEL\w*)\s+(0[xX][0-9a-fA-F]+|\d+)\b/gm,
  )) {
    const [, name, value] = m;
    if (name === undefined || value === undefined) continue;
    const n = BigInt(value);
    if (!names.has(n)) names.set(n, name);
  }
  return names;
}
