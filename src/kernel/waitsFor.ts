/**
 * Who waits for whom when nothing can run: "client_a and client_b wait for a reply from
 * scheduler, which waits in an open receive for a sender that will never come".
 */
import type { Thread, World } from './types';

function listNames(names: readonly string[]): string {
  return names.length <= 1
    ? names.join('')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/** What a blocked thread waits for, as a verb phrase (plural when `many`), and its partner. */
function waitPhrase(
  t: Thread,
  world: World,
  many: boolean,
): { text: string; partner: string | null } {
  const partner = t.wait?.partner;
  const p =
    partner === null || partner === undefined ? null : (world.threads[partner]?.name ?? null);
  const s = many ? '' : 's';
  const timed = t.state.endsWith('.timed') ? ' (its timeout is still armed)' : '';
  if (t.state.startsWith('sending'))
    return { text: `wait${s} to send to ${p ?? 'its partner'}${timed}`, partner: p };
  const mode = t.state.split('.')[1];
  if (mode === 'reply')
    return { text: `wait${s} for a reply from ${p ?? 'its partner'}${timed}`, partner: p };
  if (mode === 'closed')
    return {
      text: `wait${s} to receive from ${p ?? 'its partner'}, which will never send${timed}`,
      partner: p,
    };
  const which = mode === 'anyLocal' ? 'an any-local' : 'an open';
  return {
    text: `wait${s} in ${which} receive for a sender that will never come${timed}`,
    partner: null,
  };
}

/** The threads left waiting, grouped by what they wait for; null when none is blocked. */
export function whoWaitsForWhom(world: World, names: readonly string[]): string | null {
  const threads = names.flatMap((n) =>
    world.threads.filter(
      (t) => t.name === n && t.state !== 'ready' && t.state !== 'running' && t.state !== 'halted',
    ),
  );
  if (threads.length === 0) return null;
  const groups = new Map<string, Thread[]>();
  for (const t of threads) {
    const key = waitPhrase(t, world, false).text;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  const done = new Set<string>();
  const clauses: string[] = [];
  for (const group of groups.values()) {
    const first = group[0];
    if (first === undefined || done.has(first.name)) continue;
    for (const t of group) done.add(t.name);
    const w = waitPhrase(first, world, group.length > 1);
    let clause = `${listNames(group.map((t) => t.name))} ${w.text}`;
    // The partner waits too, on its own: say so in the same sentence.
    const partner =
      w.partner === null ? undefined : world.threads.find((t) => t.name === w.partner);
    if (partner !== undefined && !done.has(partner.name) && threads.includes(partner)) {
      const alone = [...groups.values()].find((g) => g.includes(partner));
      if (alone?.length === 1) {
        done.add(partner.name);
        clause += `, which ${waitPhrase(partner, world, false).text}`;
      }
    }
    clauses.push(clause);
  }
  return clauses.join('; ');
}
