// The catalog the app uses: the built-in lessons (src/scenarios/lessons), each compiled and run on
// the kernel when first opened, its `#include "servers/…"` lines read from the same built-in file
// map (`scenarios/builtinFiles.ts`). Only the opened lesson is compiled before the first frame;
// the picker's titles are read when it first asks for them, through the same `buildCatalog` given
// only each lesson's leading comment lines (where the header is).
import { BUILTIN_FILES as files } from '../scenarios/builtinFiles';
import { buildCatalog, LESSONS, lessonPath } from '../scenarios/index';
import { openScenarioText } from '../store/openScenario';
import { createCatalog } from './catalog';

/** The comment lines a lesson starts with: its header (`// @title …`). */
function headerLines(text: string): string {
  const lines = text.split('\n');
  const end = lines.findIndex((line) => !line.trimStart().startsWith('//'));
  return lines.slice(0, end < 0 ? lines.length : end).join('\n');
}

export const defaultCatalog = createCatalog(
  LESSONS.filter((l) => files[lessonPath(l.id)] !== undefined).map((l) => ({
    id: l.id,
    open: (options) => {
      const path = lessonPath(l.id);
      const opened = openScenarioText(files[path] ?? '', l.protocols, { ...options, files, path });
      if (!opened.ok) throw new Error(opened.message);
      return opened;
    },
    text: { path: lessonPath(l.id), protocols: l.protocols },
  })),
  () =>
    buildCatalog(
      Object.fromEntries(Object.entries(files).map(([path, text]) => [path, headerLines(text)])),
    ).map(({ id, title }) => ({ id, title })),
  files,
);
