import { describe, expect, it } from 'vitest';
import {
  accessError,
  carryMemory,
  EMPTY_MEMORY,
  readWords,
  writeWords,
  writtenPages,
} from './memory';

const RW = [{ base: 0x200000n, sizeLog2: 12, rights: 6 }];

describe('memory contents: pages of words per address space', () => {
  it('reads back what was written; unwritten words read 0', () => {
    const m = writeWords(EMPTY_MEMORY, 0x200008n, [1n, 2n, 3n], 'amd64');
    expect(readWords(m, 0x200000n, 5, 'amd64')).toEqual([0n, 1n, 2n, 3n, 0n]);
    expect(writtenPages(m)).toHaveLength(1);
    expect(EMPTY_MEMORY).toEqual({});
  });

  it('a write copies only the page it touches and never changes the old memory', () => {
    const a = writeWords(EMPTY_MEMORY, 0x200000n, [7n], 'ia32');
    const b = writeWords(a, 0x201000n, [8n], 'ia32');
    expect(b['0x200000']).toBe(a['0x200000']);
    expect(readWords(a, 0x201000n, 1, 'ia32')).toEqual([0n]);
    expect(readWords(b, 0x201000n, 1, 'ia32')).toEqual([8n]);
  });

  it('access needs a mapping with the right, and word alignment', () => {
    expect(accessError(RW, 0x200000n, 512, 2, 'amd64')).toBeNull();
    expect(accessError(RW, 0x200000n, 513, 2, 'amd64')).toMatch(/0x201000 is not mapped/);
    expect(accessError([{ ...RW[0]!, rights: 4 }], 0x200000n, 1, 2, 'amd64')).toMatch(
      /without the right to write/,
    );
    expect(accessError(RW, 0x200004n, 1, 4, 'amd64')).toMatch(/not word-aligned/);
  });

  it('map copies the pages of each region into the receiver; grant moves them', () => {
    const from = writeWords(EMPTY_MEMORY, 0x200000n, [5n, 6n], 'amd64');
    const to = writeWords(EMPTY_MEMORY, 0x800000n, [9n], 'amd64');
    const region = { src: 0x200000n, dst: 0x800000n, sizeLog2: 12, rights: 4 };
    const mapped = carryMemory(from, to, [region], false);
    expect(readWords(mapped.to, 0x800000n, 2, 'amd64')).toEqual([5n, 6n]);
    expect(mapped.from).toEqual(from);
    const granted = carryMemory(from, to, [region], true);
    expect(readWords(granted.to, 0x800000n, 2, 'amd64')).toEqual([5n, 6n]);
    expect(writtenPages(granted.from)).toEqual([]);
  });
});
