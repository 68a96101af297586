import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ABIS } from '../kernel/abi/word';
import { BUILTIN_SCENARIOS } from './builtins';
import { formatTraceJson, runBuiltin, traceJson } from './index';
import type { BuiltinScenario } from './index';

// Regenerate with `npx tsx scripts/updateGolden.ts` and review the diff.
const golden = (id: string, abi: string): string =>
  readFileSync(new URL(`./__golden__/${id}.${abi}.json`, import.meta.url), 'utf8');

function traceText(lesson: BuiltinScenario, abi: (typeof ABIS)[number]): string {
  const run = runBuiltin(lesson, { abi });
  if (!run.ok) throw new Error(run.diagnostics.map((d) => d.message).join('; '));
  return formatTraceJson(traceJson(run));
}

describe('golden traces: every built-in on both ABIs gives exactly its checked-in trace', () => {
  const cases = BUILTIN_SCENARIOS.flatMap((s) => ABIS.map((abi) => [s.id, abi, s] as const));
  it.each(cases)('%s on %s', (id, abi, lesson) => {
    expect(traceText(lesson, abi)).toBe(golden(id, abi));
  });

  it('each golden file is the JSON the CLI prints, one event per line', () => {
    const text = golden('call-reply', 'amd64');
    const parsed = JSON.parse(text) as { events: unknown[] };
    const eventLines = text.split('\n').filter((l) => l.startsWith('    {"step":'));
    expect(eventLines).toHaveLength(parsed.events.length);
  });

  it('where the words differ between ABIs, so do the goldens (thread ids are 64- or 32-bit)', () => {
    const amd64 = JSON.parse(golden('stale-thread-id', 'amd64')) as {
      threads: Record<string, { id: string }>;
    };
    const ia32 = JSON.parse(golden('stale-thread-id', 'ia32')) as typeof amd64;
    // server: thread number 0x42, version 2 (L4_GlobalId: no << 32 | ver, or no << 14 | ver).
    expect(amd64.threads.server?.id).toBe('0x4200000002');
    expect(ia32.threads.server?.id).toBe('0x108002');
  });
});
