/**
 * The data section of a struct read by its schema layout (gen/layouts.ts): which fields live in
 * which data word, their raw bits, the default they are XOR-ed with, and the value they mean.
 * Union members that are not active are left out; groups are read in the parent's sections.
 */
import { LAYOUTS } from '../gen/layouts';
import type { FieldLayout, StructLayout } from '../layoutTypes';

export interface DataField {
  readonly name: string;
  readonly type: string;
  /** Bit offset in the data section. */
  readonly bit: number;
  readonly bits: number;
  readonly raw: bigint;
  readonly default: bigint;
  /** raw XOR default: what the field means. */
  readonly value: bigint;
}

export interface PointerField {
  readonly name: string;
  readonly index: number;
  readonly field: FieldLayout;
}

const WIDTH: Readonly<Record<string, number>> = {
  void: 0,
  bool: 1,
  int8: 8,
  uint8: 8,
  int16: 16,
  uint16: 16,
  enum: 16,
  int32: 32,
  uint32: 32,
  float32: 32,
  int64: 64,
  uint64: 64,
  float64: 64,
};

export function structLayout(id: string): StructLayout | null {
  return LAYOUTS.structs[id] ?? null;
}

export function structIdByName(name: string): string | null {
  for (const [id, s] of Object.entries(LAYOUTS.structs)) if (s.name === name) return id;
  return null;
}

function bitsAt(data: readonly bigint[], bit: number, width: number): bigint {
  const w = data[Math.floor(bit / 64)] ?? 0n;
  return (w >> BigInt(bit % 64)) & ((1n << BigInt(width)) - 1n);
}

/** The active members of `s` (and of its groups), each with the name path leading to it. */
function activeFields(
  s: StructLayout,
  data: readonly bigint[],
  prefix: string,
): { readonly name: string; readonly field: FieldLayout }[] {
  const which = s.discriminantCount > 0 ? Number(bitsAt(data, s.discriminantOffset * 16, 16)) : -1;
  const out: { name: string; field: FieldLayout }[] = [];
  for (const f of s.fields) {
    if (f.discriminant >= 0 && f.discriminant !== which) continue;
    const name = prefix + f.name;
    if (f.type.kind === 'group' && f.groupId !== undefined) {
      const g = structLayout(f.groupId);
      if (g !== null) out.push(...activeFields(g, data, `${name}.`));
    } else out.push({ name, field: f });
  }
  return out;
}

/** The union discriminants of `s` and its active groups, as data fields. */
function discriminants(s: StructLayout, data: readonly bigint[], prefix: string): DataField[] {
  const out: DataField[] = [];
  if (s.discriminantCount > 0) {
    const raw = bitsAt(data, s.discriminantOffset * 16, 16);
    const member = s.fields.find((f) => f.discriminant === Number(raw));
    out.push({
      name: `${prefix}(union: ${member?.name ?? '?'})`,
      type: 'discriminant',
      bit: s.discriminantOffset * 16,
      bits: 16,
      raw,
      default: 0n,
      value: raw,
    });
  }
  for (const f of s.fields) {
    if (f.type.kind !== 'group' || f.groupId === undefined) continue;
    const active =
      f.discriminant < 0 || Number(bitsAt(data, s.discriminantOffset * 16, 16)) === f.discriminant;
    const g = structLayout(f.groupId);
    if (active && g !== null) out.push(...discriminants(g, data, `${prefix}${f.name}.`));
  }
  return out;
}

export function dataFields(s: StructLayout, data: readonly bigint[]): DataField[] {
  const fields: DataField[] = discriminants(s, data, '');
  for (const { name, field } of activeFields(s, data, '')) {
    const width = WIDTH[field.type.kind];
    if (width === undefined || width === 0) continue;
    const bit = field.offset * width;
    if (bit + width > data.length * 64) continue;
    const raw = bitsAt(data, bit, width);
    const def = BigInt(field.default);
    fields.push({
      name,
      type: field.type.kind,
      bit,
      bits: width,
      raw,
      default: def,
      value: raw ^ def,
    });
  }
  return fields.sort((a, b) => a.bit - b.bit);
}

export function pointerFields(s: StructLayout, data: readonly bigint[]): PointerField[] {
  return activeFields(s, data, '')
    .filter(({ field }) => WIDTH[field.type.kind] === undefined && field.type.kind !== 'group')
    .map(({ name, field }) => ({ name, index: field.offset, field }));
}

/** The KvStore method whose params or results struct this is, by id. */
export function methodStruct(methodId: number, part: 'params' | 'results'): string | null {
  for (const i of Object.values(LAYOUTS.interfaces)) {
    const m = i.methods[methodId];
    if (m !== undefined) return m[part];
  }
  return null;
}
