import { describe, expect, it } from 'vitest';
import { MAX_VALUE_LENGTH, pickOne, pickText, readQuery, updateQuery } from './query';

describe('readQuery', () => {
  it('reads with or without the leading ?, and never throws on hostile text', () => {
    expect(readQuery('?a=1&b=2').get('b')).toBe('2');
    expect(readQuery('a=1').get('a')).toBe('1');
    for (const hostile of [
      '%',
      '%E0%A4%A',
      '?&&==&',
      '?a=%00',
      '?\u0000=\uffff',
      '?'.repeat(10_000),
    ]) {
      expect(() => readQuery(hostile)).not.toThrow();
    }
  });
});

describe('pickOne and pickText', () => {
  it('accept only the allowed values', () => {
    const allowed = ['a', 'b'] as const;
    expect(pickOne('b', allowed, 'a')).toBe('b');
    expect(pickOne('B', allowed, 'a')).toBe('a');
    expect(pickOne(null, allowed, 'a')).toBe('a');
    expect(pickOne('constructor', allowed, 'a')).toBe('a');
  });

  it('keep free text but cut it short', () => {
    expect(pickText(null, 'x')).toBe('x');
    expect(pickText('', 'x')).toBe('');
    expect(pickText('y'.repeat(5000), 'x')).toHaveLength(MAX_VALUE_LENGTH);
  });
});

describe('updateQuery', () => {
  it('sets and deletes keys and keeps the others', () => {
    expect(updateQuery('?scenario=call&theme=light', { theme: 'dark' })).toBe(
      '?scenario=call&theme=dark',
    );
    expect(updateQuery('?word=1&word2=2', { word2: null })).toBe('?word=1');
    expect(updateQuery('', { word2: null })).toBe('');
  });

  it('round-trips values that need escaping', () => {
    const search = updateQuery('', { word: '0x1 & b=2' });
    expect(readQuery(search).get('word')).toBe('0x1 & b=2');
    expect(readQuery(search).get('b')).toBeNull();
  });
});
