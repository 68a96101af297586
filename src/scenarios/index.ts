/**
 * The scenarios layer's public API (its only barrel): the built-in lessons, the runner and the
 * trace JSON. The lesson files are loaded as text by Vite (`import.meta.glob` with `?raw`), which
 * works in the browser and in Vitest. Node scripts and the CLI run under tsx, where Vite's imports
 * do not exist: they build the same catalog from `nodeSources.ts` and must not import this file.
 */
import { buildCatalog } from './catalog';
import type { BuiltinScenario } from './catalog';
import { LESSON_TEXTS } from './lessonTexts';

/** Every built-in scenario, in course order. */
export const BUILTIN_SCENARIOS: readonly BuiltinScenario[] = buildCatalog(LESSON_TEXTS);

/** The built-in scenario with this id, or undefined. */
export function findScenario(id: string): BuiltinScenario | undefined {
  return BUILTIN_SCENARIOS.find((s) => s.id === id);
}

export { BUILTIN_IDS } from './catalog';
export type { BuiltinScenario } from './catalog';
export { runScenario } from './runner';
export type { ScenarioRun } from './runner';
export { formatTraceJson } from './traceText';
export { traceJson } from './traceJson';
