/** Helpers for the scenario tests: a built-in's run and its trace JSON, per ABI (cached). */
import type { Abi } from '../kernel/abi/word';
import { findScenario } from './builtins';
import { runBuiltin } from './runner';
import type { ScenarioRun } from './runner';
import { traceJson } from './traceJson';
import type { TraceEvent, TraceJson } from './traceJson';

const cache = new Map<string, { run: ScenarioRun; json: TraceJson }>();

export function builtinRun(id: string, abi: Abi): { run: ScenarioRun; json: TraceJson } {
  const key = `${id}.${abi}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const scenario = findScenario(id);
  if (scenario === undefined) throw new Error(`no built-in ${id}`);
  const run = runBuiltin(scenario, { abi });
  if (!run.ok) throw new Error(`${id}: ${run.diagnostics.map((d) => d.message).join('; ')}`);
  const result = { run, json: traceJson(run) };
  cache.set(key, result);
  return result;
}

export function builtinTrace(id: string, abi: Abi): TraceJson {
  return builtinRun(id, abi).json;
}

export function eventsOfKind(trace: TraceJson, kind: string): TraceEvent[] {
  return trace.events.filter((e) => e.kind === kind);
}
