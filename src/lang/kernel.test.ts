/** Scenario programs running on the real kernel model (src/kernel): the port works end to end. */
import { describe, expect, it } from 'vitest';
import { boot, step } from '../kernel';
import type { BootSpec, Programs, World } from '../kernel';
import type { Abi } from '../kernel/abi/word';
import { threadNamed } from '../kernel/testKit';
import { compileScenario } from './scenario';
import type { ScenarioDef } from './scenario';
import { heapView, runQueueView } from './serverViews';
import type { LangState } from './vm/state';

function bootScenario(
  text: string,
  abi?: Abi,
): { s: ScenarioDef; programs: Programs; world: World } {
  const r = compileScenario(text, abi === undefined ? undefined : { abi });
  if (!r.ok)
    throw new Error(r.diagnostics.map((d) => `${d.line}:${d.column}: ${d.message}`).join('\n'));
  const s = r.scenario;
  const spec: BootSpec = {
    abi: s.abi,
    spaces: s.spaces.map((sp) => ({ name: sp.name, mappings: sp.regions })),
    threads: s.threads.map((t) => ({
      name: t.name,
      space: t.space,
      priority: t.priority,
      threadNo: t.threadNo,
      version: t.version,
    })),
  };
  const programs: Programs = Object.fromEntries(s.threads.map((t) => [t.name, t.program]));
  return { s, programs, world: boot(spec, programs) };
}

function run(world: World, programs: Programs, max = 2000): World {
  let w = world;
  for (let i = 0; i < max && w.outcome === null; i++) w = step(w, programs).world;
  return w;
}

const MEMORY = `// @scenario memory
// @title Memory alloc and free
// @teaches The memory server hands out heap blocks by request.
// @space apps
// @space mem
// @thread client space=apps priority=100
// @thread memserver space=mem priority=150
// @heap memserver 0x10000000 0x10000
#define MEM_ALLOC 0
#define MEM_FREE 1
struct mem_request { L4_Word_t op; L4_Word_t size; L4_Word_t addr; };

L4_Word_t request(L4_Word_t op, L4_Word_t size, L4_Word_t addr) {
  struct mem_request req = { op, size, addr };
  L4_Msg_t msg;
  L4_MsgPut(&msg, 0, 3, (L4_Word_t *)&req, 0, NULL);
  L4_MsgLoad(&msg);
  L4_MsgTag_t tag = L4_Call(memserver);
  if (L4_IpcFailed(tag)) return 0;
  L4_Word_t result;
  L4_StoreMR(1, &result);
  return result;
}

void client(void) {
  L4_Word_t a = request(MEM_ALLOC, 100, 0);
  L4_Word_t b = request(MEM_ALLOC, 0x20, 0);
  request(MEM_FREE, 0, a);
  L4_LoadMR(10, a);
  L4_LoadMR(11, b);
}

void memserver(void) {
  L4_ThreadId_t from;
  L4_MsgTag_t tag = L4_Wait(&from);
  for (;;) {
    struct mem_request req;
    L4_StoreMRs(1, 3, (L4_Word_t *)&req);
    L4_Word_t result = 0;
    switch (req.op) {
      case MEM_ALLOC: result = heap_alloc(req.size); break;
      case MEM_FREE: heap_free(req.addr); break;
    }
    L4_Msg_t reply;
    L4_MsgClear(&reply);
    L4_MsgAppendWord(&reply, result);
    L4_MsgLoad(&reply);
    tag = L4_ReplyWait(from, &from);
  }
}
`;

describe('scenarios on the kernel', () => {
  it.each(['amd64', 'ia32'] as const)(
    'the memory server allocates and frees for its client (%s)',
    (abi) => {
      const { programs, world } = bootScenario(MEMORY, abi);
      const end = run(world, programs);
      const client = threadNamed(end, 'client');
      expect(client.halt).toEqual({ kind: 'exit' });
      expect(client.utcb.mrs.slice(10, 12)).toEqual([0x10000000n, 0x10000070n]);
      const heap = heapView(threadNamed(end, 'memserver').program as LangState);
      expect(heap?.blocks).toEqual([
        { base: 0x10000000n, size: 0x70n, owner: null, free: true },
        { base: 0x10000070n, size: 0x20n, owner: client.id, free: false },
        { base: 0x10000090n, size: 0xff70n, owner: null, free: true },
      ]);
    },
  );

  it('the scheduler as written only ThreadSwitches, so its clients never wake', () => {
    const text = `// @scenario sched-as-written
// @title The scheduler as written
// @teaches ThreadSwitch never ends an IPC.
// @space apps
// @thread a space=apps priority=100
// @thread sched space=apps priority=150
void a(void) {
  L4_LoadMR(0, 0x12340000);
  L4_Call(sched);
  L4_LoadMR(9, 1);
}
void sched(void) {
  L4_ThreadId_t from;
  for (;;) {
    L4_MsgTag_t tag = L4_Wait(&from);
    if (L4_Label(tag) != 0x1234) continue;
    rq_push(from);
    L4_ThreadSwitch(rq_pop());
  }
}
`;
    const { programs, world } = bootScenario(text);
    const end = run(world, programs);
    expect(end.outcome?.kind).toBe('deadlock');
    expect(threadNamed(end, 'a').utcb.mrs[9]).toBe(0n);
    expect(runQueueView(threadNamed(end, 'sched').program as LangState)).toEqual([]);
  });

  it('a thread that faults halts with the reason; the others run on', () => {
    const text = `// @scenario fault
// @title Fault
// @teaches A fault halts one thread.
// @space apps
// @thread bad space=apps priority=100
// @thread good space=apps priority=100
void bad(void) { int z = 0; L4_LoadMR(1, 1 / z); }
void good(void) { L4_Yield(); L4_LoadMR(1, 7); }
`;
    const { programs, world } = bootScenario(text);
    const end = run(world, programs);
    expect(threadNamed(end, 'bad').halt).toEqual({
      kind: 'fault',
      reason: 'division by zero',
      loc: { line: 7, column: 44 },
    });
    expect(threadNamed(end, 'good').halt).toEqual({ kind: 'exit' });
    expect(threadNamed(end, 'good').utcb.mrs[1]).toBe(7n);
  });
});
