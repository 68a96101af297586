/** `check <file> [--abi amd64|ia32]`: compiles a scenario file and reports its errors. */
import { readFileSync, statSync } from 'node:fs';
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

/** The largest scenario file the CLI reads (a 20 MB file compiles in seconds). */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

function unreadable(path: string, error: unknown): CliUsageError {
  const code = (error as { code?: unknown }).code;
  const why =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EISDIR'
        ? 'it is a directory'
        : code === 'EACCES'
          ? 'permission denied'
          : 'it cannot be read';
  return new CliUsageError(`cannot read '${path}': ${why}`);
}

/** Where the first byte that is not UTF-8 is, as `line L, column C`. */
function badByte(bytes: Uint8Array): string {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  // The longest prefix that decodes (binary search; a cut inside a character also fails, so
  // step back to the character's start).
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    try {
      decoder.decode(bytes.subarray(0, mid));
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  let line = 1;
  let col = 1;
  const good = new TextDecoder().decode(bytes.subarray(0, lo));
  for (const c of good) {
    if (c === '\n') {
      line++;
      col = 1;
    } else col++;
  }
  const b = bytes[lo] ?? 0;
  return `byte 0x${b.toString(16).padStart(2, '0')} at line ${line}, column ${col}`;
}

/**
 * Reads a scenario file: a regular file of at most MAX_FILE_BYTES of UTF-8 text. A missing,
 * unreadable or too large file, a pipe or a device (which would never end), or bytes that are not
 * UTF-8 are a usage error (one line, exit 2).
 */
export function readScenarioFile(path: string): string {
  let bytes: Buffer;
  try {
    const info = statSync(path);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (!info.isFile()) {
      throw new CliUsageError(
        `cannot read '${path}': it is not a regular file (a pipe, a socket or a device)`,
      );
    }
    if (info.size > MAX_FILE_BYTES) {
      throw new CliUsageError(
        `cannot read '${path}': it has ${info.size} bytes, and a scenario file may have at most ${MAX_FILE_BYTES} (32 MB)`,
      );
    }
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof CliUsageError) throw error;
    throw unreadable(path, error);
  }
  if (bytes.length > MAX_FILE_BYTES) {
    throw new CliUsageError(`cannot read '${path}': it grew past ${MAX_FILE_BYTES} bytes`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliUsageError(`cannot read '${path}': it is not UTF-8 text (${badByte(bytes)})`);
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
