import { describe, expect, it } from 'vitest';
import { BUILTIN_FILES } from '../../scenarios/builtinFiles';
import { decodeCodeFragment, encodeCodeFragment, MAX_CODE_BYTES } from './codeFragment';
import { codeParam } from './codeParam';

const path = 'lessons/memory-alloc-free.c';
const code = {
  path,
  files: {
    [path]: (BUILTIN_FILES[path] ?? '').replace('L4_Call', 'L4_Call /* é ✓ */'),
    'servers/memserver.c': '/* mine */\n',
  },
};

/** The raw deflate of `bytes`, as the codec writes it, base64url after a version. */
async function packed(bytes: Uint8Array, version = '1'): Promise<string> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new CompressionStream('deflate-raw'));
  const out = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = '';
  for (const b of out) binary += String.fromCharCode(b);
  return `${version}.${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

/** The message a fragment is refused with ('' when it is read). */
async function refusal(text: string): Promise<string> {
  const r = await decodeCodeFragment(text);
  return r.ok ? '' : r.message;
}

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('the code fragment of a share link', () => {
  it('round-trips every file, non-ASCII text included, in base64url', async () => {
    const text = await encodeCodeFragment(code);
    expect(text).toMatch(/^1\.[A-Za-z0-9_-]+$/);
    expect(text.length).toBeLessThan(code.files[path].length);
    expect(await decodeCodeFragment(text)).toEqual({ ok: true, code });
    expect(codeParam(`#step=3&code=${text}`)).toBe(text);
    expect(codeParam('#step=3')).toBeNull();
  });

  it('says what is wrong with a fragment that is not base64url', async () => {
    const message = await refusal('1.abc$def');
    expect(message).toContain('not base64url');
    expect(message).toContain('The lesson is shown instead.');
  });

  it('says a cut-off link is cut short', async () => {
    const text = await encodeCodeFragment(code);
    expect(await refusal(text.slice(0, Math.floor(text.length / 2)))).toMatch(
      /cut short|not base64url/,
    );
    const cut = text.slice(0, text.length - (text.length % 4 === 1 ? 3 : 4));
    expect(await refusal(cut)).toContain('cut short or damaged');
  });

  it('names the version it reads when the fragment has another or none', async () => {
    const text = await encodeCodeFragment(code);
    expect(await refusal(`2${text.slice(1)}`)).toContain(
      'written in format 2, and this Rendezvous reads format 1',
    );
    expect(await refusal('eJzLSM3JyQcABiwCFQ')).toContain('format version');
  });

  it('stops unpacking past the size cap, and refuses to write a link that large', async () => {
    const bomb = await packed(json({ path: 'a.c', files: { 'a.c': ' '.repeat(MAX_CODE_BYTES) } }));
    expect(bomb.length).toBeLessThan(10_000);
    expect(await refusal(bomb)).toContain('unpacks to more than 1,000,000 bytes');
    await expect(
      encodeCodeFragment({ path: 'a.c', files: { 'a.c': 'x'.repeat(MAX_CODE_BYTES) } }),
    ).rejects.toThrow(/at most 1,000,000/);
  });

  it('refuses data that is not a scenario: no main file, a bad path, not JSON', async () => {
    const cases: [Uint8Array, string][] = [
      [json({ path: 'b.c', files: { 'a.c': 'x' } }), 'main file is missing'],
      [json({ path: '../a.c', files: { '../a.c': 'x' } }), 'is not a file path'],
      [json({ path: 'a.c', files: { 'a.c': 5 } }), 'has no text'],
      [json([1, 2]), 'holds no files'],
      [new TextEncoder().encode('{"path":'), 'not the code of a scenario'],
    ];
    for (const [bytes, message] of cases)
      expect(await refusal(await packed(bytes))).toContain(message);
  });
});
