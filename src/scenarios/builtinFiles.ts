/**
 * The built-in files as Vite loads them (`import.meta.glob` with `?raw`): the browser's bundle and
 * Vitest. The CLI, under tsx, reads the same folders from disk (`src/cli/builtinFiles.ts`); both go
 * through `builtinFileMap`, and a test checks they give the same map.
 */
import { builtinFileMap } from './files';

export const BUILTIN_FILES = builtinFileMap({
  ...import.meta.glob<string>('./lessons/*.c', { query: '?raw', import: 'default', eager: true }),
  ...import.meta.glob<string>('../servers/*.c', { query: '?raw', import: 'default', eager: true }),
});
