import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from './diagnostic';
import { compileScenario } from './scenario';
import { FakeThread, ipcDone } from './testSupport/fakeKernel';

const CALL_REPLY = `// @scenario call-reply
// @title Call and reply
// @abi amd64
// @teaches A Call is a send and a closed receive in one system call: the client sleeps until the server replies.
// @space apps
// @space mem  0x100000/20 rwx
// @thread client    space=apps priority=100
// @thread memserver space=mem  priority=150 threadno=0x42 version=1
// @heap memserver 0x10000000 0x10000
#define MEM_ALLOC 0
#define MEM_FREE 1
struct mem_request { L4_Word_t op; L4_Word_t size; L4_Word_t addr; };

L4_Word_t memory_alloc(L4_Word_t size) {
  struct mem_request req = { MEM_ALLOC, size, 0 };
  L4_Msg_t msg;
  L4_MsgPut(&msg, 0, 3, (L4_Word_t *)&req, 0, NULL);
  L4_MsgLoad(&msg);
  L4_MsgTag_t tag = L4_Call(memserver); //! The client calls and waits for the reply.
  if (L4_IpcFailed(tag)) return 0;
  L4_Word_t addr;
  L4_StoreMR(1, &addr);
  return addr;
}

void client(void) {
  L4_Word_t a = memory_alloc(64);
  L4_LoadMR(10, a);
}

void memserver(void) {
  L4_ThreadId_t from;
  L4_MsgTag_t tag = L4_Wait(&from);
  while (1) {
    struct mem_request req;
    L4_StoreMRs(1, 3, (L4_Word_t *)&req);
    L4_Word_t result = 0;
    if (req.op == MEM_ALLOC) result = heap_alloc(req.size);
    else heap_free(req.addr);
    L4_LoadMR(0, L4_MsgTagAddLabel(L4_Niltag, 0).raw | 1);
    L4_LoadMR(1, result);
    tag = L4_ReplyWait(from, &from);
  }
}
`;

describe('compileScenario', () => {
  it('compiles a scenario into spaces and threads with programs', () => {
    const r = compileScenario(CALL_REPLY);
    expect(r.diagnostics).toEqual([]);
    if (!r.ok) return;
    const s = r.scenario;
    expect([s.id, s.title, s.abi, s.teaches.slice(0, 20)]).toEqual([
      'call-reply',
      'Call and reply',
      'amd64',
      'A Call is a send and',
    ]);
    expect(s.spaces).toEqual([
      { name: 'apps', regions: [] },
      { name: 'mem', regions: [{ base: 0x100000n, sizeLog2: 20, rights: 7 }] },
    ]);
    expect(
      s.threads.map((t) => [t.name, t.space, t.priority, t.threadNo, t.version, t.globalId]),
    ).toEqual([
      ['client', 'apps', 100, 0x100n, 1n, 0x10000000001n],
      ['memserver', 'mem', 150, 0x42n, 1n, 0x4200000001n],
    ]);
    expect(s.threads.map((t) => t.codeRange)).toEqual([
      { startLine: 26, endLine: 29 },
      { startLine: 31, endLine: 44 },
    ]);
    expect(s.source).toBe(CALL_REPLY);
  });

  it('runs the client against a canned reply', () => {
    const r = compileScenario(CALL_REPLY);
    if (!r.ok) throw new Error('compile');
    const client = r.scenario.threads[0];
    if (client === undefined) throw new Error('client');
    const t = new FakeThread(client, 'amd64', (call, utcb) => {
      const mrs = utcb.mrs.slice();
      mrs[0] = 0x1n;
      mrs[1] = 0x10000000n;
      expect(call).toEqual({
        kind: 'ipc',
        to: 0x4200000001n,
        fromSpecifier: 0x4200000001n,
        timeouts: 0n,
        wrapper: 'L4_Call',
        local: false,
      });
      expect(utcb.mrs.slice(0, 4)).toEqual([0x3n, 0n, 0x40n, 0n]);
      return { result: ipcDone(0x1n, 0x4200000001n), utcb: { ...utcb, mrs } };
    });
    expect(t.run().kind).toBe('exit');
    expect(t.utcb.mrs[10]).toBe(0x10000000n);
    expect(t.effects('narrate')).toEqual([
      { kind: 'narrate', text: 'The client calls and waits for the reply.' },
    ]);
  });

  it('lets the ABI option override the header (thread ids follow the word size)', () => {
    const r = compileScenario(CALL_REPLY, { abi: 'ia32' });
    expect(r.ok && r.scenario.abi).toBe('ia32');
    expect(r.ok && r.scenario.threads.map((t) => t.globalId)).toEqual([0x400001n, 0x108001n]);
  });

  it('defaults to amd64 and numbers threads 0x100, 0x101, ... with version 1', () => {
    const r = compileScenario(
      '// @scenario s\n// @title S\n// @teaches x.\n// @space a\n// @thread x space=a\n// @thread y space=a\nvoid x(void) {}\nvoid y(void) {}',
    );
    expect(r.ok && r.scenario.abi).toBe('amd64');
    expect(r.ok && r.scenario.threads.map((t) => [t.threadNo, t.version, t.priority])).toEqual([
      [0x100n, 1n, 100],
      [0x101n, 1n, 100],
    ]);
  });

  it('rejects thread numbers and versions the ids cannot hold', () => {
    const head = '// @scenario s\n// @title S\n// @teaches x.\n// @space a\n';
    const msgs = (threads: string, abi?: 'ia32') =>
      compileScenario(
        `${head}${threads}void x(void) {}\nvoid y(void) {}`,
        abi === undefined ? undefined : { abi },
      ).diagnostics.map((d) => d.message);
    expect(msgs('// @thread x space=a version=64\n// @thread y space=a\n')).toContain(
      "version 64 of 'x' has its low 6 bits zero, so its id would look like a local id: use a version like 1",
    );
    expect(msgs('// @thread x space=a threadno=0x40000\n// @thread y space=a\n', 'ia32')).toContain(
      "threadno 0x40000 of 'x' does not fit the 18-bit thread number on ia32",
    );
    expect(msgs('// @thread x space=a threadno=5\n// @thread y space=a threadno=5\n')).toContain(
      "threads 'x' and 'y' have the same global id 0x500000001",
    );
  });

  it('checks the memory regions against the kernel’s pages and the word size', () => {
    const head =
      '// @scenario s\n// @title S\n// @teaches x.\n// @thread x space=a\nvoid x(void) {}\n';
    const msgs = (space: string, abi?: 'ia32') =>
      compileScenario(`${space}\n${head}`, abi === undefined ? undefined : { abi }).diagnostics.map(
        (d) => `${d.line}:${d.column}: ${d.message}`,
      );
    expect(msgs('// @space a 0x0/8')).toEqual([
      '1:13: region size 2^8 is out of range: log2size must be 12..64 (4 KiB pages up to the whole amd64 address space)',
    ]);
    expect(msgs('// @space a 0x100000000/32', 'ia32')).toEqual([
      '1:13: region 0x100000000/32 ends beyond the 32-bit address space',
    ]);
    expect(msgs('// @space a 0x100000/20 0x180000/16')).toEqual([
      "1:25: region 0x180000/16 overlaps region 1 of space 'a'",
    ]);
    expect(msgs('// @space a 0x100000/20 r 0x200000/12 rw-')).toEqual([]);
  });

  it('returns warnings with a successful compile', () => {
    const r = compileScenario('// @scenario s\n// @space a\n// @thread x space=a\nvoid x(void) {}');
    expect(r.ok).toBe(true);
    expect(r.diagnostics.map((d) => formatDiagnostic(d, 's.c'))).toEqual([
      "s.c:1:4: warning: no '// @title ...' header line: the scenario id is used as its title",
      "s.c:1:4: warning: no '// @teaches ...' header line: say in one sentence what the scenario teaches",
    ]);
  });

  it('formats diagnostics as file:line:column: message', () => {
    const r = compileScenario(
      '// @scenario s\n// @title T\n// @teaches x.\n// @space a\n// @thread x space=a\nvoid x(void) { L4_Cal(x); }',
    );
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => formatDiagnostic(d, 'lesson.c'))).toEqual([
      "lesson.c:6:16: unknown function 'L4_Cal' (did you mean 'L4_Call'?)",
    ]);
    expect(r.diagnostics.map((d) => formatDiagnostic(d))).toEqual([
      "6:16: unknown function 'L4_Cal' (did you mean 'L4_Call'?)",
    ]);
  });
});

