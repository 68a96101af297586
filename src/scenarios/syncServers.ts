/**
 * Rewrites the server copies inside the built-in lessons from `src/servers/*.c`:
 *
 *   npx tsx src/scenarios/syncServers.ts
 *
 * Run it after editing a server; `serverCopies.test.ts` fails until the copies match.
 */
import { writeFileSync } from 'node:fs';
import { LESSONS_DIR, readLessonTexts, readServerSources } from './nodeSources';
import { fillServerCopies } from './serverCopies';

const sources = readServerSources();
for (const [id, text] of Object.entries(readLessonTexts())) {
  const filled = fillServerCopies(text, sources);
  if (filled !== text) {
    writeFileSync(`${LESSONS_DIR}${id}.c`, filled);
    console.log(`updated ${id}.c`);
  }
}
