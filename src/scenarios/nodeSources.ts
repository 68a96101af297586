/**
 * The built-in lessons and the canonical server sources read from disk, for Node only: the CLI
 * (under tsx, where Vite's `?raw` imports do not work) and the scripts. The browser and Vitest load
 * the same files through `import.meta.glob` in `index.ts`; a test checks both give the same texts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildCatalog } from './catalog';
import type { BuiltinScenario } from './catalog';

export const LESSONS_DIR = fileURLToPath(new URL('./lessons/', import.meta.url));
export const SERVERS_DIR = fileURLToPath(new URL('../servers/', import.meta.url));

function readCFiles(dir: string): { name: string; text: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.c'))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(dir + f, 'utf8') }));
}

/** Lesson texts keyed by file name without `.c` (the scenario id). */
export function readLessonTexts(): Record<string, string> {
  return Object.fromEntries(readCFiles(LESSONS_DIR).map((f) => [f.name.slice(0, -2), f.text]));
}

/** Canonical server sources keyed by repository path (`src/servers/memserver.c`). */
export function readServerSources(): Record<string, string> {
  return Object.fromEntries(readCFiles(SERVERS_DIR).map((f) => [`src/servers/${f.name}`, f.text]));
}

/** The built-in catalog, built from the files on disk (what `index.ts` builds in the browser). */
export function nodeCatalog(): readonly BuiltinScenario[] {
  return buildCatalog(readLessonTexts());
}
