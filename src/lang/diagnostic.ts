/**
 * Messages about a scenario file that a learner can act on: where (1-based line and column) and
 * what was expected. Nothing in the scenario language throws; every problem becomes a Diagnostic.
 */

export interface Diagnostic {
  /** The file the problem is in (`compileScenario` always sets it; an included file names itself). */
  readonly file?: string;
  readonly line: number;
  readonly column: number;
  /** Just after the last character the problem covers (a token, a quoted name), on `line`. */
  readonly endColumn?: number;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** A position in the scenario text, 1-based. */
export interface Pos {
  readonly line: number;
  readonly col: number;
}

/**
 * `file:line:column: message` (errors) or `file:line:column: warning: message` (warnings), the
 * way C compilers print them. The diagnostic's own file wins over `fileName` (a message about an
 * included file names it); without either: `line:column: message`.
 */
export function formatDiagnostic(d: Diagnostic, fileName?: string): string {
  const where = `${d.line}:${d.column}`;
  const file = d.file ?? fileName;
  const prefix = file === undefined || file === '' ? where : `${file}:${where}`;
  const kind = d.severity === 'warning' ? 'warning: ' : '';
  return `${prefix}: ${kind}${d.message}`;
}

/** The most errors one compile reports; later ones are usually consequences of the first. */
export const MAX_ERRORS = 30;
/** The most warnings one compile reports (a file may hold 100,000 uncalled functions). */
export const MAX_WARNINGS = 100;

/** Collects diagnostics in the order they are found (each position and message once). */
export class Diagnostics {
  readonly list: Diagnostic[] = [];
  private errorCount = 0;
  private warningCount = 0;
  private readonly seen = new Set<string>();

  private fresh(pos: Pos, message: string): boolean {
    const key = `${pos.line}:${pos.col}:${message}`;
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }

  error(pos: Pos, message: string): void {
    if (this.errorCount >= MAX_ERRORS || !this.fresh(pos, message)) return;
    this.errorCount++;
    this.list.push({ line: pos.line, column: pos.col, severity: 'error', message });
  }

  warning(pos: Pos, message: string): void {
    if (this.warningCount >= MAX_WARNINGS || !this.fresh(pos, message)) return;
    this.warningCount++;
    this.list.push({ line: pos.line, column: pos.col, severity: 'warning', message });
  }

  get hasErrors(): boolean {
    return this.errorCount > 0;
  }

  /** Sorted by position, errors and warnings interleaved. */
  sorted(): Diagnostic[] {
    return [...this.list].sort((a, b) => a.line - b.line || a.column - b.column);
  }
}

/** "did you mean 'x'?" when a known name is close enough to be a typo, else ''. */
export function didYouMean(name: string, known: Iterable<string>): string {
  const lower = name.toLowerCase();
  let best: string | null = null;
  let bestDist = Infinity;
  for (const candidate of known) {
    if (candidate === name) continue;
    const d =
      candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase(), 3);
    if (d < bestDist) {
      bestDist = d;
      best = candidate;
    }
  }
  const limit = name.length <= 2 ? 0 : name.length <= 4 ? 1 : name.length <= 7 ? 2 : 3;
  return best !== null && bestDist <= limit ? ` (did you mean '${best}'?)` : '';
}

/** Edit distance with adjacent transpositions (optimal string alignment), capped at `cap + 1`. */
export function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const prev = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, ((rows[i - 2] as number[])[j - 2] ?? 0) + 1);
      }
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > cap) return cap + 1;
    rows.push(cur);
  }
  return (rows[a.length] as number[])[b.length] ?? cap + 1;
}

const PUNCT = /^(<<=|>>=|\.\.\.|->|\+\+|--|<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%&|^]=)/;

/**
 * The column just after the token that starts at `column` of `lineText` (an identifier, a number,
 * a quoted string or character, an operator), so a message can underline what it is about; at
 * least one column, even past the end of the line.
 */
export function endColumnAt(lineText: string, column: number): number {
  const rest = lineText.slice(column - 1);
  const quote = rest[0];
  let length = 1;
  if (quote === '"' || quote === "'") {
    const close = rest.indexOf(quote, 1);
    length = close < 0 ? rest.trimEnd().length : close + 1;
  } else {
    const m = /^[A-Za-z0-9_]+/.exec(rest) ?? PUNCT.exec(rest);
    if (m !== null) length = m[0].length;
  }
  return column + Math.max(1, length);
}
