import { describe, expect, it } from 'vitest';
import { checkOpenedFile, checkOpenedFileSize, MAX_OPENED_FILE_BYTES } from './checkOpenedFile';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('a file opened in the editor', () => {
  it('opens UTF-8 text, names and RTL characters included', () => {
    expect(checkOpenedFile('a.c', utf8('// @scenario a\nvoid t(void) {} // שלום\n'))).toEqual({
      ok: true,
      text: '// @scenario a\nvoid t(void) {} // שלום\n',
    });
  });

  it('drops a byte-order mark', () => {
    expect(checkOpenedFile('a.c', new Uint8Array([0xef, 0xbb, 0xbf, 0x78]))).toEqual({
      ok: true,
      text: 'x',
    });
  });

  it('refuses a 50 MB file from its size alone, before reading it', () => {
    const message = checkOpenedFileSize('big.c', 50_000_000);
    expect(message).toBe(
      'big.c is 50,000,000 bytes; a scenario file may be at most 1,000,000. Nothing was opened.',
    );
    expect(checkOpenedFileSize('ok.c', MAX_OPENED_FILE_BYTES)).toBeUndefined();
  });

  it('refuses bytes over the cap even if the size said otherwise', () => {
    const r = checkOpenedFile('x.c', new Uint8Array(MAX_OPENED_FILE_BYTES + 1).fill(0x20));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('at most 1,000,000');
  });

  it('refuses a binary file (a NUL byte) and says where', () => {
    const bytes = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]);
    expect(checkOpenedFile('a.out', bytes)).toEqual({
      ok: false,
      message: 'a.out is not a text file (a NUL byte at byte 7). Nothing was opened.',
    });
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(checkOpenedFile('latin1.c', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]))).toEqual({
      ok: false,
      message: 'latin1.c is not UTF-8 text. Nothing was opened.',
    });
  });

  it('quotes at most 100 characters of a long name', () => {
    const r = checkOpenedFile('n'.repeat(5000), new Uint8Array([0]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.startsWith(`${'n'.repeat(100)}… is not a text file`)).toBe(true);
  });
});
