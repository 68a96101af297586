/**
 * The scenario language's entry point: one text file (header, C code) → a checked scenario whose
 * threads run as `Program`s on the kernel, or diagnostics with line and column.
 */
import { globalId, threadNoBits, versionBits } from '../kernel/abi/threadId';
import type { Abi, Word } from '../kernel/abi/word';
import { hex, wordBits } from '../kernel/abi/word';
import { FIRST_THREAD_NO, MIN_PAGE_LOG2 } from '../kernel';
import type { Program } from '../kernel/program';
import { Diagnostics, didYouMean, endColumnAt } from './diagnostic';
import type { Diagnostic } from './diagnostic';
import { genUnit } from './gen/genUnit';
import { parseHeader } from './header';
import { expandIncludes } from './include/expand';
import type { Expanded, LineOrigin } from './include/expand';
import type { FileLookup } from './include/files';
import type { Header, RegionDef } from './header';
import { lex } from './lexer';
import { attachNotes } from './notes';
import { parseUnit } from './parse/parser';
import { newHeap } from './vm/heap';
import { langProgram } from './vm/langProgram';
import type { LangState } from './vm/state';

export type { RegionDef } from './header';
export type { LangState } from './vm/state';

export interface SpaceDef {
  readonly name: string;
  readonly regions: readonly RegionDef[];
}

export interface ThreadDef {
  readonly name: string;
  readonly space: string;
  readonly priority: number;
  readonly threadNo: bigint;
  readonly version: bigint;
  readonly globalId: Word;
  readonly program: Program<LangState>;
  /** The lines of the thread's function, first to last (1-based). */
  readonly codeRange: { readonly startLine: number; readonly endLine: number };
}

export interface ScenarioDef {
  readonly id: string;
  readonly title: string;
  readonly abi: Abi;
  readonly teaches: string;
  readonly spaces: readonly SpaceDef[];
  readonly threads: readonly ThreadDef[];
  /** The text the code listing shows: the file with its includes expanded in place. */
  readonly source: string;
  /** Where each line of `source` was written (`origins[line - 1]`): its file and line there. */
  readonly origins: readonly LineOrigin[];
}

export type CompileResult =
  | { readonly ok: true; readonly scenario: ScenarioDef; readonly diagnostics: Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: Diagnostic[] };

interface Numbered {
  readonly threadNo: bigint;
  readonly version: bigint;
  readonly globalId: Word;
}

function numberThreads(header: Header, abi: Abi, diags: Diagnostics): Numbered[] {
  const ids = new Map<Word, string>();
  return header.threads.map((t, i) => {
    const threadNo = t.threadNo ?? FIRST_THREAD_NO + BigInt(i);
    const version = t.version ?? 1n;
    if (threadNo === 0n)
      diags.error(t.pos, `threadno 0 of '${t.name}' is not allowed: thread numbers start at 1`);
    if (threadNo >= 1n << BigInt(threadNoBits(abi))) {
      diags.error(
        t.pos,
        `threadno ${hex(threadNo)} of '${t.name}' does not fit the ${threadNoBits(abi)}-bit thread number on ${abi}`,
      );
    }
    if (version >= 1n << BigInt(versionBits(abi))) {
      diags.error(
        t.pos,
        `version ${hex(version)} of '${t.name}' does not fit the ${versionBits(abi)}-bit version field on ${abi}`,
      );
    } else if ((version & 0x3fn) === 0n) {
      diags.error(
        t.pos,
        `version ${version} of '${t.name}' has its low 6 bits zero, so its id would look like a local id: use a version like 1`,
      );
    }
    const id = globalId(threadNo, version, abi);
    const clash = ids.get(id);
    if (clash !== undefined)
      diags.error(t.pos, `threads '${clash}' and '${t.name}' have the same global id ${hex(id)}`);
    ids.set(id, t.name);
    return { threadNo, version, globalId: id };
  });
}

/**
 * Regions the kernel can map: 4 KiB pages up to the whole address space, inside it, disjoint. The
 * overlap check sorts by base and sweeps once (n log n: a header may list 20,000 regions).
 */
