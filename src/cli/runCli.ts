/**
 * The CLI as a pure function: arguments (and stdin) in, stdout, stderr and exit code out. main.ts
 * is the only part that touches the process. Bad input gives a one-line reason and exit code 2;
 * nothing a user types makes it throw.
 */
import { AbiInputError } from '../kernel/abi/kinds';
import { CliUsageError, EXIT_INTERNAL, usageResult } from './command';
import type { CliCommand, CliResult } from './command';
import { COMMANDS, findCommand } from './registry';

const names = (): string => COMMANDS.map((c) => c.name).join(', ');

function execute(command: CliCommand, args: readonly string[], stdin: string | undefined) {
  try {
    return command.run(args, { stdin, dispatch: dispatchBatchLine });
  } catch (error) {
    if (error instanceof CliUsageError || error instanceof AbiInputError) {
      return usageResult(error.message);
    }
    const reason = error instanceof Error ? error.message : String(error);
    return { stdout: '', stderr: `internal error: ${reason}\n`, code: EXIT_INTERNAL };
  }
}

function find(name: string | undefined): CliCommand | CliResult {
  if (name === undefined || name === '')
    return usageResult(`missing command (commands: ${names()})`);
  return findCommand(name) ?? usageResult(`unknown command '${name}' (commands: ${names()})`);
}

/** One line of `batch`: only commands that print one JSON line may run there. */
function dispatchBatchLine(args: readonly string[]): CliResult {
  const [name, ...rest] = args;
  const command = find(name);
  if (!('run' in command)) return command;
  if (!command.batchable) return usageResult(`'${command.name}' cannot run inside batch`);
  return execute(command, rest, undefined);
}

/** Runs one CLI invocation; `args` are the words after `cli --`. */
export function runCli(args: readonly string[], stdin?: string): CliResult {
  const [name, ...rest] = args;
  const command = find(name);
  if (!('run' in command)) return command;
  return execute(command, rest, stdin);
}

/** Whether main.ts must read stdin before running these arguments. */
export function needsStdin(args: readonly string[]): boolean {
  const name = args[0];
  return name !== undefined && findCommand(name)?.readsStdin === true;
}
