// Page-side code the browser benches run, as text (tsx's name-keeping helpers do not exist in the
// page): a painted frame, and a series of scrubber jumps timed from input to painted frame.

/** Resolves with the time once the next frame is painted (a message posted in its rAF). */
export const PAINTED = `() => new Promise((resolve) => requestAnimationFrame(() => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => resolve(performance.now());
  channel.port2.postMessage(null);
}))`;

/** Sets the scrubber to each of `steps`; resolves with each input-to-paint time in ms. */
export const jumpScript = (steps: readonly number[]): string => `(async () => {
  const painted = ${PAINTED};
  const range = document.querySelector('[data-testid="controls.scrubber"]');
  if (!range) throw new Error('no scrubber');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const times = [];
  for (const step of ${JSON.stringify(steps)}) {
    const start = performance.now();
    setValue.call(range, String(step));
    range.dispatchEvent(new Event('input', { bubbles: true }));
    times.push((await painted()) - start);
    await new Promise((r) => setTimeout(r, 10));
  }
  return times;
})()`;