function checkRegions(header: Header, abi: Abi, diags: Diagnostics): void {
  const w = wordBits(abi);
  for (const sp of header.spaces) {
    const valid: number[] = [];
    sp.regions.forEach((r, i) => {
      const pos = sp.regionPos[i] ?? sp.pos;
      if (r.sizeLog2 < MIN_PAGE_LOG2 || r.sizeLog2 > w) {
        diags.error(
          pos,
          `region size 2^${r.sizeLog2} is out of range: log2size must be ${MIN_PAGE_LOG2}..${w} (4 KiB pages up to the whole ${abi} address space)`,
        );
      } else if (r.base + (1n << BigInt(r.sizeLog2)) > 1n << BigInt(w)) {
        diags.error(
          pos,
          `region ${hex(r.base)}/${r.sizeLog2} ends beyond the ${w}-bit address space`,
        );
      } else valid.push(i);
    });
    const end = (i: number): bigint => {
      const r = sp.regions[i] as RegionDef;
      return r.base + (1n << BigInt(r.sizeLog2));
    };
    const base = (i: number): bigint => (sp.regions[i] as RegionDef).base;
    valid.sort((a, b) => (base(a) < base(b) ? -1 : base(a) > base(b) ? 1 : a - b));
    let holder = -1;
    const reported = new Set<number>();
    for (const i of valid) {
      if (holder >= 0 && base(i) < end(holder)) {
        const [first, later] = holder < i ? [holder, i] : [i, holder];
        const r = sp.regions[later] as RegionDef;
        if (!reported.has(later))
          diags.error(
            sp.regionPos[later] ?? sp.pos,
            `region ${hex(r.base)}/${r.sizeLog2} overlaps region ${first + 1} of space '${sp.name}'`,
          );
        reported.add(later);
      }
      if (holder < 0 || end(i) > end(holder)) holder = i;
    }
  }
}

function checkHeader(header: Header, diags: Diagnostics): void {
  const top = { line: 1, col: 1 };
  if (!header.sawScenario)
    diags.error(top, "missing header line '// @scenario <id>' at the top of the file");
  if (header.title === null)
    diags.warning(
      header.firstPos,
      "no '// @title ...' header line: the scenario id is used as its title",
    );
  if (header.teaches === null)
    diags.warning(
      header.firstPos,
      "no '// @teaches ...' header line: say in one sentence what the scenario teaches",
    );
  if (header.threads.length === 0)
    diags.error(
      header.firstPos,
      "no threads: declare at least one with '// @thread <name> space=<space>'",
    );
  const spaces = header.spaces.map((s) => s.name);
  const used = new Set<string>();
  for (const t of header.threads) {
    used.add(t.space);
    if (!spaces.includes(t.space)) {
      diags.error(
        t.spacePos,
        `unknown address space '${t.space}'${didYouMean(t.space, spaces)}: declare it with '// @space ${t.space}'`,
      );
    }
  }
  for (const s of header.spaces) {
    if (!used.has(s.name)) diags.warning(s.pos, `address space '${s.name}' has no threads`);
  }
  const threads = header.threads.map((t) => t.name);
  for (const h of header.heaps) {
    if (!threads.includes(h.thread))
      diags.error(
        h.pos,
        `@heap names unknown thread '${h.thread}'${didYouMean(h.thread, threads)}`,
      );
  }
}

/**
 * The longest scenario text the compiler takes. Compiling is linear, but a 2 MB file is already
 * about 700,000 tokens (seconds on a slow machine); a larger one gets a message at once.
 */
export const MAX_SOURCE_CHARS = 2_000_000;

