/**
 * The four tables each side of a Cap'n Proto RPC connection keeps (rpc.capnp, "The four tables"):
 * questions (calls it made and has not finished), answers (calls it received), imports
 * (capabilities the peer exported to it), exports (capabilities it gave the peer). Question and
 * answer ids are chosen by the caller, import and export ids by the exporter. A question lives
 * until its Return arrived and its Finish was sent; an answer until it was returned and finished.
 */
import type { RpcRead } from './read';
import { KV_METHOD } from './build';

export interface RpcEvent {
  readonly from: string;
  readonly to: string;
  readonly rpc: RpcRead;
}

export interface TableRow {
  readonly id: number;
  readonly what: string;
  readonly state: string;
}

export interface SideTables {
  readonly side: string;
  readonly questions: readonly TableRow[];
  readonly answers: readonly TableRow[];
  readonly imports: readonly TableRow[];
  readonly exports: readonly TableRow[];
}

const METHOD_NAMES = Object.fromEntries(Object.entries(KV_METHOD).map(([k, v]) => [v, k]));

interface Entry {
  what: string;
  returned: boolean;
  finished: boolean;
  method: number | 'bootstrap';
}

interface Side {
  questions: Map<number, Entry>;
  answers: Map<number, Entry>;
  imports: Map<number, string>;
  exports: Map<number, string>;
}

const newSide = (): Side => ({
  questions: new Map(),
  answers: new Map(),
  imports: new Map(),
  exports: new Map(),
});

function callText(r: Extract<RpcRead, { kind: 'call' }>): string {
  const target =
    r.target.kind === 'import'
      ? `import ${r.target.id}`
      : `promisedAnswer(question ${r.target.question})`;
  return `${METHOD_NAMES[r.methodId] ?? `method ${r.methodId}`} on ${target}`;
}

/** Replays the messages in order; `questionMethods` says which method each question called. */
export function rpcTables(events: readonly RpcEvent[]): {
  readonly sides: readonly SideTables[];
  readonly questionMethods: ReadonlyMap<number, number | 'bootstrap'>;
} {
  const sides = new Map<string, Side>();
  const side = (name: string): Side => {
    let s = sides.get(name);
    if (s === undefined) sides.set(name, (s = newSide()));
    return s;
  };
  const methods = new Map<number, number | 'bootstrap'>();
  for (const { from, to, rpc } of events) {
    const me = side(from);
    const peer = side(to);
    if (rpc.kind === 'bootstrap' || rpc.kind === 'call') {
      const method = rpc.kind === 'bootstrap' ? 'bootstrap' : rpc.methodId;
      const what = rpc.kind === 'bootstrap' ? 'Bootstrap' : callText(rpc);
      methods.set(rpc.question, method);
      me.questions.set(rpc.question, { what, returned: false, finished: false, method });
      peer.answers.set(rpc.question, { what, returned: false, finished: false, method });
    } else if (rpc.kind === 'return' || rpc.kind === 'exception') {
      const a = me.answers.get(rpc.answer);
      const q = peer.questions.get(rpc.answer);
      if (a !== undefined) a.returned = true;
      if (q !== undefined) q.returned = true;
      const suffix = rpc.kind === 'exception' ? ` → exception "${rpc.reason}"` : '';
      if (a !== undefined) a.what += suffix;
      if (q !== undefined) q.what += suffix;
      if (rpc.kind === 'return')
        for (const id of rpc.caps)
          if (id >= 0) {
            me.exports.set(id, `exported in answer ${rpc.answer}`);
            peer.imports.set(id, `from answer ${rpc.answer}`);
          }
    } else if (rpc.kind === 'finish') {
      const q = me.questions.get(rpc.question);
      const a = peer.answers.get(rpc.question);
      if (q !== undefined) q.finished = true;
      if (a !== undefined) a.finished = true;
    }
    for (const s of [me, peer])
      for (const table of [s.questions, s.answers])
        for (const [id, e] of table) if (e.returned && e.finished) table.delete(id);
  }
  const rows = (m: Map<number, Entry>, waiting: string): TableRow[] =>
    [...m].map(([id, e]) => ({
      id,
      what: e.what,
      state: e.returned ? 'returned, waiting for Finish' : waiting,
    }));
  const caps = (m: Map<number, string>): TableRow[] =>
    [...m].map(([id, what]) => ({ id, what, state: 'held' }));
  return {
    sides: [...sides].map(([name, s]) => ({
      side: name,
      questions: rows(s.questions, 'waiting for Return'),
      answers: rows(s.answers, 'being answered'),
      imports: caps(s.imports),
      exports: caps(s.exports),
    })),
    questionMethods: methods,
  };
}
