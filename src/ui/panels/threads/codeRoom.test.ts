import { describe, expect, it } from 'vitest';
import type { CodeBlock, ScenarioMeta } from '../../../store/viewModel';
import { arrangement, codeRoom, columnRem, columnsThatFit } from './codeRoom';

const block = (name: string, firstLine: number, lines: readonly string[]): CodeBlock => ({
  name,
  firstLine,
  lines,
});

const meta = (
  threads: readonly CodeBlock[],
  functions: readonly CodeBlock[] = [],
): ScenarioMeta => ({
  id: 'lesson',
  title: 'A lesson',
  teaches: 'something',
  abi: 'amd64',
  threads,
  functions,
});

/** A thread of `n` lines, the longest `width` characters. */
const thread = (name: string, firstLine: number, n: number, width: number): CodeBlock =>
  block(name, firstLine, [
    'x'.repeat(width),
    ...Array.from({ length: n - 1 }, (_, i) => `    step(${i});`),
  ]);

// 1280×720 and 1920×1080 as the grid sees them, in rem (18.4 px and 21.6 px).
const SMALL = { width: 68.6, height: 30.3 };
const LARGE = { width: 88.1, height: 40.8 };

describe('codeRoom', () => {
  it('sizes the columns for the longest line, 24 to 60 characters, indentation drawn narrower', () => {
    expect(codeRoom(meta([thread('a', 1, 5, 10)])).chars).toBe(24);
    expect(codeRoom(meta([thread('a', 1, 5, 45)])).chars).toBe(45);
    expect(codeRoom(meta([thread('a', 1, 5, 200)])).chars).toBe(60);
    // Ten spaces of indentation count as six characters.
    expect(codeRoom(meta([block('a', 1, [`${' '.repeat(10)}${'y'.repeat(36)}`])])).chars).toBe(42);
    // A helper's lines count: a thread may run in it.
    expect(codeRoom(meta([thread('a', 1, 5, 20)], [thread('f', 10, 3, 50)])).chars).toBe(50);
  });

  it('counts the lines a column shows at once: its own code and the longest helper', () => {
    const room = codeRoom(
      meta([thread('a', 1, 12, 20), thread('b', 20, 8, 20)], [thread('f', 40, 9, 20)]),
    );
    expect(room.lines).toBe(21);
    expect(room.threads).toBe(2);
  });

  it('leaves out the lesson marks, as the listing does', () => {
    const room = codeRoom(
      meta([block('a', 1, ['short();', '    //! a long note about the line above it'])]),
    );
    expect(room.lines).toBe(1);
    expect(room.chars).toBe(24);
  });
});

describe('arrangement', () => {
  const two = (width: number, lines: number) =>
    codeRoom(meta([thread('a', 1, lines, width), thread('b', 100, lines, width)]));
  const three = codeRoom(
    meta([thread('a', 1, 30, 60), thread('b', 100, 30, 60), thread('c', 200, 30, 60)]),
  );

  it('puts two threads of code beside the chart when their columns get 40 characters there', () => {
    expect(arrangement(SMALL.width, SMALL.height, two(39, 20))).toBe('side');
    expect(arrangement(SMALL.width, SMALL.height, two(60, 30))).toBe('side');
    expect(arrangement(LARGE.width, LARGE.height, two(60, 30))).toBe('side');
  });

  it('puts three threads above the chart and the dock, across the width', () => {
    expect(arrangement(SMALL.width, SMALL.height, three)).toBe('stacked');
    expect(arrangement(LARGE.width, LARGE.height, three)).toBe('stacked');
  });

  it('puts short code above the chart on a tall screen, so no panel stands mostly empty', () => {
    expect(arrangement(LARGE.width, LARGE.height, two(60, 17))).toBe('stacked');
    expect(arrangement(SMALL.width, SMALL.height, two(60, 17))).toBe('side');
  });

  it('fits as many columns as hold 30 characters (or the lesson width) each', () => {
    expect(columnsThatFit(SMALL.width, three)).toBe(3);
    expect(columnsThatFit(2 * columnRem(30) - 0.1, three)).toBe(1);
    expect(columnsThatFit(50, codeRoom(meta([thread('a', 1, 5, 20)])))).toBe(
      Math.floor(50 / columnRem(24)),
    );
  });
});
