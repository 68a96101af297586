/**
 * Typed access to `pistachio-x2.json` (see README.md here) for the unit tests. Cases are kept as
 * loose records: each test reads the fields a case has and fails on a case shape it does not know.
 */
import raw from './pistachio-x2.json';
import type { Abi } from '../word';

export type VectorCase = Readonly<Record<string, unknown>>;

export const CASE_SECTIONS = [
  'msgtag',
  'msg_ops',
  'fpage',
  'map_grant_items',
  'acceptor',
  'time_period',
  'timeouts',
  'thread_id',
  'error_code',
] as const;

export type CaseSection = (typeof CASE_SECTIONS)[number];

type AbiVectors = Readonly<Record<string, unknown>>;

const file = raw as unknown as Readonly<Record<Abi, AbiVectors>>;

/** All cases of one list section for one ABI. */
export function vectorCases(abi: Abi, section: CaseSection): readonly VectorCase[] {
  const list = file[abi][section];
  if (!Array.isArray(list)) throw new Error(`vectors: ${abi}.${section} is not a list`);
  return list as VectorCase[];
}

/** A dictionary section (`meta`, `constants`, `utcb_amd64`). */
export function vectorSection(abi: Abi, section: string): VectorCase {
  const value = file[abi][section];
  if (typeof value !== 'object' || value === null) {
    throw new Error(`vectors: ${abi}.${section} is missing`);
  }
  return value as VectorCase;
}

/** [abi, case] rows for `it.each`, labelled by index. */
export function rows(section: CaseSection): [string, Abi, VectorCase][] {
  return (['amd64', 'ia32'] as const).flatMap((abi) =>
    vectorCases(abi, section).map((c, i): [string, Abi, VectorCase] => [`${abi} #${i}`, abi, c]),
  );
}

/**
 * Reads the fields of one case and remembers which were read, so a test can assert at the end that
 * every field the reference recorded was checked (`unread()` is empty). `note` is commentary.
 */
export class CaseReader {
  private readonly used = new Set<string>(['note']);

  constructor(readonly c: VectorCase) {}

  has(key: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.c, key);
  }

  /** Marks a descriptive field (a function name, an op string) as read and returns it. */
  text(key: string): string {
    const v = this.field(key);
    if (typeof v !== 'string') throw new Error(`vector field ${key} is not a string`);
    return v;
  }

  /** A hex-string word field as a BigInt. */
  big(key: string): bigint {
    const v = this.field(key);
    if (typeof v !== 'string') throw new Error(`vector field ${key} is not a hex string`);
    return BigInt(v);
  }

  num(key: string): number {
    const v = this.field(key);
    if (typeof v !== 'number') throw new Error(`vector field ${key} is not a number`);
    return v;
  }

  bool(key: string): boolean {
    const v = this.field(key);
    if (typeof v !== 'boolean') throw new Error(`vector field ${key} is not a boolean`);
    return v;
  }

  /** A list of hex-string words as BigInts. */
  bigs(key: string): bigint[] {
    const v = this.field(key);
    if (!Array.isArray(v)) throw new Error(`vector field ${key} is not a list`);
    return v.map((x) => {
      if (typeof x !== 'string') throw new Error(`vector field ${key} holds a non-string`);
      return BigInt(x);
    });
  }

  /** Fields no assertion has read yet. */
  unread(): string[] {
    return Object.keys(this.c).filter((k) => !this.used.has(k));
  }

  private field(key: string): unknown {
    if (!this.has(key))
      throw new Error(`vector case has no field ${key}: ${JSON.stringify(this.c)}`);
    this.used.add(key);
    return this.c[key];
  }
}
