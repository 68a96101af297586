/**
 * The part of a step that deals with the kernel: counting statements between system calls,
 * trapping with a wrapper's system call (or taking L4_UserIpc's fast path), and finishing the
 * calling statement when the result comes back.
 */
import { utcbWith } from '../../kernel/program';
import type { SyscallResult, Trap } from '../../kernel/program';
import type { BuiltinDef } from '../builtins/builtin';
import { takesFastPath, wrapperCall } from './ipcWrappers';
import { Machine } from './machine';
import { MAX_STATEMENTS_WITHOUT_SYSCALL } from './state';
import type { PendingCall } from './state';
import type { Value } from './values';

export class CallingMachine extends Machine {
  /** A statement started in this step; the next STMT ends the step. */
  started = false;
  stmt = -1;
  sinceSyscall = 0;
  pending: PendingCall | null = null;

  protected count(): void {
    if (++this.sinceSyscall > MAX_STATEMENTS_WITHOUT_SYSCALL) {
      this.fault(
        `ran ${MAX_STATEMENTS_WITHOUT_SYSCALL} statements without a system call: is a loop endless?`,
      );
    }
  }

  /** Finishes the statement that made a system call, with the kernel's result. */
  complete(p: PendingCall, r: SyscallResult): void {
    this.stmt = p.stmt;
    if (p.kind === 'L4_ThreadSwitch' || p.kind === 'L4_Yield') {
      if (r.kind !== 'threadSwitch') this.fault(`internal: ${p.kind} resumed with an IPC result`);
      return;
    }
    if (r.kind !== 'ipc') this.fault(`internal: ${p.kind} resumed with a ThreadSwitch result`);
    // The kernel writes the returned tag into the UTCB's MR0 on every ABI (Pistachio
    // kernel/src/api/v4/tcb.h, tcb_t::set_tag; ia32: kernel/src/glue/v4-x86/x32/trap.S stores MR0
    // into the UTCB); the amd64 wrapper also writes it back. Either way MR0 = the returned tag.
    if (this.utcb.mrs[0] !== r.tag) {
      const mrs = this.utcb.mrs.slice();
      mrs[0] = r.tag;
      this.utcb = utcbWith(this.utcb, { mrs });
    }
    if (r.from !== null) {
      this.lastFrom = r.from;
      if (p.fromPtr !== null) this.write(p.fromPtr, [r.from], `*from of ${p.kind}`);
    }
    if (p.kind !== 'L4_Sleep') this.stack.push(r.tag);
  }

  protected exit(): Trap {
    return { kind: 'exit' };
  }

  /** A system-call wrapper: traps, except for L4_UserIpc's user-mode fast path. */
  protected syscall(def: BuiltinDef, args: Value[]): Trap | null {
    const kind = def.syscall ?? 'L4_Ipc';
    const { call, fromPtr } = wrapperCall(kind, args, this.self, this.abi);
    if (takesFastPath(kind, call, this.self)) {
      const tag = this.utcb.mrs[0] ?? 0n;
      if (fromPtr !== null) this.write(fromPtr, [0n], '*from of L4_UserIpc');
      this.effects.push({ kind: 'fastpath', tag });
      this.stack.push(tag);
      return null;
    }
    this.pending = { kind, fromPtr, stmt: this.stmt };
    this.sinceSyscall = 0;
    return { kind: 'syscall', call };
  }
}
