/**
 * `batch`: one command per stdin line (the words after `cli --`), one JSON result per output line;
 * a bad line gives `{"error":"…"}` and the batch goes on. Blank lines are skipped.
 */
import { CliUsageError } from '../command';
import type { CliCommand, CliResult } from '../command';

function lineResult(line: string, run: (args: readonly string[]) => CliResult): string {
  const result = run(line.trim().split(/\s+/));
  if (result.code === 0) return result.stdout.trimEnd();
  const reason = result.stderr.trim() || `exit code ${result.code}`;
  return JSON.stringify({ error: reason });
}

export const batchCommand: CliCommand = {
  name: 'batch',
  summary: 'run one encode/decode command per stdin line; one JSON line out per command',
  usage: ['batch < commands.txt'],
  readsStdin: true,
  run(args, ctx) {
    if (args.length > 0) {
      throw new CliUsageError('batch takes no arguments: give one command per stdin line');
    }
    const out = (ctx.stdin ?? '')
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '')
      .map((line) => lineResult(line, (a) => ctx.dispatch(a)));
    return { stdout: out.map((l) => `${l}\n`).join(''), stderr: '', code: 0 };
  },
};
