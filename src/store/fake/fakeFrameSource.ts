// A generated FrameSource for tests, early screenshots and the bench: one memory server and N−1
// clients that Call it in turn (alloc, then free). Every frame is computed in closed form from its
// index, so any step is reachable without replay and memory stays flat however long the run is.
// It is a stand-in with plausible L4 content, not the kernel model.
import { encodeMsgTag } from '../../kernel/abi/msgTag';
import { globalId } from '../../kernel/abi/threadId';
import { hex } from '../../kernel/abi/word';
import type { Word } from '../../kernel/abi/word';
import { acceptorView, diffWords, errorCodeView, registerView, tagView } from '../registerView';
import type {
  BlockChange,
  BlockedMark,
  FrameSource,
  FrameView,
  MessageView,
  ScenarioMeta,
  StateKind,
  StatechartView,
  StepSummary,
  ThreadMeta,
  ThreadView,
} from '../viewModel';

export interface FakeOptions {
  /** Threads in all, the server included (≥ 2). */
  readonly threads?: number;
  /** Frames in all (≥ 1). */
  readonly steps?: number;
}

const ABI = 'amd64';
const PHASES = 5;
const HEAP_BASE = 0x100000n;
const BLOCK = 0x1000n;
const SERVER = 'memserver';
const ZEROS: readonly Word[] = Array.from({ length: 64 }, () => 0n);

const SERVER_CODE = [
  'thread memserver (space mem, priority 120) {',
  '  L4_ThreadId_t client;',
  '  L4_MsgTag_t tag = L4_Wait(&client);',
  '  for (;;) {',
  '    L4_Word_t addr = serve(client);  // heap_alloc / heap_free',
  '    tag = L4_ReplyWait(client, &client);',
  '  }',
  '}',
];
const SERVER_LINE = { wait: 3, work: 5, reply: 6 };
const CLIENT_LINE = { op: 3, args: 4, call: 5 };

function clientCode(name: string): string[] {
  return [
    `thread ${name} (space ${name}, priority 100) {`,
    '  for (int i = 0;; i++) {',
    '    L4_LoadMR(1, i % 2 ? MEM_FREE : MEM_ALLOC);',
    '    L4_LoadMR(0, 3); L4_LoadMR(2, 0x1000);',
    '    tag = L4_Call(memserver);',
    '  }',
    '}',
  ];
}

export const FAKE_STATECHART: StatechartView = {
  states: [
    { id: 'ready', label: 'ready', parent: null },
    { id: 'running', label: 'running', parent: null },
    { id: 'sending', label: 'blocked sending', parent: null },
    { id: 'receiving', label: 'blocked receiving', parent: null },
    { id: 'halted', label: 'halted', parent: null },
  ],
  transitions: [
    { from: 'ready', to: 'running', event: 'dispatch' },
    { from: 'running', to: 'ready', event: 'preempt' },
    { from: 'running', to: 'sending', event: 'send (partner not waiting)' },
    { from: 'running', to: 'receiving', event: 'receive (no sender)' },
    { from: 'sending', to: 'ready', event: 'transfer' },
    { from: 'receiving', to: 'ready', event: 'transfer' },
    { from: 'running', to: 'halted', event: 'exit / fault' },
  ],
};

interface Round {
  readonly client: number;
  /** How many rounds this client had before this one: even = alloc, odd = free. */
  readonly nth: number;
}