function compile(
  text: string,
  abiOverride: Abi | undefined,
  diags: Diagnostics,
): ScenarioDef | null {
  if (text.length > MAX_SOURCE_CHARS) {
    diags.error(
      { line: 1, col: 1 },
      `the scenario has ${text.length} characters; a scenario may have at most ${MAX_SOURCE_CHARS} (2 MB): split it, or generate fewer threads or statements`,
    );
    return null;
  }
  const lexed = lex(text, diags);
  const header = parseHeader(lexed.headers, diags);
  checkHeader(header, diags);
  const abi = abiOverride ?? header.abi ?? 'amd64';
  checkRegions(header, abi, diags);
  const numbers = numberThreads(header, abi, diags);
  const syntaxErrorsBefore = diags.list.length;
  const ast = parseUnit(lexed, diags);
  const syntaxOk = !diags.list.slice(syntaxErrorsBefore).some((d) => d.severity === 'error');
  if (!syntaxOk) return null;
  const names = header.threads.map((t, i) => ({
    name: t.name,
    globalId: numbers[i]?.globalId ?? 0n,
    pos: t.pos,
  }));
  const { unit, entries } = genUnit(ast, names, abi, header.heaps.length > 0, diags);
  attachNotes(lexed.notes, unit.stmts, diags);
  if (diags.hasErrors) return null;
  const threads: ThreadDef[] = header.threads.map((t, i) => {
    const n = numbers[i] as Numbered;
    const entry = entries.get(t.name) ?? { fn: 0, startLine: 1, endLine: 1 };
    const heapDecl = header.heaps.find((h) => h.thread === t.name);
    const heap = heapDecl === undefined ? null : newHeap(heapDecl.base, heapDecl.size);
    const program = langProgram(unit, { name: t.name, entry: entry.fn, heap });
    return {
      name: t.name,
      space: t.space,
      priority: t.priority,
      threadNo: n.threadNo,
      version: n.version,
      globalId: n.globalId,
      program,
      codeRange: { startLine: entry.startLine, endLine: entry.endLine },
    };
  });
  return {
    id: header.id ?? 'scenario',
    title: header.title ?? header.id ?? 'scenario',
    abi,
    teaches: header.teaches ?? '',
    spaces: header.spaces.map((s) => ({ name: s.name, regions: s.regions })),
    threads,
    source: text,
    origins: [],
  };
}

export interface CompileOptions {
  /** Overrides the header's `@abi` (for `cli run --abi`). */
  readonly abi?: Abi;
  /** Where `#include "..."` finds its files (see `include/files.ts`); none without it. */
  readonly files?: FileLookup;
  /** The main file's path: the folder its includes are looked up in, and the name messages use. */
  readonly path?: string;
}

/** A diagnostic about line n of the expanded text, moved to the file and line it was written at. */
function placed(d: Diagnostic, x: Expanded, main: string | undefined): Diagnostic {
  const origin = x.origins[d.line - 1];
  const lineText = x.text.split('\n')[d.line - 1] ?? '';
  const endColumn = d.endColumn ?? endColumnAt(lineText, d.column);
  const line = origin?.line ?? d.line;
  const file = origin === undefined || origin.file === '' ? main : origin.file;
  return { ...(file === undefined ? {} : { file }), ...d, line, endColumn };
}

function withoutFile(d: Diagnostic): Diagnostic {
  const { file: _file, ...rest } = d;
  return rest;
}

/**
 * Compiles a scenario file: its includes expanded (`include/expand.ts`), then lexed, parsed and
 * checked. Never throws: every problem is a diagnostic with its file, line, column and end column.
 */
export function compileScenario(text: string, options: CompileOptions = {}): CompileResult {
  const diags = new Diagnostics();
  const main = options.path;
  const x = expandIncludes(main ?? '', text, options.files ?? (() => undefined));
  const named = main === '' ? undefined : main;
  const order = (d: Diagnostic): number => x.files.indexOf(d.file ?? '');
  const sortedWith = (): Diagnostic[] =>
    [
      ...x.diagnostics.map((d) => (d.file === '' ? withoutFile(d) : d)),
      ...diags.sorted().map((d) => placed(d, x, named)),
    ].sort((a, b) => order(a) - order(b) || a.line - b.line || a.column - b.column);
  try {
    const scenario = x.diagnostics.length > 0 ? null : compile(x.text, options.abi, diags);
    if (scenario === null || diags.hasErrors) return { ok: false, diagnostics: sortedWith() };
    return { ok: true, scenario: { ...scenario, origins: x.origins }, diagnostics: sortedWith() };
  } catch (e) {
    const message = `internal error in the scenario compiler: ${e instanceof Error ? e.message : String(e)}`;
    return {
      ok: false,
      diagnostics: [
        ...sortedWith(),
        { line: 1, column: 1, endColumn: 2, severity: 'error', message },
      ],
    };
  }
}
