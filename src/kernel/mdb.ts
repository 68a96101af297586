/**
 * The mapping database (Pistachio `kernel/src/generic/mapping.cc`, `mdb_map`, `mdb_flush`): every
 * mapping an IPC created remembers where it came from — the address in the sender's space it was
 * mapped from (`Mapping.from`). A boot mapping has none: it is a root (sigma0's memory). So the
 * mappings form a tree, found by address: the parent of a mapping is the mapping of `from.space`
 * that holds `from.base`, which stays true when regions are split into aligned pieces.
 *
 *  - map: the receiver's piece is a child of the sender's (`from` = the sender's address);
 *  - grant: the piece moves — it takes the sender's place in the tree (its `from`), and the
 *    sender's children now hang under the receiver's piece;
 *  - unmap: revokes rights recursively from every mapping derived from the given range, in any
 *    space, and with flush also from the caller's own; revoking all of rwx removes the mappings
 *    (`mdb_flush`, `fp.is_rwx()`), fewer rights only reduce them.
 */
import type { MappedRegion } from './effects';
import { contains, intersect, mapRegion, unmapRange } from './mapping';
import type { Range } from './mapping';
import type { AddressSpace, Mapping } from './types';

/** What an unmap changed in one space: a piece's rights before and after (0 = removed). */
export interface RevokedRegion {
  readonly space: number;
  readonly base: bigint;
  readonly sizeLog2: number;
  readonly rights: number;
  readonly left: number;
}

/** Deeper than this, a chain of mappings is cut (a space mapping into itself could loop). */
const MAX_DEPTH = 64;

/** The address range in the parent space that mapping `m` (or its part `part`) came from. */
function sourceOf(m: Mapping, part: Range = m): Range | null {
  if (m.from === undefined) return null;
  return { base: m.from.base + (part.base - m.base), sizeLog2: part.sizeLog2 };
}

/** The part of each mapping derived from `range` of space `s`: (space, range in that space). */
function childrenOf(
  spaces: readonly AddressSpace[],
  s: number,
  range: Range,
): { readonly space: number; readonly range: Range }[] {
  const out: { space: number; range: Range }[] = [];
  spaces.forEach((sp, t) => {
    for (const c of sp.mappings) {
      if (c.from?.space !== s) continue;
      const src = sourceOf(c);
      const hit = src === null ? null : intersect(src, range);
      if (hit === null || src === null) continue;
      out.push({
        space: t,
        range: { base: c.base + (hit.base - src.base), sizeLog2: hit.sizeLog2 },
      });
    }
  });
  return out;
}

/** Reduces (or, with all of rwx, removes) the rights of space `s`'s mappings inside `range`. */
function revokeOwn(
  mappings: readonly Mapping[],
  s: number,
  range: Range,
  rights: number,
  out: RevokedRegion[],
): Mapping[] {
  let next: Mapping[] = [...mappings];
  for (const m of mappings) {
    const piece = intersect(m, range);
    if (piece === null) continue;
    const left = (rights & 7) === 7 ? 0 : m.rights & ~rights;
    if (left === m.rights) continue;
    out.push({ space: s, base: piece.base, sizeLog2: piece.sizeLog2, rights: m.rights, left });
    next = unmapRange(next, piece);
    if (left !== 0) next = mapRegion(next, withPart(m, piece, left));
  }
  return next;
}

/** `m` cut down to `part`, with `rights`; its source moves along. */
function withPart(m: Mapping, part: Range, rights: number): Mapping {
  const src = sourceOf(m, part);
  const piece = { base: part.base, sizeLog2: part.sizeLog2, rights };
  return src === null || m.from === undefined
    ? piece
    : { ...piece, from: { space: m.from.space, base: src.base } };
}

/**
 * Revokes `rights` from everything derived from `range` of space `s`, recursively; with `self`
 * also from `s` itself (Flush). Returns the new spaces and what changed, parents before children.
 */
export function revoke(
  spaces: readonly AddressSpace[],
  s: number,
  range: Range,
  rights: number,
  self: boolean,
): { readonly spaces: AddressSpace[]; readonly revoked: RevokedRegion[] } {
  const out: RevokedRegion[] = [];
  const next = [...spaces];
  const walk = (space: number, r: Range, own: boolean, depth: number) => {
    if ((rights & 7) === 0 || depth > MAX_DEPTH) return;
    const children = childrenOf(next, space, r);
    const sp = next[space];
    if (own && sp !== undefined) {
      next[space] = { ...sp, mappings: revokeOwn(sp.mappings, space, r, rights, out) };
    }
    for (const c of children) walk(c.space, c.range, true, depth + 1);
  };
  walk(s, range, self, 0);
  return { spaces: next, revoked: out };
}

/**
 * Applies a map or grant of `regions` (already placed by `mapFpage`) from space `s` to space `r`
 * in the database. What lands on the receiver's existing mappings replaces them, and whatever had
 * been derived from those is revoked first (`mdb_map` over an existing entry). A grant moves
 * each piece with its subtree; `flushAll` (a grant larger than the window, `ipcx.cc`) then flushes
 * the rest of the send fpage recursively.
 */
export function mdbMap(
  spaces: readonly AddressSpace[],
  s: number,
  r: number,
  regions: readonly MappedRegion[],
  grant: boolean,
  flushAll: Range | null,
): AddressSpace[] {
  let next = [...spaces];
  for (const reg of regions) {
    const dst: Range = { base: reg.dst, sizeLog2: reg.sizeLog2 };
    const src: Range = { base: reg.src, sizeLog2: reg.sizeLog2 };
    const owner = next[s]?.mappings.find((m) => contains(m, src));
    if (owner === undefined) continue;
    if (s !== r) next = revoke(next, r, dst, 7, false).spaces;
    const placed: Mapping = grant
      ? withPart(owner, src, reg.rights)
      : {
          base: dst.base,
          sizeLog2: dst.sizeLog2,
          rights: reg.rights,
          from: { space: s, base: src.base },
        };
    const mapping: Mapping = { ...placed, base: dst.base };
    if (grant) {
      next = moveChildren(next, s, src, r, dst.base);
      const from = next[s];
      if (from !== undefined) next[s] = { ...from, mappings: unmapRange(from.mappings, src) };
    }
    const to = next[r];
    if (to !== undefined) next[r] = { ...to, mappings: mapRegion(to.mappings, mapping) };
  }
  if (grant && flushAll !== null) next = revoke(next, s, flushAll, 7, true).spaces;
  return next;
}

/** Children of `src` in space `s` now come from the same addresses at `dst` in space `r`. */
function moveChildren(
  spaces: readonly AddressSpace[],
  s: number,
  src: Range,
  r: number,
  dst: bigint,
): AddressSpace[] {
  return spaces.map((sp) => {
    let changed = false;
    const mappings = sp.mappings.map((c) => {
      const from = c.from;
      if (from?.space !== s || !contains(src, { base: from.base, sizeLog2: c.sizeLog2 })) return c;
      changed = true;
      return { ...c, from: { space: r, base: dst + (from.base - src.base) } };
    });
    return changed ? { ...sp, mappings } : sp;
  });
}

/** The parent of mapping `m`: the space and mapping it was derived from, if that still exists. */
export function parentOf(
  spaces: readonly AddressSpace[],
  m: Mapping,
): { readonly space: number; readonly mapping: Mapping } | null {
  const from = m.from;
  if (from === undefined) return null;
  const parent = spaces[from.space]?.mappings.find((p) =>
    contains(p, { base: from.base, sizeLog2: 0 }),
  );
  return parent === undefined ? null : { space: from.space, mapping: parent };
}
