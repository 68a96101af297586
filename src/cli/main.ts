/** `npm run --silent cli -- <command>`: the process wrapper around runCli (argv, stdin, stdout). */
import { readFileSync } from 'node:fs';
import { needsStdin, runCli } from './runCli';

const args = process.argv.slice(2);
const stdin = needsStdin(args) ? readFileSync(0, 'utf8') : undefined;
const result = runCli(args, stdin);
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
