/**
 * `npm run bench`: runs each measured area's module and prints its results. Add an area by writing
 * `bench/<area>.ts` exporting `run(): BenchResult[] | Promise<BenchResult[]>` and listing it here.
 * `npm run bench -- kernel scenario` runs only the areas named; `reliability` (10,000 generated
 * programs, minutes), `heavy` (a 64-thread run to 1,000,000 steps, a minute or two) and `first`
 * (the cold loads of `ui` alone) run only when named.
 */
import { installCapnp } from '../src/lang';
import { run as editor } from './editor';
import { run as first } from './firstFrame';
import { run as heavy } from './heavy';
import { run as kernel } from './kernel';
import { run as reliability } from './reliability';
import { formatResults, formatSummary } from './report';
import type { BenchArea, BenchResult } from './report';
import { run as scenario } from './scenario';
import { run as single } from './single';
import { run as ui } from './ui';

installCapnp();

const areas: readonly BenchArea[] = [
  { name: 'kernel', run: kernel },
  { name: 'scenario', run: scenario },
  { name: 'ui', run: ui },
  { name: 'single', run: single },
  { name: 'editor', run: editor },
  { name: 'first', run: first, onlyWhenNamed: true },
  { name: 'reliability', run: reliability, onlyWhenNamed: true },
  { name: 'heavy', run: heavy, onlyWhenNamed: true },
];

const wanted = process.argv.slice(2);
const all: BenchResult[] = [];
for (const area of areas) {
  if (wanted.length > 0 ? !wanted.includes(area.name) : area.onlyWhenNamed === true) continue;
  console.log(`\n## ${area.name}`);
  const results = await area.run();
  all.push(...results);
  console.log(formatResults(results));
}
console.log('\n## summary');
console.log(formatSummary(all));
