/**
 * `npm run --silent cli -- <command>`: the process wrapper around runCli (argv, stdin, stdout).
 * Whatever happens, the user sees one line, never a stack trace: an error thrown outside runCli is
 * `internal error: …` with exit code 2, and a closed stdout (`cli run … | head`) ends quietly.
 */
import { readFileSync, writeSync } from 'node:fs';
import { installCapnp } from '../lang';
import { internalError, needsStdin, runCli } from './runCli';
import type { CliResult } from './command';

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes to stdout now, waiting while a pipe is full: a streamed trace then never piles up in
 * memory behind a slow reader. A reader that has gone (`| head`) ends the CLI quietly.
 */
function writeOut(text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0; at < bytes.length;) {
    try {
      at += writeSync(1, bytes, at);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') process.exit(0);
      if (code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 2);
    }
  }
}

function main(): CliResult {
  try {
    const args = process.argv.slice(2);
    const stdin = needsStdin(args) ? readFileSync(0, 'utf8') : undefined;
    return runCli(args, stdin, writeOut);
  } catch (error) {
    return internalError(error);
  }
}

installCapnp();
const result = main();
try {
  writeOut(result.stdout);
} catch {
  // stdout is gone; the exit code still tells.
}
process.stderr.write(result.stderr);
process.exitCode = result.code;
