import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../lang';
import { failureMessage } from './openScenario';

const at = (file: string | undefined): Diagnostic[] => [
  {
    severity: 'error',
    line: 31,
    column: 22,
    message: "expected an expression, found ')'",
    ...(file === undefined ? {} : { file }),
  },
];

describe('the compile-failure sentence', () => {
  it("names the file as the editor's tab does: a lesson without its folder, others by path", () => {
    expect(failureMessage(at('lessons/call-reply.c'))).toBe(
      "The scenario does not compile: call-reply.c, line 31, column 22: expected an expression, found ')'",
    );
    expect(failureMessage(at('servers/memory.c'))).toContain('servers/memory.c, line 31');
    expect(failureMessage(at(undefined))).toContain('compile: line 31, column 22');
  });
});
