/** `list`: the built-in scenarios, as JSON. */
import { buildCatalog } from '../../scenarios/index';
import { readBuiltinFiles } from '../builtinFiles';
import { CliUsageError, jsonResult } from '../command';
import type { CliCommand } from '../command';

export const listCommand: CliCommand = {
  name: 'list',
  summary: 'list the built-in scenarios (id, title, ABI, what each teaches, its outcome), as JSON',
  usage: ['list'],
  run(args) {
    const extra = args[0];
    if (extra !== undefined) throw new CliUsageError(`list takes no arguments, got '${extra}'`);
    const scenarios = buildCatalog(readBuiltinFiles()).map((s) => ({
      id: s.id,
      title: s.title,
      abi: s.abi,
      teaches: s.teaches,
      outcome: s.expected,
    }));
    return jsonResult({ scenarios });
  },
};
