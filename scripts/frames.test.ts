// `npm run frames` reads its options before it builds or starts a browser: bad ones are a usage
// message (exit 2), good ones become the query of the embed-mode page it photographs.
import { describe, expect, it } from 'vitest';
import { parseFramesArgs } from './frames';

describe('npm run frames -- <id> [options]', () => {
  it('defaults: light, 1920x1080, by statement, into frames/<id>', () => {
    expect(parseFramesArgs(['call-reply'])).toEqual({
      id: 'call-reply',
      out: 'frames/call-reply',
      theme: 'light',
      width: 1920,
      height: 1080,
      granularity: 'statement',
      build: false,
    });
  });

  it('reads --out, --theme, --size and --granularity, with a space or an =', () => {
    const args = parseFramesArgs([
      'memory-alloc-free',
      '--out=/tmp/f',
      '--theme',
      'dark',
      '--size',
      '1280x720',
      '--granularity=event',
      '--build',
    ]);
    expect(args).toMatchObject({
      out: '/tmp/f',
      theme: 'dark',
      width: 1280,
      height: 720,
      granularity: 'event',
      build: true,
    });
  });

  it.each([
    [[], 'missing the lesson id'],
    [['no-such-lesson'], "no built-in lesson 'no-such-lesson'"],
    [['call-reply', 'map-grant'], 'one lesson at a time'],
    [['call-reply', '--theme', 'sepia'], '--theme is one of light, dark, high-contrast'],
    [['call-reply', '--size', '100x100'], '--size is WIDTHxHEIGHT'],
    [['call-reply', '--granularity', 'word'], '--granularity is one of statement, event'],
    [['call-reply', '--out'], '--out needs a value'],
    [['call-reply', '--colour=red'], "unknown option '--colour=red'"],
  ])('%j is refused: %s', (argv, message) => {
    expect(() => parseFramesArgs(argv)).toThrow(message);
  });
});
