/** The `--abi amd64|ia32` option (also `--abi=ia32`), shared by the word commands. */
import { ABIS } from '../kernel/abi/word';
import type { Abi } from '../kernel/abi/word';
import { CliUsageError } from './command';

export const DEFAULT_ABI: Abi = 'amd64';

/** An `--abi` value: amd64 or ia32. */
export function parseAbi(text: string): Abi {
  const abi = ABIS.find((a) => a === text);
  if (abi === undefined) throw new CliUsageError(`bad --abi '${text}' (use amd64 or ia32)`);
  return abi;
}

/** Takes `--abi` out of the arguments; any other `--option` is an error. */
export function takeAbi(args: readonly string[]): { abi: Abi; rest: string[] } {
  let abi: Abi | undefined;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    let value: string | undefined;
    if (arg === '--abi') {
      value = args[++i];
      if (value === undefined) throw new CliUsageError('--abi needs a value (amd64 or ia32)');
    } else if (arg.startsWith('--abi=')) {
      value = arg.slice('--abi='.length);
    } else if (arg.startsWith('--')) {
      throw new CliUsageError(`unknown option '${arg}' (the only option is --abi amd64|ia32)`);
    } else {
      rest.push(arg);
      continue;
    }
    if (abi !== undefined) throw new CliUsageError('--abi given twice');
    abi = parseAbi(value);
  }
  return { abi: abi ?? DEFAULT_ABI, rest };
}
