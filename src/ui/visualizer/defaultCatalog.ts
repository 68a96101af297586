// The catalog the app uses: the built-in lessons (src/scenarios/lessons), each compiled and run on
// the kernel when first opened; `__fake` stays reachable by URL for the bench. The texts are loaded
// as `scenarios/index.ts` loads them (Vite's `?raw` glob), but that module lexes all 13 files as it
// loads; here only the opened lesson is read before the first frame, and the picker's titles are
// read when it first asks for them, through the same `buildCatalog` given only each file's leading
// comment lines (where the header is), not the whole file.
import { buildCatalog, lessonIdOfPath, LESSONS } from '../../scenarios/catalog';
import { openScenarioText } from '../../store/openScenario';
import { createCatalog } from './catalog';

const texts: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>('../../scenarios/lessons/*.c', {
      query: '?raw',
      import: 'default',
      eager: true,
    }),
  ).map(([path, text]) => [lessonIdOfPath(path), text]),
);

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
