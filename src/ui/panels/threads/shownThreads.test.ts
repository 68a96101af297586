import { describe, expect, it } from 'vitest';
import { ranLast, shownThreads } from './shownThreads';

const ALL = ['a', 'b', 'c', 'd', 'e', 'f'];

describe('shownThreads', () => {
  it('shows every thread when all fit', () => {
    expect(shownThreads(['a', 'b'], 'b', [], 3)).toEqual(['a', 'b']);
  });

  it('always shows the thread on the CPU, in the threads order', () => {
    expect(shownThreads(ALL, 'e', [], 3)).toEqual(['a', 'b', 'e']);
    expect(shownThreads(ALL, 'f', ['e', 'c'], 2)).toEqual(['e', 'f']);
  });

  it('keeps the threads most recently on the CPU or picked', () => {
    expect(shownThreads(ALL, 'd', ['d', 'f', 'b'], 3)).toEqual(['b', 'd', 'f']);
    expect(shownThreads(ALL, null, ['c'], 1)).toEqual(['c']);
  });
});

describe('ranLast', () => {
  const run = [null, 'a', 'b', 'scheduler', null, null];
  const frame = (i: number) => ({ running: run[i] ?? null });

  it('finds the thread that ran last before an idle step', () => {
    expect(ranLast(frame, 5)).toBe('scheduler');
    expect(ranLast(frame, 3)).toBe('b');
  });

  it('looks back only so far, and not before step 0', () => {
    expect(ranLast(frame, 5, 1)).toBeNull();
    expect(ranLast(frame, 1)).toBeNull();
    expect(ranLast(frame, 0)).toBeNull();
  });
});
