/**
 * The CLI as a pure function: arguments (and stdin) in, stdout, stderr and exit code out. main.ts
 * is the only part that touches the process. Bad input gives a one-line reason and exit code 2;
 * nothing a user types makes it throw, and an internal error is one line (`internal error: …`,
 * exit 2), never a stack trace. A command may stream part of stdout through `write` (a long
 * trace); without a `write`, the chunks are collected into `stdout`. Control characters are
 * escaped on both streams (terminalText.ts).
 */
import { AbiInputError } from '../kernel/abi/kinds';
import { CliUsageError, EXIT_INTERNAL, usageResult } from './command';
import type { CliCommand, CliResult } from './command';
import { COMMANDS, findCommand } from './registry';
import { terminalJson, terminalText } from './terminalText';

const names = (): string => COMMANDS.map((c) => c.name).join(', ');

/** At most this much of an internal error's reason is shown. */
const REASON_CHARS = 200;

function execute(
  command: CliCommand,
  args: readonly string[],
  stdin: string | undefined,
  write: (chunk: string) => void,
): CliResult {
  try {
    return command.run(args, { stdin, dispatch: dispatchBatchLine, write });
  } catch (error) {
    if (error instanceof CliUsageError || error instanceof AbiInputError) {
      return usageResult(error.message);
    }
    return internalError(error);
  }
}

/** One line, exit 2: what went wrong inside the CLI, without a stack. */
export function internalError(error: unknown): CliResult {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split('\n')[0] ?? '';
  const reason = line.length > REASON_CHARS ? `${line.slice(0, REASON_CHARS)}…` : line;
  return { stdout: '', stderr: `internal error: ${reason}\n`, code: EXIT_INTERNAL };
}

/**
 * Messages quote at most 100 characters of one argument or word ('…' marks the cut); the quote or
 * bracket that closed it stays, so the message still reads `'999…' (…)`.
 */
const clipped = (text: string): string =>
  text.replace(/\S{101,}/g, (w) => `${w.slice(0, 100)}…${/['")\]]*$/.exec(w)?.[0] ?? ''}`);

function safe(result: CliResult): CliResult {
  const stderr = terminalText(clipped(result.stderr));
  return { ...result, stdout: terminalJson(result.stdout), stderr };
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
  const chunks: string[] = [];
  const result = execute(command, rest, undefined, (c) => chunks.push(c));
  return { ...result, stdout: chunks.join('') + result.stdout };
}

/**
 * Runs one CLI invocation; `args` are the words after `cli --`. With `write`, streamed output goes
 * there as it is made (main.ts passes stdout); without, it is part of the returned `stdout`.
 */
export function runCli(
  args: readonly string[],
  stdin?: string,
  write?: (chunk: string) => void,
): CliResult {
  const [name, ...rest] = args;
  const command = find(name);
  if (!('run' in command)) return safe(command);
  const chunks: string[] = [];
  const sink =
    write === undefined ? (c: string) => chunks.push(c) : (c: string) => write(terminalJson(c));
  const result = safe(execute(command, rest, stdin, sink));
  return { ...result, stdout: terminalJson(chunks.join('')) + result.stdout };
}

/** Whether main.ts must read stdin before running these arguments. */
export function needsStdin(args: readonly string[]): boolean {
  const name = args[0];
  return name !== undefined && findCommand(name)?.readsStdin === true;
}