describe('the documentation', () => {
  it('has an example scenario that compiles and runs', () => {
    const doc = readFileSync(new URL('../../docs/scenario-language.md', import.meta.url), 'utf8');
    const example = /```c\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    const r = compileScenario(example);
    expect(r.diagnostics).toEqual([]);
    if (!r.ok) return;
    const server = r.scenario.threads.find((t) => t.name === 'memserver');
    if (server === undefined) throw new Error('memserver');
    const t = new FakeThread(server, 'amd64', (call, utcb) => {
      const mrs = utcb.mrs.slice();
      mrs[2] = 0x40n;
      return {
        result: ipcDone(
          0x3n,
          call.kind === 'ipc' && call.fromSpecifier !== 0n ? 0x10000000001n : null,
        ),
        utcb: { ...utcb, mrs },
      };
    });
    for (let i = 0; i < 9; i++) t.step();
    expect(t.effects('cue')).toEqual([
      { kind: 'cue', name: 'request-read' },
      { kind: 'cue', name: 'request-read' },
    ]);
    expect(t.syscalls.map((c) => (c.kind === 'ipc' ? c.wrapper : c.kind))).toEqual([
      'L4_Wait',
      'L4_ReplyWait',
      'L4_ReplyWait',
    ]);
  });
});

describe('hostile input', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const r = compileScenario(text);
        expect(Array.isArray(r.diagnostics)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on a valid scenario with bits cut out or pasted in, and its threads step without throwing', () => {
    const pieces = [
      '{',
      '}',
      ';',
      '(',
      ')',
      '*',
      '&',
      '[',
      ']',
      '0',
      'L4_Call(',
      'while (1)',
      'return',
      '->',
      '.raw',
      '/ 0',
      'int',
      '//! n\n',
      '#define X\n',
    ];
    fc.assert(
      fc.property(
        fc.nat({ max: CALL_REPLY.length }),
        fc.nat({ max: 40 }),
        fc.constantFrom(...pieces),
        (at, cut, paste) => {
          const text =
            CALL_REPLY.slice(0, at) +
            paste +
            CALL_REPLY.slice(Math.min(CALL_REPLY.length, at + cut));
          const r = compileScenario(text);
          if (!r.ok) {
            expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
            return;
          }
          for (const def of r.scenario.threads) {
            const t = new FakeThread(def, r.scenario.abi);
            t.run(200);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
