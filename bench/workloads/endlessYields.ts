// A heavy run anyone can put in a link: `threads` threads in one space, each yielding forever, so
// only the step cap ends it. Shared by the heavy-link bench (bench/heavy.ts), the hostile-link
// browser tests (e2e/hostileFragments.spec.ts) and the worker's part tests.
import { deflateRawSync } from 'node:zlib';

/** The scenario text: 64 threads make a world of about 70 KB (as JSON). */
export function endlessYieldsText(threads: number): string {
  const lines = ['// @scenario endless-yield', '// @title Endless yields', '// @space a'];
  for (let i = 0; i < threads; i++) lines.push(`// @thread t${i} space=a`);
  for (let i = 0; i < threads; i++)
    lines.push(`void t${i}(void)`, '{', '  for (;;) L4_Yield();', '}');
  return `${lines.join('\n')}\n`;
}

/** A `#code=` fragment value carrying `text` as the main file `path`, as the share link writes it. */
export const codeFragment = (path: string, text: string): string =>
  `1.${deflateRawSync(Buffer.from(JSON.stringify({ path, files: { [path]: text } }))).toString('base64url')}`;
