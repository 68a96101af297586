// The catalog the app uses: the built-in lessons (src/scenarios/lessons), each compiled and run on
// the kernel when first opened. The texts come from `scenarios/lessonTexts.ts`, not
// `scenarios/index.ts`, which lexes all the files as it loads; here only the opened lesson is read
// before the first frame, and the picker's titles are read when it first asks for them, through the
// same `buildCatalog` given only each file's leading comment lines (where the header is).
import { buildCatalog, LESSONS } from '../scenarios/catalog';
import { LESSON_TEXTS as texts } from '../scenarios/lessonTexts';
import { openScenarioText } from '../store/openScenario';
import { createCatalog } from './catalog';

/** The comment lines a lesson starts with: its header (`// @title …`). */
function headerLines(text: string): string {
  const lines = text.split('\n');
  const end = lines.findIndex((line) => !line.trimStart().startsWith('//'));
  return lines.slice(0, end < 0 ? lines.length : end).join('\n');
}

export const defaultCatalog = createCatalog(
  LESSONS.filter((l) => texts[l.id] !== undefined).map((l) => ({
    id: l.id,
    open: (options) => {
      const opened = openScenarioText(texts[l.id] ?? '', l.protocols, options);
      if (!opened.ok) throw new Error(opened.message);
      return opened;
    },
  })),
  () =>
    buildCatalog(
      Object.fromEntries(Object.entries(texts).map(([id, text]) => [id, headerLines(text)])),
    ).map(({ id, title }) => ({ id, title })),
);
