// 4,000 threads (docs/reliability.md, "Bounded resources"): the compiler, the header checks and
// boot are near-linear in the number of threads, so such a file compiles, boots and runs to its
// end (within vitest's timeout; how fast is for the bench, not a test).
import { describe, expect, it } from 'vitest';
import { runScenario } from './runner';

function threads(count: number): string {
  const lines = ['// @scenario many', '// @title Many threads', '// @space a'];
  for (let i = 0; i < count; i++) lines.push(`// @thread t${i} space=a`);
  for (let i = 0; i < count; i++) lines.push(`void t${i}(void) { L4_Yield(); }`);
  return `${lines.join('\n')}\n`;
}

describe('4,000 threads', () => {
  it('compile, boot and each run to its end', () => {
    const run = runScenario(threads(4000), { maxSteps: 20_000 });
    expect(run.ok ? [] : run.diagnostics.slice(0, 3)).toEqual([]);
    if (!run.ok) return;
    expect(run.trace.frameAt(0).world.threads).toHaveLength(4000);
    expect(run.outcome).toBe('finished');
    const last = run.trace.frameAt(run.trace.length - 1).world;
    expect(last.threads.filter((t) => t.halt?.kind === 'exit')).toHaveLength(4000);
  });
});
