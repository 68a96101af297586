/**
 * `L4_Unmap(control)` (Pistachio `kernel/src/api/v4/space.cc`, `sys_unmap`): for each fpage in
 * MR0..MRk (k = control & 0x3f), revoke its rights from every mapping derived from it, recursively
 * (`space_t::unmap_fpage` → `mdb_flush`); with the flush bit (control bit 6, `L4_Flush`) also from
 * the caller's own mappings. Each MR gets the fpage back with its access bits; the model tracks no
 * accesses, so they read 0. x86 I/O fpages (`is_archpage`) are not modelled and change nothing.
 */
import { fpageIsIo, fpageRights } from './abi/fpage';
import type { Word } from './abi/word';
import type { Draft } from './draft';
import { fpageRange } from './mapping';
import { revoke } from './mdb';
import type { RevokedRegion } from './mdb';
import type { ThreadIndex } from './types';

export function sysUnmap(k: Draft, t: ThreadIndex, control: Word): void {
  const thread = k.thread(t);
  const count = Number(control & 0x3fn) + 1;
  const flush = (control & 0x40n) !== 0n;
  const fpages = thread.utcb.mrs.slice(0, count);
  const revoked: RevokedRegion[] = [];
  let spaces = k.spaces;
  for (const f of fpages) {
    if (fpageIsIo(f)) continue;
    const r = revoke(spaces, thread.space, fpageRange(f, k.abi), fpageRights(f), flush);
    spaces = r.spaces;
    revoked.push(...r.revoked);
  }
  if (revoked.length > 0) k.spaces = spaces;
  const mrs = thread.utcb.mrs.slice();
  fpages.forEach((f, i) => (mrs[i] = f & ~7n));
  k.update(t, { utcb: { ...thread.utcb, mrs }, resume: { kind: 'unmap' } });
  k.emit({
    kind: 'unmap',
    thread: thread.name,
    fpages,
    flush,
    revoked: revoked.map((r) => ({ ...r, space: k.spaces[r.space]?.name ?? String(r.space) })),
  });
}
