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
      { line: 12, text: '    tag = L4_Call(adder);' },
      { line: 13, text: '    // an ordinary comment' },
      { line: 14, text: '' },
      { line: 15, text: '    L4_LoadMR(1, 40);' },
    ]);
  });
});
