/**
 * The calls a lesson could not write before: each run end to end on the kernel. Expected values
 * come from Pistachio's headers and kernel (file and function in each comment).
 */
import { describe, expect, it } from 'vitest';
import type { KernelEffect, World } from '../kernel';
import { runScenario } from './runner';

function run(body: string, header = '') {
  const text = `// @scenario t
// @space s
// @space other
${header}// @thread main space=s priority=200
// @thread peer space=s priority=100
// @thread far space=other priority=50
#include <l4/ipc.h>
${body}`;
  const r = runScenario(text, { maxSteps: 500 });
  if (!r.ok)
    throw new Error(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n'));
  const last = r.trace.frameAt(r.trace.length - 1).world;
  const effects: KernelEffect[] = [];
  for (let i = 1; i < r.trace.length; i++) effects.push(...r.trace.frameAt(i).effects);
  return { world: last, effects, r };
}
const mr = (w: World, name: string, i: number) =>
  w.threads.find((t) => t.name === name)?.utcb.mrs[i];
const err = (w: World, name: string) => w.threads.find((t) => t.name === name)?.utcb.errorCode;

describe('calls a lesson can now write', () => {
  // user/include/l4/ia32|amd64/vregs.h: L4_MyLocalId() is the UTCB address; the model's first
  // thread of a space has its UTCB at 0x10000000, the second at 0x10000400 (docs/kernel.md).
  it('L4_MyLocalId is the UTCB address of the thread', () => {
    const { world } = run(`void main(void) { L4_LoadMR(1, L4_MyLocalId().raw); }
void peer(void) { L4_LoadMR(1, L4_MyLocalId().raw); }
void far(void) {}`);
    expect([mr(world, 'main', 1), mr(world, 'peer', 1)]).toEqual([0x1000_0000n, 0x1000_0400n]);
  });

  // user/include/l4/message.h, L4_StringItem and L4_MsgAppendSimpleStringItem: [len << 10, ptr],
  // c and j cleared, t += 2.
  it('L4_StringItem and L4_MsgAppendSimpleStringItem build a string item of t = 2', () => {
    const { world } = run(`#include <l4/message.h>
void main(void) {
    L4_Msg_t m; L4_Word_t buf[4];
    L4_MsgClear(&m);
    L4_MsgAppendWord(&m, 7);
    L4_MsgAppendSimpleStringItem(&m, L4_StringItem(16, buf));
    L4_MsgLoad(&m);
}
void peer(void) {}
void far(void) {}`);
    expect([mr(world, 'main', 0), mr(world, 'main', 1), mr(world, 'main', 2)]).toEqual([
      0x81n, // t = 2, u = 1
      7n,
      16n << 10n,
    ]);
  });

  it('L4_SystemClock reads the simulated clock in µs, and @statement sets what a statement costs', () => {
    const { world } = run(
      `void main(void) { L4_Word_t a = L4_SystemClock().raw; L4_Word_t b = L4_SystemClock().raw; L4_LoadMR(1, a); L4_LoadMR(2, b); }
void peer(void) {}
void far(void) {}`,
      '// @statement 5us\n',
    );
    expect([mr(world, 'main', 1), mr(world, 'main', 2)]).toEqual([0n, 5n]);
  });

  it('@timeslice sets the round-robin length', () => {
    const loop = 'L4_Word_t i; for (i = 0; i < 6; i++) {}';
    const { effects } = run(
      `void main(void) {}
void peer(void) { ${loop} }
void far(void) {}`,
      '// @timeslice 3us\n',
    );
    expect(effects.some((e) => e.kind === 'switch')).toBe(true);
    const r = runScenario(
      `// @scenario t\n// @timeslice 3us\n// @space s\n// @thread a space=s\n// @thread b space=s\nvoid a(void) { ${loop} }\nvoid b(void) { ${loop} }`,
    );
    expect(r.ok && r.spec.options).toEqual({ timesliceUs: 3 });
    const switches: string[] = [];
    if (r.ok)
      for (let i = 1; i < r.trace.length; i++)
        for (const e of r.trace.frameAt(i).effects)
          if (e.kind === 'switch') switches.push(e.reason);
    expect(switches).toContain('timeslice');
  });

  // kernel/src/api/v4/exregs.cc, perform_exregs(): recv_flag (2) aborts a receiving thread through
  // tcb_t::unwind(abort) → IPC_RCV_ERROR(ERR_IPC_CANCELED) = 0x7, tag error_tag() = 0x8000; the
  // returned control has recv_flag set; a global dest returns the local id.
  it('L4_ExchangeRegisters with the receive bit cancels a blocked receive: 0x7', () => {
    const { world, effects } = run(`void main(void) {
    L4_Word_t oc;
    L4_ThreadId_t r;
    L4_Word_t z;
    L4_ThreadId_t zt;
    L4_Sleep(L4_TimePeriod(10));
    r = L4_ExchangeRegisters(peer, 2, 0, 0, 0, 0, L4_nilthread, &oc, &z, &z, &z, &z, &zt);
    L4_LoadMR(1, r.raw);
    L4_LoadMR(2, oc);
}
void peer(void) { L4_MsgTag_t t = L4_Receive(far); L4_LoadMR(3, t.raw); }
void far(void) { L4_Sleep(L4_TimePeriod(1000)); }`);
    expect(err(world, 'peer')).toBe(0x7n);
    expect(mr(world, 'peer', 3)).toBe(0x8000n);
    expect([mr(world, 'main', 1), mr(world, 'main', 2)]).toEqual([0x1000_0400n, 2n]);
    expect(effects).toContainEqual(expect.objectContaining({ kind: 'exregs', aborted: 'receive' }));
  });

  // the same with send_flag (4): unwind of a polling thread → 0x6, tag = its own MR0 with E.
  it('L4_ExchangeRegisters with the send bit cancels a blocked send: 0x6 and the sender own MR0 with E', () => {
    const { world } = run(`void main(void) {
    L4_Word_t z;
    L4_ThreadId_t zt;
    L4_Sleep(L4_TimePeriod(10));
    L4_ExchangeRegisters(peer, 4, 0, 0, 0, 0, L4_nilthread, &z, &z, &z, &z, &z, &zt);
}
void peer(void) { L4_MsgTag_t t; L4_LoadMR(0, 0x50000); t = L4_Send(far); L4_LoadMR(3, t.raw); }
void far(void) { L4_Sleep(L4_TimePeriod(1000)); }`);
    expect(err(world, 'peer')).toBe(0x6n);
    expect(mr(world, 'peer', 3)).toBe(0x58000n);
  });

  // exregs.cc, SYS_EXCHANGE_REGISTERS: a thread of another space fails has_exregs_perms →
  // nilthread, ErrorCode EINVALID_THREAD (2).
  it('L4_ExchangeRegisters on a thread of another space returns nilthread with ErrorCode 2', () => {
    const { world } = run(`void main(void) {
    L4_Word_t z;
    L4_ThreadId_t zt;
    L4_ThreadId_t r = L4_ExchangeRegisters(far, 2, 0, 0, 0, 0, L4_nilthread, &z, &z, &z, &z, &z, &zt);
    L4_LoadMR(1, r.raw + 1);
}
void peer(void) {}
void far(void) {}`);
    expect([mr(world, 'main', 1), err(world, 'main')]).toEqual([1n, 2n]);
  });

  it('a bad @timeslice or @statement is a clear header error', () => {
    const r = runScenario(
      '// @scenario t\n// @timeslice fast\n// @statement 0us\n// @space s\n// @thread a space=s\nvoid a(void) {}',
    );
    expect(r.ok).toBe(false);
    const messages = r.ok
      ? []
      : r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}: ${d.message}`);
    expect(messages).toEqual([
      "2: expected a time after '@timeslice' like '100us', '1ms' or '0' (no round robin), found 'fast'",
      "3: expected a time after '@statement' like '1us' (at least 1 µs), found '0us'",
    ]);
  });
});
