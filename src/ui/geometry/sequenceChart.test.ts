import { describe, expect, it } from 'vitest';
import type { ChartSlice } from '../../store/chartHistory';
import type { MessageView } from '../../store/viewModel';
import { rowsFor, textSpan } from './chartLabels';
import { chartGeometry } from './sequenceChart';

const tag = { raw: 0x30n, label: 0n, u: 3, t: 0, flags: 0 };
const msg = (
  step: number,
  from: string,
  to: string,
  extra: Partial<MessageView> = {},
): MessageView => ({
  step,
  from,
  to,
  tag,
  label: 'MEM',
  failed: false,
  error: null,
  queued: false,
  ...extra,
});
const slice = (
  messages: MessageView[],
  blocked: ChartSlice['blocked'] = [],
  step = 10,
): ChartSlice => ({
  messages,
  total: messages.length,
  blocked,
  fromStep: 0,
  step,
  first: 0,
});
const options = { width: 600, fontSize: 15, rowHeight: 36 };

describe('chartGeometry', () => {
  it('draws one arrow per message, a row each, from the sender lifeline to the receiver lifeline', () => {
    const g = chartGeometry(
      ['client', 'memserver'],
      slice([msg(3, 'client', 'memserver'), msg(5, 'memserver', 'client')]),
      options,
    );
    const [call, reply] = g.arrows;
    expect(g.arrows).toHaveLength(2);
    expect(call?.x1).toBe(g.lanes.x('client'));
    expect(call?.x2).toBe(g.lanes.x('memserver'));
    expect(reply!.y - call!.y).toBeCloseTo(36);
    // The head points at the receiver: its tip is at the receiver's side of the bar.
    expect(call?.head.startsWith(`M${call.x2 - g.barWidth / 2},${call.y}`)).toBe(true);
    expect(reply?.head.startsWith(`M${reply.x2 + g.barWidth / 2},${reply.y}`)).toBe(true);
    expect(call?.label.anchor).toBe('middle');
  });

  it('a blocked period becomes a bar from its first step to its last, an ongoing one to the now line', () => {
    const g = chartGeometry(
      ['client', 'memserver'],
      slice(
        [msg(3, 'client', 'memserver'), msg(5, 'memserver', 'client')],
        [
          { thread: 'client', kind: 'receiving', from: 3, to: 5 },
          { thread: 'memserver', kind: 'receiving', from: 5, to: null },
        ],
      ),
      options,
    );
    const [waitReply, waitNext] = g.bars;
    expect(waitReply?.y).toBeCloseTo(g.arrows[0]!.y);
    expect(waitReply!.y + waitReply!.height).toBeCloseTo(g.arrows[1]!.y);
    expect(waitReply?.x).toBeCloseTo(g.lanes.x('client') - g.barWidth / 2);
    expect(waitNext?.open).toBe(true);
    expect(waitNext!.y + waitNext!.height).toBeCloseTo(g.nowY);
  });

  it("a failed receive is a mark on the receiver's lifeline, with no arrow from the partner", () => {
    for (const from of ['impatient', 'sleeper']) {
      const g = chartGeometry(
        ['impatient', 'sleeper'],
        slice([msg(2, from, 'impatient', { failed: true, error: 'receive phase: timeout' })]),
        options,
      );
      const [mark] = g.arrows;
      const x = g.lanes.x('impatient');
      expect(mark).toMatchObject({ x1: x, x2: x, d: '', head: '' });
      expect(mark?.label.anchor).toBe('start');
      expect(mark?.cross?.x).toBe(x);
      expect(mark?.label.x).toBeGreaterThan(x);
    }
  });

  it('a label sits in the widest gap between the lifelines it spans, not on one', () => {
    const g = chartGeometry(
      ['app', 'logger', 'memserver'],
      slice([msg(2, 'app', 'memserver')]),
      options,
    );
    const [arrow] = g.arrows;
    const xs = g.lanes.lanes.map((l) => l.x);
    for (const x of xs) expect(Math.abs((arrow?.label.x ?? 0) - x)).toBeGreaterThan(20);
    expect(arrow?.label.x).toBeGreaterThan(xs[0] ?? 0);
    expect(arrow?.label.x).toBeLessThan(xs[2] ?? 0);
  });

  it('draws the IPCs to come below the now line, marked as ahead', () => {
    const g = chartGeometry(['a', 'b'], slice([msg(3, 'a', 'b')]), {
      ...options,
      ahead: [msg(12, 'b', 'a'), msg(14, 'a', 'b')],
    });
    expect(g.arrows.map((a) => a.ahead)).toEqual([false, true, true]);
    expect(g.arrows[1]?.y).toBeGreaterThan(g.nowY);
    expect(g.arrows[2]?.y).toBeGreaterThan(g.arrows[1]?.y ?? 0);
    expect(g.height).toBeGreaterThan((g.arrows[2]?.y ?? 0) - g.offset);
  });

  it('a message keeps its y when the window slides past older ones (shown shifted up by the offset)', () => {
    const a = msg(3, 'a', 'b');
    const b = msg(5, 'b', 'a');
    const before = chartGeometry(['a', 'b'], slice([a, b]), options);
    const after = chartGeometry(['a', 'b'], { ...slice([b, msg(7, 'a', 'b')]), first: 1 }, options);
    expect(after.arrows[0]?.y).toBe(before.arrows[1]?.y);
    expect(after.offset).toBe(36);
    expect(after.nowY - after.offset).toBeCloseTo(before.nowY);
  });

  it('grows with the messages and keeps room for the header names', () => {
    const one = chartGeometry(['a', 'b', 'c'], slice([msg(1, 'a', 'b')]), options);
    const three = chartGeometry(
      ['a', 'b', 'c'],
      slice([msg(1, 'a', 'b'), msg(2, 'b', 'c'), msg(3, 'c', 'a')]),
      options,
    );
    expect(three.height - one.height).toBeCloseTo(2 * 36);
    expect(one.arrows[0]!.y).toBeGreaterThan(one.top);
  });

  it('no label or stamp covers a lifeline or its bar, even when the words are longer than the gap', () => {
    const names = ['app', 'memserver', 'logger', 'pager', 'sigma0'];
    const long = { label: 'MEM_ALLOC_WITH_A_VERY_LONG_PROTOCOL_NAME' };
    const g = chartGeometry(
      names,
      slice([
        msg(2, 'app', 'memserver', { ...long, time: 6 }),
        msg(3, 'memserver', 'sigma0', { ...long, time: 12 }),
        msg(4, 'pager', 'pager', { ...long, time: 1005 }),
        msg(5, 'logger', 'logger', { failed: true, error: 'receive phase: timeout', time: 2005 }),
      ]),
      { ...options, width: 640 },
    );
    const xs = g.lanes.lanes.map((l) => l.x);
    for (const a of g.arrows)
      for (const t of [a.label, a.stamp]) {
        const [l, r] = textSpan(t);
        for (const x of xs) {
          const clear = r < x - g.barWidth / 2 || l > x + g.barWidth / 2;
          expect(clear, `${t.text} [${l}, ${r}] over the lifeline at ${x}`).toBe(true);
        }
        expect(r).toBeLessThanOrEqual(g.width);
      }
  });

  it('each arrow is stamped with its step number and time', () => {
    const g = chartGeometry(['a', 'b'], slice([msg(14, 'a', 'b', { time: 1005 })]), options);
    expect(g.arrows[0]?.stamp.text).toBe('#14 · 1005 µs');
    expect(g.arrows[0]?.label.text).toBe('MEM · u=3 t=0');
  });

  it('a clock jump between two rows (6 µs → 1005 µs, a timeout) breaks the time axis there', () => {
    const g = chartGeometry(
      ['impatient', 'sleeper'],
      slice([
        msg(3, 'impatient', 'sleeper', { time: 4 }),
        msg(4, 'sleeper', 'impatient', { time: 6 }),
        msg(9, 'impatient', 'impatient', {
          failed: true,
          error: 'receive phase: timeout',
          time: 1005,
        }),
      ]),
      options,
    );
    expect(g.jumps).toHaveLength(1);
    const [jump] = g.jumps;
    expect(jump?.text).toBe('⋯ +999 µs');
    // Between the 6 µs row and the 1005 µs row, left of every lifeline.
    expect(jump!.y).toBeGreaterThan(g.arrows[1]!.y);
    expect(jump!.y).toBeLessThan(g.arrows[2]!.y);
    expect(jump!.x).toBeLessThan(Math.min(...g.lanes.lanes.map((l) => l.x)));
  });

  it('as many rows as the height holds', () => {
    // Seven rows, the stamp's 0.6 of a row under the last and the pad of 0.6 of the font.
    const seven = 36 * 7 + 0.6 * 36 + 0.6 * 15;
    expect(rowsFor(seven, 15, 36)).toBe(7);
    expect(rowsFor(seven - 1, 15, 36)).toBe(6);
    expect(rowsFor(20, 15, 36)).toBe(2);
  });
});
