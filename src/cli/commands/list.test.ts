import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIOS } from '../../scenarios/builtins';
import { runCli } from '../runCli';

describe('cli list', () => {
  it('prints every built-in with its id, title, ABI, lesson and outcome, as one JSON line', () => {
    const result = runCli(['list']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
    const { scenarios } = JSON.parse(result.stdout) as { scenarios: Record<string, string>[] };
    expect(scenarios.map((s) => s.id)).toEqual(BUILTIN_SCENARIOS.map((s) => s.id));
    expect(scenarios[0]).toEqual({
      id: 'rendezvous-receiver-first',
      title: 'Rendezvous: the receiver comes first',
      abi: 'amd64',
      teaches: BUILTIN_SCENARIOS[0]?.teaches,
      outcome: 'finished',
    });
    expect(scenarios.find((s) => s.id === 'scheduler-as-written')?.outcome).toBe('deadlock');
  });

  it('takes no arguments', () => {
    expect(runCli(['list', 'x'])).toEqual({
      stdout: '',
      stderr: "list takes no arguments, got 'x'\n",
      code: 2,
    });
  });
});
