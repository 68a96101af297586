/**
 * Regenerates the golden traces, `__golden__/<id>.<abi>.json`, one per built-in and ABI:
 *
 *   npx tsx scripts/updateGolden.ts
 *
 * `golden.test.ts` compares every run with its file, so a change in any event fails until the
 * goldens are regenerated and the diff is reviewed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ABIS } from '../src/kernel/abi/word';
import { readBuiltinFiles } from '../src/cli/builtinFiles';
import { buildCatalog } from '../src/scenarios/catalog';
import { runBuiltin } from '../src/scenarios/runner';
import { traceJson } from '../src/scenarios/traceJson';
import { formatTraceJson } from '../src/scenarios/traceText';

const dir = fileURLToPath(new URL('../src/scenarios/__golden__/', import.meta.url));
mkdirSync(dir, { recursive: true });
for (const scenario of buildCatalog(readBuiltinFiles())) {
  for (const abi of ABIS) {
    const run = runBuiltin(scenario, { abi });
    if (!run.ok) throw new Error(`${scenario.id} (${abi}) does not compile`);
    writeFileSync(`${dir}${scenario.id}.${abi}.json`, formatTraceJson(traceJson(run)));
    console.log(`${scenario.id}.${abi}.json: ${run.outcome}, ${run.trace.length - 1} steps`);
  }
}
