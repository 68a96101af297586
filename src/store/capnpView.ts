// The Cap'n Proto panel's data: the message the selected thread holds (in its MRs, or in the
// buffer its MRs point to), the RPC tables replayed from every Cap'n Proto message up to the
// cursor, and the cost of each message. Decoding is the language layer's (src/lang/capnp/).
import { rcvWindow } from '../kernel/abi/acceptor';
import { fpageAddress } from '../kernel/abi/fpage';
import type { Abi, Word } from '../kernel/abi/word';
import { capnpFromRegisters, messageCost, rpcTables } from '../lang';
import type { CapnpMessageView, MessageCost, RpcEvent, SideTables } from '../lang';
import type { SimState } from './createSimStore';
import type { FrameSource, FrameView, SpaceView } from './viewModel';

export interface CapnpHistoryItem {
  readonly step: number;
  readonly from: string;
  readonly to: string;
  readonly message: CapnpMessageView;
  readonly cost: MessageCost;
}

export interface CapnpPanelView {
  /** Whose words are decoded. */
  readonly thread: string | null;
  readonly message: CapnpMessageView | null;
  readonly cost: MessageCost | null;
  readonly sides: readonly SideTables[];
  readonly history: readonly CapnpHistoryItem[];
  readonly abi: Abi;
}

function reader(space: SpaceView | undefined, abi: Abi) {
  const size = abi === 'amd64' ? 8n : 4n;
  return (addr: Word, n: number): Word[] | null => {
    if (space === undefined || n > 4096) return null;
    const out: Word[] = [];
    for (let i = 0; i < n; i++) {
      const a = addr + BigInt(i) * size;
      const page = space.memory.find((p) => p.address <= a && a < p.address + 4096n);
      out.push(page?.words[Number((a - (page?.address ?? 0n)) / size)] ?? 0n);
    }
    return out;
  };
}

/** The buffer's base in `space`: the receive window if the page landed there, else the fpage's own address. */
function bufferBase(space: SpaceView | undefined, br0: Word, abi: Abi) {
  return (mapFpage: Word): Word => {
    const window = fpageAddress(rcvWindow(br0), abi);
    const landed = space?.memory.some((p) => p.address === window) ?? false;
    return landed && window !== 0n ? window : fpageAddress(mapFpage, abi);
  };
}

const EMPTY: readonly never[] = [];

function compute(
  source: FrameSource | null,
  frame: FrameView | null,
  cursor: number,
  selection: string | null,
): CapnpPanelView | null {
  if (source === null || frame === null) return null;
  const abi = source.meta.abi;
  const spaceOf = (thread: string) => {
    const t = frame.threads.find((x) => x.name === thread);
    return { t, space: frame.spaces.find((s) => s.name === t?.space) };
  };
  const events: RpcEvent[] = [];
  const history: CapnpHistoryItem[] = [];
  let methods = new Map<number, number | 'bootstrap'>() as ReadonlyMap<
    number,
    number | 'bootstrap'
  >;
  for (let i = 0; i <= cursor && i < source.length; i++) {
    for (const m of source.summary(i).messages) {
      if (m.queued || m.failed || m.words === undefined) continue;
      const { t, space } = spaceOf(m.to);
      const mrs = [m.tag.raw, ...m.words];
      const msg = capnpFromRegisters(
        mrs,
        abi,
        reader(space, abi),
        bufferBase(space, t?.registers.br0.raw ?? 0n, abi),
        methods,
      );
      if (msg === null) continue;
      events.push({ from: m.from, to: m.to, rpc: msg.rpc });
      methods = rpcTables(events).questionMethods;
      history.push({
        step: m.step,
        from: m.from,
        to: m.to,
        message: msg,
        cost: messageCost(msg, abi),
      });
    }
  }
  const name = selection ?? frame.changes.transfer?.to ?? frame.running ?? null;
  const { t, space } = name === null ? { t: undefined, space: undefined } : spaceOf(name);
  const message =
    t === undefined
      ? null
      : capnpFromRegisters(
          t.registers.mrs,
          abi,
          reader(space, abi),
          bufferBase(space, t.registers.br0.raw, abi),
          methods,
        );
  return {
    thread: t?.name ?? null,
    message,
    cost: message === null ? null : messageCost(message, abi),
    sides: events.length === 0 ? EMPTY : rpcTables(events).sides,
    history,
    abi,
  };
}

interface Memo {
  readonly source: SimState['source'];
  readonly cursor: number;
  readonly selection: SimState['selection'];
  readonly value: CapnpPanelView | null;
}

/** Per frame (each frame belongs to one store): two stores side by side never evict each other. */
const memo = new WeakMap<object, Memo>();
const NO_FRAME = {};

/** Memoised on the source, the frame, the cursor and the selection, per store. */
export const selectCapnp = (s: SimState): CapnpPanelView | null => {
  const key = s.frame ?? s.source ?? NO_FRAME;
  const hit = memo.get(key);
  if (hit && hit.source === s.source && hit.cursor === s.cursor && hit.selection === s.selection)
    return hit.value;
  const value = compute(s.source, s.frame, s.cursor, s.selection);
  memo.set(key, { source: s.source, cursor: s.cursor, selection: s.selection, value });
  return value;
};
