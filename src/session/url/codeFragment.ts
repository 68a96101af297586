// The learner's code in a share link: every file of the edited scenario as JSON, compressed with
// the platform's CompressionStream('deflate-raw') and written base64url after a version, in the
// fragment as `#code=1.<base64url>` (the fragment never reaches a server, and has no length limit
// of its own). Reading never throws: a bad, truncated, foreign or oversized fragment comes back as
// a sentence to show, and the page shows the lesson of the link's query instead.
import type { FileMap } from '../../lang';

/** The format written; a fragment of another version is refused with a message. */
const VERSION = '1';

/** The largest decompressed payload read (bytes of JSON); larger is refused, not read to the end. */
export const MAX_CODE_BYTES = 1_000_000;

/** At most this many files in one link (a lesson has its main file and a few forked servers). */
const MAX_FILES = 64;

const PATH = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*(\/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*$/;

export interface SharedCode {
  /** The main file's path among `files`. */
  readonly path: string;
  /** The main file and every file of the learner's own that it may include. */
  readonly files: FileMap;
}

export type DecodedCode =
  | { readonly ok: true; readonly code: SharedCode }
  | { readonly ok: false; readonly message: string };

const fail = (why: string): DecodedCode => ({
  ok: false,
  message: `The code in this link cannot be read: ${why} The lesson is shown instead.`,
});

function toBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const padded =
    text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  try {
    const binary = atob(padded);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/** Input written to the (de)compressor at a time: one slice inflates to about 1 MB at the most. */
const SLICE = 1024;

/**
 * Runs `bytes` through `stream`, a slice at a time, and gathers what comes out; stops and returns
 * null once more than `limit` bytes came out (a deflate bomb never unpacks whole).
 */
async function through(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  limit: number,
): Promise<Uint8Array | null> {
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let stopped = false;
  const feed = (async () => {
    for (let i = 0; i < bytes.length && !stopped; i += SLICE)
      await writer.write(bytes.slice(i, i + SLICE));
    if (!stopped) await writer.close();
  })();
  feed.catch(() => undefined);
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      stopped = true;
      void reader.cancel().catch(() => undefined);
      return null;
    }
    parts.push(value);
  }
  await feed;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * The fragment value (`1.<base64url>`, without `code=`) that carries `code`; rejects with a
 * RangeError saying so when the code is more than a link may carry (MAX_CODE_BYTES).
 */
export async function encodeCodeFragment(code: SharedCode): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify({ path: code.path, files: code.files }));
  if (json.length > MAX_CODE_BYTES)
    throw new RangeError(
      `The code is ${json.length.toLocaleString('en')} bytes; a link carries at most ${MAX_CODE_BYTES.toLocaleString('en')}.`,
    );
  const packed = await through(
    json,
    new CompressionStream('deflate-raw'),
    Number.POSITIVE_INFINITY,
  );
  return `${VERSION}.${toBase64url(packed ?? new Uint8Array())}`;
}

function sharedCodeOf(raw: unknown): SharedCode | string {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'it holds no files.';
  const { path, files } = raw as Record<string, unknown>;
  if (typeof files !== 'object' || files === null || Array.isArray(files))
    return 'it holds no files.';
  const entries = Object.entries(files as Record<string, unknown>);
  if (entries.length > MAX_FILES) return `it holds more than ${MAX_FILES} files.`;
  for (const [p, text] of entries) {
    if (!PATH.test(p) || p.length > 200) return `"${p.slice(0, 40)}" is not a file path.`;
    if (typeof text !== 'string') return `the file "${p}" has no text.`;
  }
  if (typeof path !== 'string' || typeof (files as Record<string, unknown>)[path] !== 'string')
    return 'its main file is missing.';
  return { path, files: files as FileMap };
}

/** Reads a fragment value written by `encodeCodeFragment`; a message when it cannot. */
export async function decodeCodeFragment(text: string): Promise<DecodedCode> {
  const dot = text.indexOf('.');
  const version = dot < 0 ? '' : text.slice(0, dot);
  if (dot < 0 || !/^\d{1,4}$/.test(version))
    return fail('it does not start with a format version (like "1.").');
  if (version !== VERSION)
    return fail(
      `it was written in format ${version}, and this Rendezvous reads format ${VERSION}.`,
    );
  const body = text.slice(dot + 1);
  // Base64 of MAX_CODE_BYTES compressed no better than 1:1: anything longer cannot fit the cap.
  if (body.length > Math.ceil((MAX_CODE_BYTES * 4) / 3) + 4)
    return fail(`it is longer than ${MAX_CODE_BYTES.toLocaleString('en')} bytes of code.`);
  const bytes = fromBase64url(body);
  if (bytes === null) return fail('it is not base64url text (was the link cut or changed?).');
  let inflated: Uint8Array | null;
  try {
    inflated = await through(bytes, new DecompressionStream('deflate-raw'), MAX_CODE_BYTES);
  } catch {
    return fail('its compressed data is cut short or damaged (was the link copied whole?).');
  }
  if (inflated === null)
    return fail(`it unpacks to more than ${MAX_CODE_BYTES.toLocaleString('en')} bytes of code.`);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated));
  } catch {
    return fail('its data is not the code of a scenario.');
  }
  const code = sharedCodeOf(json);
  return typeof code === 'string' ? fail(code) : { ok: true, code };
}
