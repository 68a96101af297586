import { describe, expect, it } from 'vitest';
import { HEADER_LINES, diagnosticsOf, runMain } from './testSupport/fakeKernel';

describe('narration and cue marks', () => {
  it('reports a //! comment when its statement runs: on the line, or on the lines just above', () => {
    const t = runMain(`void main(void) {
  //! First we load a word.
  //! It goes to MR1.
  L4_LoadMR(1, 5);
  L4_LoadMR(2, 6); //! Then MR2.
  L4_Yield();
}`);
    const byLine = t.steps.map((s) => [(s.loc?.line ?? 0) - HEADER_LINES, s.effects]);
    expect(byLine).toEqual([
      [4, [{ kind: 'narrate', text: 'First we load a word. It goes to MR1.' }]],
      [5, [{ kind: 'narrate', text: 'Then MR2.' }]],
      [6, []],
      [7, []],
    ]);
  });

  it('narrates a loop condition each time it is checked', () => {
    const t = runMain(
      'void main(void) {\n  int i = 0;\n  while (i < 2) { //! Check i.\n    i++;\n  }\n}',
    );
    expect(t.effects('narrate')).toHaveLength(3);
  });

  it('reports cue marks, which a deck can step between', () => {
    const t = runMain(
      'void main(void) {\n  //@cue start\n  L4_Yield();\n  L4_Yield(); // @cue second\n}',
    );
    expect(t.steps.map((s) => s.effects)).toEqual([
      [{ kind: 'cue', name: 'start' }],
      [{ kind: 'cue', name: 'second' }],
      [],
    ]);
  });

  it('warns about a note that belongs to no statement', () => {
    expect(diagnosticsOf('void main(void) {\n  L4_Yield();\n}\n//! Nothing follows.')).toEqual([
      '4:1: warning: this //! narration is not attached to any statement (put it on or just above one)',
    ]);
    expect(diagnosticsOf('void main(void) {\n  //@cue\n  L4_Yield();\n}')).toEqual([
      "2:5: warning: a cue needs a name: '//@cue name'",
    ]);
  });
});
