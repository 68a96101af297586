// How long a recorded run may be, in a module of its own (it imports nothing): the page's first
// chunk reads these without the compiler and the kernel that runner.ts brings.
/** Steps a run may take unless told otherwise. */
export const DEFAULT_MAX_STEPS = 100_000;

/**
 * The most steps a recorded run keeps (about 0.5 KB each for a simple loop, more with many
 * threads): a larger `maxSteps` is cut to this and the run ends with `max-steps` and
 * `recordLimitMessage`, long before memory runs out. `cli run` streams instead and is not bound.
 */
export const MAX_RECORDED_STEPS = 1_000_000;

/** Why a run stopped at MAX_RECORDED_STEPS. */
export const recordLimitMessage = (): string =>
  `The run was stopped after ${MAX_RECORDED_STEPS.toLocaleString('en-US')} steps: a recorded run keeps at most that many (the command line, cli run, streams longer runs).`;
