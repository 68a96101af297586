import { describe, expect, it } from 'vitest';
import { shownLines } from './codeText';

describe('shownLines', () => {
  it('drops narration and cue lines, strips trailing narration, keeps ordinary comments and blanks', () => {
    const lines = [
      '    //@cue call',
      '    //! adder is waiting.',
      '    tag = L4_Call(adder); //! The Call.',
      '    // an ordinary comment',
      '',
      '    L4_LoadMR(1, 40);',
    ];
    expect(shownLines(10, lines)).toEqual([
      { line: 12, no: 12, text: '    tag = L4_Call(adder);' },
      { line: 13, no: 13, text: '    // an ordinary comment' },
      { line: 14, no: 14, text: '' },
      { line: 15, no: 15, text: '    L4_LoadMR(1, 40);' },
    ]);
  });

  it('numbers each line as its own file does when the block came from an include', () => {
    const shown = shownLines(120, ['void scheduler(void)', '{', '}'], [30, 31, 32]);
    expect(shown.map((l) => [l.line, l.no])).toEqual([
      [120, 30],
      [121, 31],
      [122, 32],
    ]);
  });
});