export function fakeFrameSource(options: FakeOptions = {}): FrameSource {
  const threadCount = Math.max(2, Math.floor(options.threads ?? 3));
  const clients = threadCount - 1;
  const length = Math.max(1, Math.floor(options.steps ?? 1 + PHASES * clients * 2));
  const names = [SERVER, ...Array.from({ length: clients }, (_, c) => `client${c + 1}`)];
  const ids = names.map((_, i) => hex(globalId(BigInt(0x40 + i), 1n, ABI)));

  const codes = [SERVER_CODE, ...names.slice(1).map(clientCode)];
  const threadsMeta: ThreadMeta[] = [];
  let line = 3;
  for (const [i, name] of names.entries()) {
    const lines = codes[i] ?? [];
    threadsMeta.push({ name, firstLine: line, lines });
    line += lines.length + 1;
  }
  const header = ['// scenario __fake: a memory server and its clients (generated)', ''];
  const sourceText = [...header, ...codes.flatMap((c) => [...c, ''])].join('\n');
  const lineOf = (thread: number, local: number): number =>
    (threadsMeta[thread]?.firstLine ?? 1) + local - 1;

  const meta: ScenarioMeta = {
    id: '__fake',
    title: `Generated: ${SERVER} and ${clients} client${clients === 1 ? '' : 's'}`,
    teaches: 'A stand-in run for building the visualizer before the kernel model lands.',
    abi: ABI,
    threads: threadsMeta,
  };

  const roundOf = (r: number): Round => ({
    client: 1 + (r % clients),
    nth: Math.floor(r / clients),
  });
  const addrOf = (client: number): bigint => HEAP_BASE + BigInt(client - 1) * 2n * BLOCK;
  /** Completed steps at frame i: i. Step s belongs to round ⌊s/5⌋, phase s mod 5. */
  const position = (steps: number) => ({
    round: Math.floor(steps / PHASES),
    phase: steps % PHASES,
  });

  /** The request a client sends in its nth round, and the reply it gets. */
  const request = (client: number, nth: number): Word[] => {
    const alloc = nth % 2 === 0;
    return [
      encodeMsgTag({ label: 0n, u: 3, t: 0, flags: 0 }, ABI),
      alloc ? 0n : 1n,
      BLOCK,
      alloc ? 0n : addrOf(client),
    ];
  };
  const reply = (client: number, nth: number): Word[] => [
    encodeMsgTag({ label: 0n, u: 1, t: 0, flags: 0 }, ABI),
    nth % 2 === 0 ? addrOf(client) : 0n,
  ];
  const withWords = (base: readonly Word[], words: readonly Word[]): Word[] => {
    const out = [...base];
    words.forEach((w, i) => (out[i] = w));
    return out;
  };

  /** The latest round of `client` that started before `steps` completed steps, if any. */
  const lastRound = (client: number, steps: number): { round: number; nth: number } | null => {
    const { round } = position(Math.max(0, steps - 1));
    if (steps === 0) return null;
    const back = (round - (client - 1) + clients * 1e9) % clients;
    const r = round - back;
    return r < 0 ? null : { round: r, nth: roundOf(r).nth };
  };

  const clientMrs = (client: number, steps: number): Word[] => {
    const last = lastRound(client, steps);
    if (last === null) return [...ZEROS];
    const done = Math.min(PHASES, steps - last.round * PHASES);
    const before =
      last.nth === 0
        ? [...ZEROS]
        : withWords(withWords(ZEROS, request(client, last.nth - 1)), reply(client, last.nth - 1));
    const req = request(client, last.nth);
    let mrs = before;
    if (done >= 1) mrs = withWords(mrs, [mrs[0] ?? 0n, req[1] ?? 0n]);
    if (done >= 2) mrs = withWords(mrs, req);
    if (done >= 5) mrs = withWords(mrs, reply(client, last.nth));
    return mrs;
  };

  const serverMrs = (steps: number): Word[] => {
    if (steps < 3) return [...ZEROS];
    const { round, phase } = position(steps - 1);
    const r = phase >= 2 ? round : round - 1;
    const { client, nth } = roundOf(r);
    const received = withWords(ZEROS, request(client, nth));
    const p = phase >= 2 ? phase : PHASES - 1;
    return p >= 3 ? withWords(received, reply(client, nth)) : received;
  };

  const heldBlocks = (steps: number): number[] =>
    names.slice(1).flatMap((_, k) => {
      const client = k + 1;
      const last = lastRound(client, steps);
      if (last === null) return [];
      const workDone = steps - last.round * PHASES >= 4;
      const nth = workDone ? last.nth : last.nth - 1;
      return nth >= 0 && nth % 2 === 0 ? [client] : [];
    });

  const messagesAt = (steps: number): MessageView[] => {
    if (steps === 0) return [];
    const { round, phase } = position(steps - 1);
    const { client, nth } = roundOf(round);
    const name = names[client] ?? '';
    if (phase === 2)
      return [
        message(
          steps,
          name,
          SERVER,
          request(client, nth)[0] ?? 0n,
          nth % 2 ? 'MEM_FREE' : 'MEM_ALLOC',
        ),
      ];
    if (phase === 4) return [message(steps, SERVER, name, reply(client, nth)[0] ?? 0n, 'reply')];
    return [];
  };
  const message = (
    step: number,
    from: string,
    to: string,
    raw: Word,
    label: string,
  ): MessageView => ({
    step,
    from,
    to,
    tag: tagView(raw, ABI),
    label,
    failed: false,
    queued: false,
    error: null,
  });

  /** State of thread t after `steps` steps: [kind, state id, label, current local line]. */
  const stateOf = (t: number, steps: number): [StateKind, string, string, number] => {
    if (steps === 0) {
      return t === 0
        ? ['receiving', 'receiving', 'waiting for a message from any thread', SERVER_LINE.wait]
        : t === 1
          ? ['running', 'running', 'running', CLIENT_LINE.op]
          : ['ready', 'ready', 'ready to run', CLIENT_LINE.op];
    }
    const { round, phase } = position(steps - 1);
    const { client } = roundOf(round);
    const nextClient = roundOf(round + 1).client;
    if (t === 0) {
      if (phase === 2 || phase === 3)
        return [
          'running',
          'running',
          'running',
          phase === 2 ? SERVER_LINE.work : SERVER_LINE.reply,
        ];
      return [
        'receiving',
        'receiving',
        'waiting for a message from any thread',
        phase === 4 ? SERVER_LINE.reply : SERVER_LINE.wait,
      ];
    }
    if (t === client && phase >= 2 && phase <= 3) {
      return ['receiving', 'receiving', `waiting for the reply from ${SERVER}`, CLIENT_LINE.call];
    }
    const running = phase === 4 ? t === nextClient : t === client && phase < 2;
    const local =
      t === client && phase < 2
        ? phase === 0
          ? CLIENT_LINE.args
          : CLIENT_LINE.call
        : CLIENT_LINE.op;
    return running
      ? ['running', 'running', 'running', local]
      : ['ready', 'ready', 'ready to run', local];
  };

  const narrationAt = (steps: number): string => {
    if (steps === 0) return `${SERVER} waits for a request; ${names[1] ?? ''} is about to run.`;
    const { round, phase } = position(steps - 1);
    const { client, nth } = roundOf(round);
    const c = names[client] ?? '';
    const op = nth % 2 ? 'MEM_FREE' : 'MEM_ALLOC';
    switch (phase) {
      case 0:
        return `${c} puts ${op} in MR1.`;
      case 1:
        return `${c} sets MR0 to a tag with label 0 and u = 3, and puts the size 0x1000 in MR2.`;
      case 2:
        return `${c} calls ${SERVER}: ${SERVER} was waiting in an open receive, so the kernel copies MR0..MR3 and switches directly to ${SERVER}; ${c} now waits for the reply.`;
      case 3:
        return nth % 2
          ? `${SERVER} frees ${c}'s block at ${hex(addrOf(client))} and puts 0 in MR1.`
          : `${SERVER} allocates 0x1000 bytes at ${hex(addrOf(client))} for ${c} and puts the address in MR1.`;
      default:
        return `${SERVER} replies to ${c} and waits for the next request: the kernel copies MR0..MR1 to ${c}, which is ready again.`;
    }
  };

  const rawThreads = (steps: number) =>
    names.map((_, t) => ({
      mrs: t === 0 ? serverMrs(steps) : clientMrs(t, steps),
      state: stateOf(t, steps),
    }));

  const frame = (index: number): FrameView => {
    const i = Math.min(Math.max(0, Math.floor(index)), length - 1);
    const now = rawThreads(i);
    const before = i > 0 ? rawThreads(i - 1) : now;
    const threads: ThreadView[] = names.map((name, t) => {
      const { mrs, state } = now[t] ?? { mrs: ZEROS, state: stateOf(t, i) };
      const prev = before[t]?.mrs ?? mrs;
      return {
        name,
        idHex: ids[t] ?? '0x0',
        priority: t === 0 ? 120 : 100,
        space: t === 0 ? 'mem' : name,
        state: state[1],
        stateLabel: state[2],
        stateKind: state[0],
        currentLine: lineOf(t, state[3]),
        sendQueue: [],
        halted: null,
        registers: registerView({
          mrs,
          abi: ABI,
          changed: diffWords(prev, mrs),
          errorCode: errorCodeView(0n, ABI),
          br0: acceptorView(0n, ABI),
          ...(t === 0 ? { fieldNames: ['op', 'size', 'addr'] } : {}),
        }),
      };
    });
    const messages = messagesAt(i);
    const held = heldBlocks(i);
    const changedThreads = threads
      .filter((t, k) => before[k]?.state[1] !== now[k]?.state[1] || i === 0)
      .map((t) => t.name);
    return {
      index: i,
      clock: BigInt(i) * 2n,
      running: threads.find((t) => t.stateKind === 'running')?.name ?? null,
      threads,
      narration: narrationAt(i),
      note: null,
      changes: { threads: i === 0 ? [] : changedThreads, transfer: messages.at(-1) ?? null },
      heap: {
        server: SERVER,
        base: HEAP_BASE,
        size: BigInt(clients) * 2n * BLOCK,
        blocks: held.map((c) => ({ start: addrOf(c), size: BLOCK, owner: names[c] ?? null })),
      },
      runQueue: null,
      spaces: names.map((name, t) => ({
        name: t === 0 ? 'mem' : name,
        threads: [name],
        mappings: [],
      })),
      outcome: i === length - 1 && length > 1 ? { kind: 'max-steps' } : { kind: 'running' },
    };
  };

  const blockedKind = (t: number, i: number): BlockedMark['kind'] | null => {
    const [kind] = stateOf(t, i);
    return kind === 'sending' || kind === 'receiving' ? kind : null;
  };
  const blocked = (index: number): BlockedMark[] => {
    const i = Math.min(Math.max(0, Math.floor(index)), length - 1);
    return names.flatMap((thread, t) => {
      const kind = blockedKind(t, i);
      return kind ? [{ thread, kind }] : [];
    });
  };
  const summary = (index: number): StepSummary => {
    const i = Math.min(Math.max(0, Math.floor(index)), length - 1);
    const phase = i === 0 ? -1 : (i - 1) % PHASES;
    const blockedChanges: BlockChange[] =
      i === 0
        ? blocked(0)
        : names.flatMap((thread, t) => {
            const kind = blockedKind(t, i);
            return kind === blockedKind(t, i - 1) ? [] : [{ thread, kind }];
          });
    return { kernelEvent: phase === 2 || phase === 4, messages: messagesAt(i), blockedChanges };
  };

  return { meta, sourceText, length, frame, summary, blocked, statechart: FAKE_STATECHART };
}
