// Which thread columns the threads panel shows when not all fit: the thread on the CPU always, then
// the threads most recently on the CPU or picked, then the rest in order, up to `fit`, listed in
// the threads' own order (so a column does not jump sideways when another thread runs).
export function shownThreads(
  threads: readonly string[],
  running: string | null,
  recent: readonly string[],
  fit: number,
): readonly string[] {
  if (threads.length <= fit) return threads;
  const chosen = new Set<string>();
  for (const name of [running, ...recent, ...threads]) {
    if (chosen.size >= fit) break;
    if (name !== null && threads.includes(name)) chosen.add(name);
  }
  return threads.filter((t) => chosen.has(t));
}

/**
 * The thread that ran last before `cursor`, looking back at most `steps` frames: who the columns
 * should keep when the CPU is idle (a deadlock at the end, all threads blocked on timeouts) and
 * the page jumped there, so no thread was seen on the CPU on the way.
 */
export function ranLast(
  frame: (index: number) => { readonly running: string | null },
  cursor: number,
  steps = 8,
): string | null {
  for (let i = cursor - 1; i >= Math.max(0, cursor - steps); i--) {
    const running = frame(i).running;
    if (running !== null) return running;
  }
  return null;
}
