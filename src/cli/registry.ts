/**
 * The CLI's commands. A new command is one file under `commands/` plus one line here; the
 * dispatcher (`runCli.ts`) does not change.
 */
import type { CliCommand } from './command';
import { batchCommand } from './commands/batch';
import { checkCommand } from './commands/check';
import { decodeCommand } from './commands/decode';
import { encodeCommand } from './commands/encode';
import { helpCommand } from './commands/help';
import { listCommand } from './commands/list';
import { runCommand } from './commands/run';

export const COMMANDS: readonly CliCommand[] = [
  encodeCommand,
  decodeCommand,
  batchCommand,
  listCommand,
  checkCommand,
  runCommand,
  helpCommand(() => COMMANDS),
];

export function findCommand(name: string): CliCommand | undefined {
  return COMMANDS.find((c) => c.name === name);
}
