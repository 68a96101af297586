/** `run <file|id> [--abi amd64|ia32] [--max-steps N]`: runs a scenario and prints its trace. */
import { existsSync } from 'node:fs';
import type { Abi } from '../../kernel/abi/word';
import { basename } from 'node:path';
import { BootError } from '../../kernel';
import { compileScenario, lookupIn } from '../../lang';
import type { Diagnostic, FileLookup } from '../../lang';
import { buildCatalog } from '../../scenarios/index';
import { DEFAULT_MAX_STEPS } from '../../scenarios/runner';
import { diskLookup, readBuiltinFiles } from '../builtinFiles';
import { parseAbi } from '../abiOption';
import { CliUsageError, EXIT_OK } from '../command';
import { streamTrace } from '../streamTrace';
import type { CliCommand } from '../command';
import { diagnosticLines, EXIT_SCENARIO_ERRORS, readScenarioFile } from './check';

/** The most steps one run may take. */
export const MAX_STEPS_LIMIT = 10_000_000;

const OPTIONS = '--abi amd64|ia32, --max-steps N';

interface RunArgs {
  readonly target: string;
  readonly abi: Abi | undefined;
  readonly maxSteps: number;
}

function parseMaxSteps(text: string): number {
  const n = /^[0-9]+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_STEPS_LIMIT) {
    throw new CliUsageError(
      `bad --max-steps '${text}' (a whole number of steps from 1 to ${MAX_STEPS_LIMIT})`,
    );
  }
  return n;
}

export function parseRunArgs(args: readonly string[]): RunArgs {
  const values = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (name !== '--abi' && name !== '--max-steps') {
      throw new CliUsageError(`unknown option '${arg}' (options: ${OPTIONS})`);
    }
    const value = eq < 0 ? args[++i] : arg.slice(eq + 1);
    if (value === undefined) {
      throw new CliUsageError(
        `${name} needs a value (${name === '--abi' ? 'amd64 or ia32' : 'a number of steps'})`,
      );
    }
    if (values.has(name)) throw new CliUsageError(`${name} given twice`);
    values.set(name, value);
  }
  const [target, extra] = positional;
  if (target === undefined) {
    throw new CliUsageError('run: missing scenario (a file, or a built-in id from `list`)');
  }
  if (extra !== undefined) throw new CliUsageError(`run takes one scenario, got '${extra}' too`);
  const abiText = values.get('--abi');
  const stepsText = values.get('--max-steps');
  return {
    target,
    abi: abiText === undefined ? undefined : parseAbi(abiText),
    maxSteps: stepsText === undefined ? DEFAULT_MAX_STEPS : parseMaxSteps(stepsText),
  };
}

interface Target {
  readonly text: string;
  /** The name messages use for the file. */
  readonly file: string;
  /** Its path among `files`. */
  readonly path: string;
  readonly files: FileLookup;
}

/** A file if one exists at `target` (its includes read beside it), else the built-in with that id. */
function scenarioText(target: string): Target {
  const builtins = readBuiltinFiles();
  if (existsSync(target)) {
    const files = diskLookup(target, builtins);
    return { text: readScenarioFile(target), file: target, path: basename(target), files };
  }
  const catalog = buildCatalog(builtins);
  const builtin = catalog.find((s) => s.id === target);
  if (builtin === undefined) {
    const ids = catalog.map((s) => s.id).join(', ');
    throw new CliUsageError(`no such file or built-in scenario '${target}' (built-ins: ${ids})`);
  }
  return {
    text: builtin.source,
    file: builtin.path,
    path: builtin.path,
    files: lookupIn(builtin.files),
  };
}

export const runCommand: CliCommand = {
  name: 'run',
  summary: 'run a scenario file or built-in and print its trace as JSON (docs/trace-format.md)',
  usage: ['run <file|id> [--abi amd64|ia32] [--max-steps N]'],
  run(args, ctx) {
    const { target, abi, maxSteps } = parseRunArgs(args);
    const { text, file, path, files } = scenarioText(target);
    const compiled = compileScenario(text, { files, path, ...(abi === undefined ? {} : { abi }) });
    const failed = (diagnostics: readonly Diagnostic[]) => ({
      stdout: '',
      stderr: diagnosticLines(diagnostics, file, path),
      code: EXIT_SCENARIO_ERRORS,
    });
    if (!compiled.ok) return failed(compiled.diagnostics);
    try {
      // Streamed: a run of MAX_STEPS_LIMIT steps prints without holding its steps.
      streamTrace(compiled.scenario, maxSteps, (chunk) => ctx.write(chunk));
    } catch (error) {
      if (!(error instanceof BootError)) throw error;
      return failed([{ line: 1, column: 1, severity: 'error', message: error.message }]);
    }
    return { stdout: '', stderr: '', code: EXIT_OK };
  },
};
