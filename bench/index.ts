/**
 * `npm run bench`: runs each measured area's module and prints its results. Add an area by writing
 * `bench/<area>.ts` exporting `run(): BenchResult[]` and listing it here.
 */
import { run as kernel } from './kernel';
import { formatResults } from './report';
import type { BenchArea } from './report';

const areas: readonly BenchArea[] = [{ name: 'kernel', run: kernel }];

for (const area of areas) {
  console.log(`\n## ${area.name}`);
  console.log(formatResults(area.run()));
}
