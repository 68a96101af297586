import { describe, expect, it } from 'vitest';
import { compileScenario, lookupIn } from '../lang';
import { ABIS } from '../kernel/abi/word';
import { BUILTIN_SCENARIOS } from './builtins';
import { builtinTrace, eventsOfKind } from './testKit';

const lessons = BUILTIN_SCENARIOS.map((s) => [s.id, s] as const);

describe('each built-in reads as a lesson', () => {
  it.each(lessons)('%s: compiles on both ABIs without a warning', (_id, s) => {
    for (const abi of ABIS) {
      const result = compileScenario(s.source, { abi, files: lookupIn(s.files), path: s.path });
      expect(result.diagnostics).toEqual([]);
      expect(result.ok).toBe(true);
    }
  });

  it.each(lessons)('%s: says what it teaches in one sentence', (_id, s) => {
    expect(s.teaches.length).toBeGreaterThan(40);
    expect(s.teaches.endsWith('.')).toBe(true);
    expect(s.title.length).toBeGreaterThan(5);
  });

  it.each(lessons)(
    '%s: narrates its key lines and marks cues, and they show up in the run',
    (id, s) => {
      expect(s.source).toMatch(/\/\/! /);
      expect(s.source).toMatch(/\/\/@cue /);
      const trace = builtinTrace(id, s.abi);
      expect(eventsOfKind(trace, 'narrate').length).toBeGreaterThan(0);
      const cues = eventsOfKind(trace, 'cue').map((e) => e.name);
      expect(cues.length).toBeGreaterThan(0);
      // Every cue that is reached is named once per time it runs, with its line.
      for (const e of eventsOfKind(trace, 'cue')) expect(typeof e.line).toBe('number');
    },
  );

  it.each(lessons)('%s: stays small enough to read (under 200 lines)', (_id, s) => {
    expect(s.source.split('\n').length).toBeLessThan(200);
  });
});
