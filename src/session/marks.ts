// Named moments of a page load, for `npm run bench` (bench/firstFrame.ts reads them with
// `performance.getEntriesByType('mark')`): the app's first module runs, the catalog chunk is in,
// a recording is asked for, its first part comes, the page's own compile; and, from the times the
// scenario worker sends with a preview, when its script had run and its compile, record and views. Nothing reads them in
// the app; where `performance.mark` does not exist (old hosts, some test runners) nothing happens.

/** The marks the page sets, in the order a first load reaches them. */
export const MARK = {
  main: 'rendezvous:main',
  catalog: 'rendezvous:catalog',
  recordAsked: 'rendezvous:record-asked',
  firstPart: 'rendezvous:first-part',
  compileStart: 'rendezvous:compile-start',
  compileEnd: 'rendezvous:compile-end',
  shown: 'rendezvous:shown',
  /** In the scenario worker (its clock, put on the page's): its script has run. */
  workerReady: 'rendezvous:worker-ready',
  /** The worker has compiled and recorded a preview's steps, and made their views. */
  workerRecorded: 'rendezvous:worker-recorded',
  workerViewed: 'rendezvous:worker-viewed',
} as const;

const seen = new Set<string>();

/** Sets mark `name` once per page (a load's figures, not a later open's). */
export function mark(name: (typeof MARK)[keyof typeof MARK], at?: number): void {
  if (
    seen.has(name) ||
    typeof performance === 'undefined' ||
    typeof performance.mark !== 'function'
  )
    return;
  seen.add(name);
  performance.mark(name, at === undefined ? undefined : { startTime: at });
}

/**
 * `epochMs` (a time another thread took: `performance.timeOrigin + performance.now()` there) on
 * this page's clock, for `mark`.
 */
export function onThisClock(epochMs: number): number {
  return epochMs - performance.timeOrigin;
}
