/** `check <file> [--abi amd64|ia32]`: compiles a scenario file and reports its errors. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { hex } from '../../kernel/abi/word';
import type { Abi } from '../../kernel/abi/word';
import { formatDiagnostic } from '../../lang';
import type { Diagnostic } from '../../lang';
import { compileScenario } from '../../lang';
import { takeAbi } from '../abiOption';
import { diskLookup } from '../builtinFiles';
import { CliUsageError, EXIT_OK } from '../command';
import type { CliCommand, CliResult } from '../command';

/** Exit code of `check` and `run` when the scenario has errors. */
export const EXIT_SCENARIO_ERRORS = 1;

/** Reads a scenario file; a missing or unreadable file is a usage error (exit 2). */
export function readScenarioFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : 'it cannot be read';
    throw new CliUsageError(`cannot read '${path}': ${why}`);
  }
}

/**
 * The diagnostics as `file:line:column: message` lines, one per diagnostic: `file` names the main
 * file (whose path among the included files is `path`); an included file is named by its path.
 */
export function diagnosticLines(
  diagnostics: readonly Diagnostic[],
  file: string,
  path?: string,
): string {
  return diagnostics
    .map((d) => (d.file === path ? { ...d, file } : d))
    .map((d) => `${formatDiagnostic(d, file)}\n`)
    .join('');
}

function checkText(text: string, file: string, abi: Abi | undefined): CliResult {
  const path = basename(file);
  const files = diskLookup(file);
  const result = compileScenario(text, { path, files, ...(abi === undefined ? {} : { abi }) });
  const stderr = diagnosticLines(result.diagnostics, file, path);
  if (!result.ok) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
    const json = { ok: false, errors, diagnostics: result.diagnostics };
    return { stdout: `${JSON.stringify(json)}\n`, stderr, code: EXIT_SCENARIO_ERRORS };
  }
  const s = result.scenario;
  const json = {
    ok: true,
    scenario: s.id,
    title: s.title,
    abi: s.abi,
    teaches: s.teaches,
    spaces: s.spaces.map((sp) => sp.name),
    threads: s.threads.map((t) => ({
      name: t.name,
      space: t.space,
      priority: t.priority,
      id: hex(t.globalId),
    })),
    warnings: result.diagnostics.length,
    diagnostics: result.diagnostics,
  };
  return { stdout: `${JSON.stringify(json)}\n`, stderr, code: EXIT_OK };
}

export const checkCommand: CliCommand = {
  name: 'check',
  summary:
    'compile a scenario file: {"ok":true,…} and exit 0, or its errors as file:line:column lines and exit 1',
  usage: ['check <file> [--abi amd64|ia32]'],
  run(args) {
    const given = args.some((a) => a === '--abi' || a.startsWith('--abi='));
    const { abi, rest } = takeAbi(args);
    const [file, extra] = rest;
    if (file === undefined) throw new CliUsageError('check: missing scenario file');
    if (extra !== undefined) throw new CliUsageError(`check takes one file, got '${extra}' too`);
    return checkText(readScenarioFile(file), file, given ? abi : undefined);
  },
};
