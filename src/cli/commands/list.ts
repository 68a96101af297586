/** `list`: the built-in scenarios, as JSON. */
import { nodeCatalog } from '../../scenarios/nodeSources';
import { CliUsageError, jsonResult } from '../command';
import type { CliCommand } from '../command';

export const listCommand: CliCommand = {
  name: 'list',
  summary: 'list the built-in scenarios (id, title, ABI, what each teaches, its outcome), as JSON',
  usage: ['list'],
  run(args) {
    const extra = args[0];
    if (extra !== undefined) throw new CliUsageError(`list takes no arguments, got '${extra}'`);
    const scenarios = nodeCatalog().map((s) => ({
      id: s.id,
      title: s.title,
      abi: s.abi,
      teaches: s.teaches,
      outcome: s.expected,
    }));
    return jsonResult({ scenarios });
  },
};
