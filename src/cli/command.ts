/**
 * What a CLI command is. Each command lives in its own file under `commands/` and is listed once in
 * `registry.ts`; the dispatcher (`runCli.ts`) knows nothing about any particular command.
 */

/** The outcome of one CLI invocation: what goes to stdout and stderr, and the exit code. */
export interface CliResult {
  stdout: string;
  stderr: string;
  code: number;
}

export interface CliContext {
  /** Everything read from stdin, for commands with `readsStdin`. */
  stdin: string | undefined;
  /** Runs another command line (used by `batch`), without stdin. */
  dispatch(args: readonly string[]): CliResult;
  /** Writes part of stdout now (a long trace is streamed, not held); `stdout` follows it. */
  write(chunk: string): void;
}

export interface CliCommand {
  name: string;
  /** One line for `help`. */
  summary: string;
  /** Usage lines for `help`, e.g. `decode <kind> <word> [<word2>] [--abi amd64|ia32]`. */
  usage: readonly string[];
  /** main.ts reads stdin for this command. */
  readsStdin?: boolean;
  /** The command prints exactly one JSON line, so `batch` may run it. */
  batchable?: boolean;
  run(args: readonly string[], ctx: CliContext): CliResult;
}

/** Bad command-line input: a one-line reason on stderr and exit code 2. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

export const EXIT_OK = 0;
/** A bug of the CLI itself: one line, and exit 2 — never 1, which says the scenario has errors. */
export const EXIT_INTERNAL = 2;
export const EXIT_USAGE = 2;

/** A successful JSON result: one line, then a newline. */
export function jsonResult(value: unknown): CliResult {
  return { stdout: `${JSON.stringify(value)}\n`, stderr: '', code: EXIT_OK };
}

/** A usage error: the reason on stderr, exit code 2. */
export function usageResult(message: string): CliResult {
  return { stdout: '', stderr: `${message}\n`, code: EXIT_USAGE };
}
