/**
 * The scenario header: `// @key value` comment lines before the code.
 *
 *   // @scenario call-reply
 *   // @title Call and reply
 *   // @abi amd64
 *   // @teaches A Call is a send and a closed receive in one system call.
 *   // @space apps
 *   // @space mem 0x100000/20 rwx
 *   // @thread client space=apps priority=100
 *   // @thread memserver space=mem priority=150 threadno=0x42 version=1
 *   // @heap memserver 0x10000000 0x10000
 */
import { isNumberText } from '../kernel/abi/kinds';
import { hex } from '../kernel/abi/word';
import type { Abi } from '../kernel/abi/word';
import { DEFAULT_PRIORITY } from '../kernel';
import { didYouMean } from './diagnostic';
import type { Diagnostics, Pos } from './diagnostic';
import type { HeaderLine } from './token';
import { KEYWORDS } from './typeNames';

export interface RegionDef {
  readonly base: bigint;
  readonly sizeLog2: number;
  /** rwx bits: 4 readable, 2 writable, 1 executable. */
  readonly rights: number;
}

export interface HeaderSpace {
  readonly name: string;
  readonly pos: Pos;
  readonly regions: readonly RegionDef[];
  /** Where each region was written. */
  readonly regionPos: readonly Pos[];
}

export interface HeaderThread {
  readonly name: string;
  readonly pos: Pos;
  readonly space: string;
  readonly spacePos: Pos;
  readonly priority: number;
  readonly threadNo: bigint | null;
  readonly version: bigint | null;
}

export interface HeaderHeap {
  readonly thread: string;
  readonly pos: Pos;
  readonly base: bigint;
  readonly size: bigint;
}

export interface Header {
  id: string | null;
  title: string | null;
  abi: Abi | null;
  teaches: string | null;
  readonly spaces: HeaderSpace[];
  readonly threads: HeaderThread[];
  readonly heaps: HeaderHeap[];
  /** A `@scenario` line was given (even an invalid one). */
  sawScenario: boolean;
  /** Position of the first header line (for file-level messages). */
  firstPos: Pos;
}

export const HEADER_KEYS = [
  'scenario',
  'title',
  'abi',
  'teaches',
  'space',
  'thread',
  'heap',
] as const;
const THREAD_KEYS = ['space', 'priority', 'threadno', 'version'];
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

interface Word {
  readonly text: string;
  readonly pos: Pos;
}

function words(h: HeaderLine): Word[] {
  const out: Word[] = [];
  const re = /\S+/g;
  for (let m = re.exec(h.rest); m !== null; m = re.exec(h.rest)) {
    out.push({ text: m[0], pos: { line: h.line, col: h.restCol + m.index } });
  }
  return out;
}

export function parseNumberText(text: string): bigint | null {
  return isNumberText(text) ? BigInt(text) : null;
}

export function parseHeader(lines: readonly HeaderLine[], diags: Diagnostics): Header {
  const first = lines[0];
  const header: Header = {
    id: null,
    title: null,
    abi: null,
    teaches: null,
    spaces: [],
    threads: [],
    heaps: [],
    sawScenario: false,
    firstPos: first === undefined ? { line: 1, col: 1 } : { line: first.line, col: first.col },
  };
  const seen = new Map<string, number>();
  for (const h of lines) {
    const known = (HEADER_KEYS as readonly string[]).includes(h.key);
    const pos = { line: h.line, col: h.col };
    if (h.afterCode) {
      if (known)
        diags.error(
          pos,
          `header line '@${h.key}' must come before the code: move it to the top of the file`,
        );
      continue;
    }
    if (!known) {
      diags.error(
        pos,
        `unknown header line '@${h.key}'${didYouMean(h.key, HEADER_KEYS)}: expected one of ${HEADER_KEYS.map((k) => '@' + k).join(', ')}, or @cue`,
      );
      continue;
    }
    const single = ['scenario', 'title', 'abi', 'teaches'].includes(h.key);
    if (single && seen.has(h.key)) {
      diags.error(pos, `'@${h.key}' is given twice (first at line ${seen.get(h.key)})`);
      continue;
    }
    seen.set(h.key, h.line);
    parseLine(header, h, pos, diags);
  }
  return header;
}

function parseLine(header: Header, h: HeaderLine, pos: Pos, diags: Diagnostics): void {
  const ws = words(h);
  const restPos = { line: h.line, col: h.restCol };
  switch (h.key) {
    case 'scenario':
      header.sawScenario = true;
      if (ws.length !== 1 || !/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(h.rest)) {
        diags.error(
          restPos,
          `expected a scenario id after '@scenario' (one word of letters, digits, '-' or '_'), found '${h.rest}'`,
        );
      } else header.id = h.rest;
      return;
    case 'title':
    case 'teaches':
      if (h.rest === '') diags.error(restPos, `expected text after '@${h.key}'`);
      else header[h.key] = h.rest;
      return;
    case 'abi':
      if (h.rest === 'amd64' || h.rest === 'ia32') header.abi = h.rest;
      else diags.error(restPos, `expected 'amd64' or 'ia32' after '@abi', found '${h.rest}'`);
      return;
    case 'space':
      parseSpace(header, ws, restPos, diags);
      return;
    case 'thread':
      parseThread(header, ws, restPos, diags);
      return;
    case 'heap':
      parseHeap(header, ws, restPos, diags);
      return;
  }
  diags.error(pos, `unknown header line '@${h.key}'`);
}

