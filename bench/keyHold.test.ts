import { describe, expect, it } from 'vitest';
import { framesBehind } from './keyHold';

describe('frames a held key’s step waited for', () => {
  it('is 0 when each frame shows every key sent before it', () => {
    const samples = [
      [0, 10],
      [1, 11],
      [1, 11],
      [2, 12],
      [3, 13],
    ] as const;
    expect(framesBehind(samples, 10, 3)).toBe(0);
  });

  it('counts the frames painted after a key that still showed an older step', () => {
    // Key 2 is sent before the third frame and shown only in the fifth: two frames behind.
    const samples = [
      [0, 10],
      [1, 11],
      [2, 11],
      [2, 11],
      [3, 13],
    ] as const;
    expect(framesBehind(samples, 10, 3)).toBe(2);
  });

  it('counts a key never shown for every frame after it', () => {
    expect(
      framesBehind(
        [
          [1, 10],
          [1, 10],
          [1, 10],
        ],
        10,
        1,
      ),
    ).toBe(3);
  });
});
