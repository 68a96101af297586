/**
 * A tiny stand-in for the kernel in the language's tests: it steps one thread's Program and
 * answers its system calls with canned results (optionally changing the UTCB, as a receive would).
 */
import { asMsgTag, asThreadId } from '../../kernel/abi/kindedWords';
import type { Abi, Word } from '../../kernel/abi/word';
import { emptyUtcb } from '../../kernel';
import type {
  Syscall,
  SyscallResult,
  Trap,
  UserEffect,
  UserStep,
  Utcb,
} from '../../kernel/program';
import { compileScenario } from '../scenario';
import type { ScenarioDef, ThreadDef } from '../scenario';
import type { LangState } from '../vm/state';

/** The kernel's answer to a system call: the result, and the UTCB the thread sees afterwards. */
export type Responder = (
  call: Syscall,
  utcb: Utcb,
  n: number,
) => { result: SyscallResult; utcb?: Utcb };

/** A completed IPC's result from plain words (a test's responder). */
export function ipcDone(tag: Word, from: Word | null): SyscallResult {
  return { kind: 'ipc', tag: asMsgTag(tag), from: from === null ? null : asThreadId(from) };
}

/** Answers every IPC with the tag `tag` (default: a successful empty receive) and from = nil. */
export const replyWith =
  (tag: Word = 0n, from: Word | null = null): Responder =>
  (call) => ({
    result:
      call.kind === 'ipc'
        ? {
            kind: 'ipc',
            tag: asMsgTag(tag),
            from: call.fromSpecifier === 0n || from === null ? null : asThreadId(from),
          }
        : { kind: 'threadSwitch' },
  });

export class FakeThread {
  state: LangState;
  utcb: Utcb;
  readonly steps: UserStep<LangState>[] = [];
  readonly syscalls: Syscall[] = [];
  /** The `resume` each step was given. */
  readonly resumes: (SyscallResult | null)[] = [];
  private resume: SyscallResult | null = null;

  constructor(
    readonly def: ThreadDef,
    readonly abi: Abi,
    private readonly respond: Responder = replyWith(),
    /** MR values to start with (MR0 first). */
    initialMrs: readonly Word[] = [],
  ) {
    const utcb = emptyUtcb(def.globalId);
    const mrs = utcb.mrs.slice();
    initialMrs.forEach((w, i) => (mrs[i] = w));
    this.utcb = { ...utcb, mrs };
    this.state = def.program.init({ abi, self: def.globalId, utcb: this.utcb });
  }

  /** One step; a system call is answered at once (its result is handed back on the next step). */
  step(): UserStep<LangState> {
    const s = this.def.program.step(
      this.state,
      { abi: this.abi, self: this.def.globalId, utcb: this.utcb },
      this.resume,
    );
    this.resumes.push(this.resume);
    this.resume = null;
    this.steps.push(s);
    this.state = s.state;
    this.utcb = s.utcb;
    if (s.trap.kind === 'syscall') {
      this.syscalls.push(s.trap.call);
      const r = this.respond(s.trap.call, this.utcb, this.syscalls.length);
      this.resume = r.result;
      if (r.utcb !== undefined) this.utcb = r.utcb;
    }
    return s;
  }

  /** Steps until the thread exits or faults (or `max` steps); returns the final trap. */
  run(max = 10_000): Trap {
    for (let i = 0; i < max; i++) {
      const s = this.step();
      if (s.trap.kind === 'exit' || s.trap.kind === 'fault') return s.trap;
    }
    return { kind: 'none' };
  }

  effects(kind?: UserEffect['kind']): UserEffect[] {
    return this.steps
      .flatMap((s) => s.effects)
      .filter((e) => kind === undefined || e.kind === kind);
  }
}

const HEADER = (abi: Abi, threads: string, extra: string) => `// @scenario test
// @title Test
// @abi ${abi}
// @teaches Testing.
// @space apps
${threads}${extra}`;

/** Compiles a scenario with one thread `main` (plus extra header lines); throws on errors. */
export function compileMain(
  body: string,
  abi: Abi = 'amd64',
  extraHeader = '',
  threads = '// @thread main space=apps priority=100\n',
): ScenarioDef {
  const r = compileScenario(HEADER(abi, threads, extraHeader) + body);
  if (!r.ok)
    throw new Error(r.diagnostics.map((d) => `${d.line}:${d.column}: ${d.message}`).join('\n'));
  return r.scenario;
}

/** A thread of a compiled scenario by name. */
export function threadOf(s: ScenarioDef, name: string): ThreadDef {
  const t = s.threads.find((x) => x.name === name);
  if (t === undefined) throw new Error(`no thread ${name}`);
  return t;
}

/** Runs `main` with code `body` to its end; returns the fake thread for inspection. */
export function runMain(
  body: string,
  abi: Abi = 'amd64',
  respond?: Responder,
  extraHeader = '',
): FakeThread {
  const s = compileMain(body, abi, extraHeader);
  const t = new FakeThread(threadOf(s, 'main'), abi, respond);
  t.run();
  return t;
}

/** Number of header lines `compileMain` puts before the body (for line numbers in tests). */
export const HEADER_LINES = 6;

/**
 * Compiles `body` under the standard one-thread header and returns its diagnostics as
 * `line:column: message` with lines counted from the first line of `body`.
 */
export function diagnosticsOf(body: string, abi: Abi = 'amd64'): string[] {
  const r = compileScenario(HEADER(abi, '// @thread main space=apps priority=100\n', '') + body);
  return r.diagnostics.map(
    (d) =>
      `${d.line - HEADER_LINES}:${d.column}: ${d.severity === 'warning' ? 'warning: ' : ''}${d.message}`,
  );
}