function expectName(w: Word | undefined, what: string, at: Pos, diags: Diagnostics): string | null {
  if (w === undefined) {
    diags.error(at, `expected ${what}`);
    return null;
  }
  if (!IDENT.test(w.text) || KEYWORDS.has(w.text)) {
    diags.error(w.pos, `expected ${what} (a C identifier, not a keyword), found '${w.text}'`);
    return null;
  }
  return w.text;
}

function parseSpace(header: Header, ws: Word[], at: Pos, diags: Diagnostics): void {
  const name = expectName(ws[0], "an address-space name after '@space'", at, diags);
  if (name === null) return;
  const regions: RegionDef[] = [];
  const regionPos: Pos[] = [];
  for (let i = 1; i < ws.length; i++) {
    const w = ws[i] as Word;
    const m = /^(0[xX][0-9a-fA-F]+|[0-9]+)\/([0-9]+)$/.exec(w.text);
    if (m === null) {
      diags.error(
        w.pos,
        `expected a memory region 'base/log2size' (like 0x100000/20), found '${w.text}'`,
      );
      return;
    }
    const base = BigInt(m[1] ?? '0');
    const sizeLog2 = Number(m[2]);
    let rights = 7;
    const next = ws[i + 1];
    if (next !== undefined && /^[rwx-]+$/.test(next.text)) {
      rights =
        (next.text.includes('r') ? 4 : 0) |
        (next.text.includes('w') ? 2 : 0) |
        (next.text.includes('x') ? 1 : 0);
      i++;
    }
    // The range of log2size is checked with the ABI (scenario.ts, checkRegions); only a size in
    // range can be misaligned.
    const inRange = sizeLog2 >= 12 && sizeLog2 <= 64;
    if (inRange && base % (1n << BigInt(sizeLog2)) !== 0n) {
      diags.error(w.pos, `region base ${hex(base)} is not aligned to its size 2^${sizeLog2}`);
      return;
    }
    regions.push({ base, sizeLog2, rights });
    regionPos.push(w.pos);
  }
  const prev = header.spaces.find((s) => s.name === name);
  if (prev !== undefined) {
    diags.error(
      (ws[0] as Word).pos,
      `address space '${name}' is declared twice (first at line ${prev.pos.line})`,
    );
    return;
  }
  header.spaces.push({ name, pos: (ws[0] as Word).pos, regions, regionPos });
}

function parseThread(header: Header, ws: Word[], at: Pos, diags: Diagnostics): void {
  const name = expectName(ws[0], "a thread name after '@thread'", at, diags);
  if (name === null) return;
  const pos = (ws[0] as Word).pos;
  let space: Word | null = null;
  let priority = DEFAULT_PRIORITY;
  let threadNo: bigint | null = null;
  let version: bigint | null = null;
  for (const w of ws.slice(1)) {
    const eq = w.text.indexOf('=');
    const key = eq < 0 ? w.text : w.text.slice(0, eq);
    const value = eq < 0 ? '' : w.text.slice(eq + 1);
    const valuePos = { line: w.pos.line, col: w.pos.col + eq + 1 };
    if (eq < 0 || value === '') {
      diags.error(
        w.pos,
        `expected key=value (space=, priority=, threadno=, version=) in '@thread ${name}', found '${w.text}'`,
      );
      return;
    }
    if (!THREAD_KEYS.includes(key)) {
      diags.error(
        w.pos,
        `unknown thread property '${key}'${didYouMean(key, THREAD_KEYS)}: expected space=, priority=, threadno= or version=`,
      );
      return;
    }
    if (key === 'space') {
      space = { text: value, pos: valuePos };
      continue;
    }
    const n = parseNumberText(value);
    if (n === null) {
      diags.error(valuePos, `expected a number for ${key}=, found '${value}'`);
      return;
    }
    if (key === 'priority') {
      if (n > 255n) {
        diags.error(valuePos, `priority ${n} is out of range: L4 priorities are 0..255`);
        return;
      }
      priority = Number(n);
    } else if (key === 'threadno') threadNo = n;
    else version = n;
  }
  if (space === null) {
    diags.error(pos, `thread '${name}' needs an address space: add space=<name>`);
    return;
  }
  const prev = header.threads.find((t) => t.name === name);
  if (prev !== undefined) {
    diags.error(pos, `thread '${name}' is declared twice (first at line ${prev.pos.line})`);
    return;
  }
  header.threads.push({
    name,
    pos,
    space: space.text,
    spacePos: space.pos,
    priority,
    threadNo,
    version,
  });
}

function parseHeap(header: Header, ws: Word[], at: Pos, diags: Diagnostics): void {
  const thread = expectName(ws[0], "a thread name after '@heap' (then base and size)", at, diags);
  if (thread === null) return;
  const base = ws[1] === undefined ? null : parseNumberText(ws[1].text);
  const size = ws[2] === undefined ? null : parseNumberText(ws[2].text);
  if (base === null || size === null || ws.length > 3) {
    const w = ws[base === null ? 1 : size === null ? 2 : 3];
    diags.error(
      w?.pos ?? at,
      `expected '@heap <thread> <base> <size>' (like '@heap memserver 0x10000000 0x10000')${w === undefined ? '' : `, found '${w.text}'`}`,
    );
    return;
  }
  if (size === 0n) {
    diags.error((ws[2] as Word).pos, 'the heap size must not be 0');
    return;
  }
  if (header.heaps.some((h) => h.thread === thread)) {
    diags.error((ws[0] as Word).pos, `thread '${thread}' already has a heap`);
    return;
  }
  header.heaps.push({ thread, pos: (ws[0] as Word).pos, base, size });
}
