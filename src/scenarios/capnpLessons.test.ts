/** The Cap'n Proto lessons: the words that travel are capnp-es messages, in MRs or in the mapped buffer. */
import { describe, expect, it } from 'vitest';
import { ABIS } from '../kernel/abi/word';
import { readWords } from '../kernel';
import type { KernelEffect } from '../kernel';
import { findScenario } from './builtins';
import { runBuiltin } from './runner';

const lesson = (id: string) => {
  const s = findScenario(id);
  if (s === undefined) throw new Error(`no lesson ${id}`);
  return s;
};

function transfers(id: string, abi: (typeof ABIS)[number]) {
  const run = runBuiltin(lesson(id), { abi });
  if (!run.ok) throw new Error(`${id} does not compile`);
  const effects: KernelEffect[] = [];
  for (let i = 1; i < run.trace.length; i++) effects.push(...run.trace.frameAt(i).effects);
  return { run, effects };
}

describe.each(ABIS)('Cap’n Proto lessons on %s', (abi) => {
  it('capnp-call: every message fits in MR1..MRu, u = the framed size', () => {
    const { effects } = transfers('capnp-call', abi);
    const sent = effects.filter((e) => e.kind === 'ipc.transfer');
    // Bootstrap, Return, Finish, put, Return, Finish, get, Return, Finish.
    expect(sent).toHaveLength(9);
    const perWord = abi === 'amd64' ? 1 : 2;
    const first = sent[0];
    if (first?.kind === 'ipc.transfer') expect(first.words).toHaveLength(6 * perWord);
  });

  it('capnp-large: the Call goes in the buffer; the server reads the same words from its window', () => {
    const { run, effects } = transfers('capnp-large', abi);
    const map = effects.find((e) => e.kind === 'map');
    expect(map).toBeDefined();
    const world = run.trace.frameAt(run.trace.length - 1).world;
    const client = world.spaces.find((s) => s.name === 'apps');
    const server = world.spaces.find((s) => s.name === 'kv');
    const sent = effects.find(
      (e) => e.kind === 'ipc.transfer' && e.words.length === 4 && e.from === 'client',
    );
    if (sent?.kind !== 'ipc.transfer' || client === undefined || server === undefined)
      throw new Error('no buffer message');
    const n = Number(sent.words[1]);
    expect(n).toBeGreaterThan(63);
    expect(readWords(server.memory, 0x800000n, n, abi)).toEqual(
      readWords(client.memory, 0x200000n, n, abi),
    );
  });

  it('capnp-pipelined: three messages go out before the first Return comes back', () => {
    const { effects } = transfers('capnp-pipelined', abi);
    const order = effects
      .filter((e) => e.kind === 'ipc.transfer')
      .map((e) => (e.kind === 'ipc.transfer' ? e.from : ''));
    expect(order.slice(0, 4)).toEqual(['client', 'client', 'client', 'kvstore_capnp']);
  });
});
