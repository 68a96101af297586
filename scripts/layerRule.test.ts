// The layer rule holds because ESLint says so: a Node import, a timer or a deep import in a model
// layer fails `npm run lint`. Linted here through ESLint's own API, as `npm run lint` would.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

/** The messages ESLint gives `code` as if it were the file at `path`. */
async function lint(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return (result?.messages ?? []).map((m) => m.message);
}

describe('the layer rule, as lint enforces it', { timeout: 60_000 }, () => {
  it('fails a node: import, process and Date.now in the kernel', async () => {
    const messages = await lint(
      'src/kernel/step.ts',
      "import { readFileSync } from 'node:fs';\nexport const a = [readFileSync, process.env, Date.now()];\n",
    );
    expect(messages.join('\n')).toMatch(/kernel\/ runs in the browser: no Node modules/);
    expect(messages.join('\n')).toMatch(/process/);
    expect(messages.join('\n')).toMatch(/simulated microseconds/);
  });

  it('fails an import upwards and a deep import past a public entry', async () => {
    const up = await lint(
      'src/kernel/step.ts',
      "export { LESSONS } from '../scenarios/catalog';\n",
    );
    expect(up.join('\n')).toMatch(/Dependencies point down/);
    const deep = await lint(
      'src/lang/builtins/ipcCalls.ts',
      "export { WRAPPER_SIGNATURES } from '../../kernel/wrappers';\n",
    );
    expect(deep.join('\n')).toMatch(/kernel through its public entry/);
    const fine = await lint(
      'src/lang/builtins/ipcCalls.ts',
      "export { WRAPPER_SIGNATURES } from '../../kernel';\n",
    );
    expect(fine.filter((m) => /public entry|point down/.test(m))).toEqual([]);
  });

  it('keeps randomness and the clock out of the store', async () => {
    const messages = await lint('src/store/frameCache.ts', 'export const x = Math.random();\n');
    expect(messages.join('\n')).toMatch(/deterministic/);
  });
});
