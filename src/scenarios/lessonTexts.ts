/**
 * The built-in lesson files as text, by id, loaded by Vite (`import.meta.glob` with `?raw`): works in
 * the browser and in Vitest. Node scripts and the CLI (tsx, no Vite) read them with
 * `nodeSources.ts` instead and must not import this file.
 */
import { lessonIdOfPath } from './catalog';

const files = import.meta.glob<string>('./lessons/*.c', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Every lesson's text, keyed by its id (the file name without `.c`). */
export const LESSON_TEXTS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(files).map(([path, text]) => [lessonIdOfPath(path), text]),
);
