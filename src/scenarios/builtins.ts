/**
 * The built-in catalog over the files Vite loads (`builtinFiles.ts`): what the tests and the
 * browser's scenario registry read. The CLI builds the same catalog from disk with
 * `buildCatalog(readBuiltinFiles())` (`src/cli/builtinFiles.ts`).
 */
import { BUILTIN_FILES } from './builtinFiles';
import { buildCatalog } from './catalog';
import type { BuiltinScenario } from './catalog';

/** Every built-in scenario, in course order. */
export const BUILTIN_SCENARIOS: readonly BuiltinScenario[] = buildCatalog(BUILTIN_FILES);

/** The built-in scenario with this id, or undefined. */
export function findScenario(id: string): BuiltinScenario | undefined {
  return BUILTIN_SCENARIOS.find((s) => s.id === id);
}
