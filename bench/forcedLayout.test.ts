import { describe, expect, it } from 'vitest';
import { isForcedLayout } from './forcedLayout';

describe('a forced layout in a CDP trace', () => {
  const stack = { beginData: { stackTrace: [{ functionName: 'measure' }] } };
  it('is a Layout or UpdateLayoutTree that script asked for (it has a JS stack)', () => {
    expect(isForcedLayout({ name: 'Layout', ph: 'X', args: stack })).toBe(true);
    expect(isForcedLayout({ name: 'UpdateLayoutTree', ph: 'X', args: stack })).toBe(true);
  });
  it('is not the frame’s own layout, nor another event with a stack', () => {
    expect(isForcedLayout({ name: 'Layout', ph: 'X', args: {} })).toBe(false);
    expect(isForcedLayout({ name: 'Layout', ph: 'E', args: stack })).toBe(false);
    expect(isForcedLayout({ name: 'FunctionCall', ph: 'X', args: stack })).toBe(false);
  });
});
