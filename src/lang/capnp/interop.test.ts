/**
 * Interop with Debian's `capnp` (capnproto 0.9.2): bytes built here decode with `capnp decode`,
 * and `capnp encode` / `capnp convert --segment-size=4` output (committed in fixtures/) decodes in
 * the panel's decoder word for word, including multi-segment messages with far pointers.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildBootstrap, buildCall, buildException, buildFinish, buildReturn } from './build';
import { capnpWords } from './decode/pointers';
import { readRpc } from './read';
import { decodeFramedAs, decodeFramedBytes } from './view';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

const HAS_CAPNP =
  spawnSync('capnp', ['--version'], { encoding: 'utf8' }).status === 0 &&
  existsSync('/usr/include/capnp/c++.capnp');
if (!HAS_CAPNP)
  console.warn(
    "capnp interop: skipped — Debian's `capnp` (capnproto) or /usr/include/capnp (libcapnp-dev) is missing; npm test installs them as root on Debian",
  );

function capnpDecode(bytes: Uint8Array): string {
  const r = spawnSync('capnp', ['decode', '-I/usr/include', 'schema/rpc.capnp', 'Message'], {
    input: bytes,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.replace(/\s+/g, ' ');
}

describe.skipIf(!HAS_CAPNP)('bytes built by capnp-es decode with `capnp decode`', () => {
  it('Bootstrap, Call (put with Entry and tags), Return, exception and Finish', () => {
    expect(capnpDecode(buildBootstrap(0))).toContain('bootstrap = (questionId = 0)');
    const put = capnpDecode(
      buildCall(
        1,
        { kind: 'answer', question: 0 },
        { method: 'put', key: 7n, value: new Uint8Array([1, 2]), ttl: 60, tags: [5n] },
      ),
    );
    expect(put).toContain('questionId = 1');
    expect(put).toContain('promisedAnswer = (questionId = 0)');
    expect(put).toContain('interfaceId = 11769039282255364609');
    expect(put).toContain('methodId = 1');
    expect(capnpDecode(buildReturn(0, { method: 'bootstrap', exportId: 2 }))).toContain(
      'senderHosted = 2',
    );
    expect(capnpDecode(buildException(3, 'key not found', 'failed'))).toContain(
      'reason = "key not found"',
    );
    expect(capnpDecode(buildFinish(4, false))).toContain('releaseResultCaps = false');
  });
});

describe('capnp output decodes here word for word', () => {
  it('entry.bin (one segment): every word named, ttl shown as raw XOR default', () => {
    const d = decodeFramedAs(fixture('entry.bin'), 'Entry');
    const words = capnpWords(fixture('entry.bin'));
    expect(d.rows.map((r) => r.word)).toEqual(words);
    expect(d.rows.map((r) => r.role)).toEqual([
      'segment table',
      'struct pointer',
      'data',
      'data',
      'list pointer',
      'bytes',
    ]);
    const ttl = d.rows[3]?.fields.find((f) => f.name === 'ttl');
    expect(ttl).toMatchObject({ raw: 60n ^ 3600n, default: 3600n, value: 60n });
    expect(d.rows[5]?.text).toMatch(/^Data de ad be ef/);
  });

  it('entry-multi.bin (--segment-size=4): two segments, the value reached through a far pointer', () => {
    const d = decodeFramedAs(fixture('entry-multi.bin'), 'Entry');
    expect(d.framing?.sizes).toEqual([4, 2]);
    expect(d.rows.map((r) => r.role)).toEqual([
      'segment table',
      'segment table',
      'struct pointer',
      'data',
      'data',
      'far pointer',
      'list pointer',
      'bytes',
    ]);
    expect(d.rows[5]?.text).toMatch(/far pointer → segment 1, word 0/);
    expect(d.rows[6]?.text).toMatch(/landing pad/);
    expect(d.rows[7]?.segment).toBe(1);
  });

  it('call.bin and call-multi.bin: the same RPC Call, one segment or many, read the same', () => {
    for (const name of ['call.bin', 'call-multi.bin']) {
      const bytes = fixture(name);
      expect(readRpc(bytes)).toMatchObject({
        kind: 'call',
        question: 5,
        target: { kind: 'answer', question: 0 },
        methodId: 1,
      });
      const { decoded } = decodeFramedBytes(bytes);
      expect(decoded.rows.map((r) => r.word)).toEqual(capnpWords(bytes));
      expect(decoded.rows.filter((r) => r.role === 'error')).toEqual([]);
      expect(decoded.rows.filter((r) => r.role === 'unreached')).toEqual([]);
      const text = decoded.rows.map((r) => r.text).join('\n');
      expect(text).toContain('questionId = 5');
      expect(text).toContain('senderHosted = 3');
    }
    const multi = decodeFramedBytes(fixture('call-multi.bin')).decoded;
    expect(multi.framing?.sizes.length).toBeGreaterThan(1);
    expect(multi.rows.some((r) => r.role === 'far pointer')).toBe(true);
  });
});
