/** `help`: the commands, the word kinds and their encode keys. */
import { encodeKeysUsage, WORD_KINDS, wordCount } from '../../kernel/abi/kinds';
import type { CliCommand } from '../command';

function kindLine(kind: (typeof WORD_KINDS)[number]): string {
  const words = wordCount(kind) === 2 ? '2 words' : '1 word';
  return `  ${kind.padEnd(11)} ${words.padEnd(8)} encode keys: ${encodeKeysUsage(kind)}`;
}

/** Help needs the command list, which lives in the registry: it is passed in. */
export function helpCommand(commands: () => readonly CliCommand[]): CliCommand {
  return {
    name: 'help',
    summary: 'show this help',
    usage: ['help'],
    run() {
      const lines = [
        'Rendezvous CLI: L4 X.2 (Pistachio) word codecs. Run as: npm run --silent cli -- <command>',
        '',
        'Commands:',
        ...commands().flatMap((c) => [...c.usage.map((u) => `  ${u}`), `      ${c.summary}`]),
        '',
        'Kinds:',
        ...WORD_KINDS.map(kindLine),
        '',
        'Numbers are decimal or 0x hex. Output is one JSON line; words are "0x…" lowercase strings.',
        'Bad input: a one-line reason on stderr and exit code 2. The default ABI is amd64.',
        'See docs/cli.md for every field.',
      ];
      return { stdout: `${lines.join('\n')}\n`, stderr: '', code: 0 };
    },
  };
}
