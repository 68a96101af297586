import { describe, expect, it } from 'vitest';
import { busyPerClick, CLICK_MARK, END_MARK } from './busyTime';
import type { TraceEvent } from './busyTime';

const main = { pid: 1, tid: 1 };
const x = (name: string, ts: number, dur: number, where = main): TraceEvent => ({
  name,
  ph: 'X',
  ts,
  dur,
  ...where,
});
const mark = (message: string, ts: number, where = main): TraceEvent => ({
  name: 'TimeStamp',
  ph: 'I',
  ts,
  ...where,
  args: { data: { message } },
});

describe('main-thread busy time per click, from a trace', () => {
  // Times in µs, as Chrome writes them. Two clicks, 10 ms apart; the second ends at 20 ms.
  const events: TraceEvent[] = [
    x('RunTask', 0, 9000),
    x('TimerFire', 0, 4000), // the click's task: 4 ms, of which 1 ms is a forced layout
    mark(CLICK_MARK, 100),
    x('FunctionCall', 200, 3000),
    x('EventDispatch', 300, 2500),
    x('Layout', 1000, 1000),
    x('UpdateLayoutTree', 5000, 500), // the frame: style, layout, paint
    x('Layout', 5500, 1500),
    x('Paint', 7000, 1000),
    x('Commit', 8000, 1000),
    x('UpdateLayer', 8200, 300), // inside Commit: counted once
    x('Layerize', 8000, 0),
    mark(CLICK_MARK, 10_000),
    x('TimerFire', 9900, 200), // straddles the marker: 0.1 ms before, 0.1 ms after
    x('Paint', 12_000, 2000, { pid: 2, tid: 2 }), // another page's thread
    x('ThreadControllerImpl::RunTask', 15_000, 4000), // unknown: counts nothing itself
    { name: 'UpdateLayoutTree', ph: 'B', ts: 16_000, ...main },
    { name: 'UpdateLayoutTree', ph: 'E', ts: 17_000, ...main },
    mark(END_MARK, 20_000),
    x('FunctionCall', 21_000, 5000), // after the end
  ];

  it('counts each event’s self time in its category, nested events once, cut at the markers', () => {
    const [first, second] = busyPerClick(events, 'wall');
    // Scripting: the 4 ms task, less 0.1 ms before the marker and the 1 ms forced layout, and
    // 0.1 ms of the next click's task before its marker.
    expect(first?.scripting).toBeCloseTo(3);
    expect(first?.layout).toBeCloseTo(2.5);
    expect(first?.style).toBeCloseTo(0.5);
    expect(first?.paint).toBeCloseTo(2); // Paint 1 ms, Commit 1 ms with its UpdateLayer inside
    expect(first?.total).toBeCloseTo(8);
    expect(second).toEqual({ scripting: 0.1, style: 1, layout: 0, paint: 0, total: 1.1 });
  });

  it('reads the clicked page’s thread only, and nothing without markers', () => {
    expect(busyPerClick(events, 'wall')).toHaveLength(2);
    expect(
      busyPerClick(
        events.filter((e) => e.name !== 'TimeStamp'),
        'wall',
      ),
    ).toEqual([]);
  });

  it('reads the thread clock by default: time the thread waited for a core is not work', () => {
    const onThread: TraceEvent[] = [
      { ...mark(CLICK_MARK, 0), tts: 0 },
      // 10 ms on the wall clock, of which the thread ran 3 ms.
      { ...x('FunctionCall', 100, 10_000), tts: 50, tdur: 3000 },
      { ...x('Layout', 1000, 5000), tts: 500, tdur: 1000 },
      x('Paint', 12_000, 1000), // no thread time recorded: left out
      { ...mark(END_MARK, 20_000), tts: 5000 },
    ];
    expect(busyPerClick(onThread)).toEqual([
      { scripting: 2, style: 0, layout: 1, paint: 0, total: 3 },
    ]);
    expect(busyPerClick(onThread, 'wall')[0]?.total).toBeCloseTo(11);
  });
});
