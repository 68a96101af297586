import { describe, expect, it } from 'vitest';
import { lessonSource } from './testSupport/lessonSource';
import type { FrameSource, MessageView } from './viewModel';

function allMessages(src: FrameSource): MessageView[] {
  return Array.from({ length: src.length }, (_, i) => src.summary(i).messages).flat();
}

describe('the chart messages of a step', () => {
  it('a typed transfer is labelled by what its item does: map, grant', () => {
    const labels = allMessages(lessonSource('map-grant'))
      .filter((m) => m.tag.t > 0)
      .map((m) => m.label);
    expect(labels).toEqual(['map', 'grant']);
  });

  it('scheduler-as-written: each ThreadSwitch to a blocked client is an event arrow, a yield', () => {
    const src = lessonSource('scheduler-as-written');
    const switches = allMessages(src).filter((m) => m.threadSwitch !== undefined);
    expect(switches.map((m) => [m.from, m.to, m.threadSwitch])).toEqual([
      ['scheduler', 'editor', 'yield'],
      ['scheduler', 'compiler', 'yield'],
      ['scheduler', 'player', 'yield'],
    ]);
    // It is not a transfer: the registers panel does not show it as one.
    const at = switches[0]?.step ?? 0;
    expect(src.frame(at).changes.transfer).toBeNull();
  });
});
