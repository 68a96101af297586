// What `ready` and `state` report: the scenario, the step, the step count, playback and the
// display options, in the protocol's words (`auto` theme, `event` granularity, the panels shown);
// and the scenario's `//@cue` marks with the first step that reaches each.
import { PANEL_IDS } from '../store/createSimStore';
import type { SimState } from '../store/createSimStore';
import type { Cue, ViewState } from './protocol';

export function viewState(s: SimState): ViewState {
  return {
    scenario: s.scenarioId,
    step: s.cursor,
    stepCount: s.source?.length ?? 0,
    playing: s.playing,
    options: {
      theme: s.theme ?? 'auto',
      speed: s.speed,
      fontScale: s.fontScale,
      controls: s.controls,
      panels: PANEL_IDS.filter((p) => !s.hidden.includes(p)),
      granularity: s.granularity === 'kernel' ? 'event' : 'statement',
    },
  };
}

/** Each cue once, at the first step whose statement reached it. */
export function cuesOf(s: SimState): Cue[] {
  const cues: Cue[] = [];
  const seen = new Set<string>();
  const source = s.source;
  if (!source) return cues;
  for (let step = 0; step < source.length; step++) {
    for (const name of source.summary(step).cues ?? []) {
      if (seen.has(name)) continue;
      seen.add(name);
      cues.push({ name, step });
    }
  }
  return cues;
}
