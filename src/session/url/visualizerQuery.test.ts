import { describe, expect, it } from 'vitest';
import { readVisualizerQuery, visualizerUpdates } from './visualizerQuery';

describe('readVisualizerQuery', () => {
  it('reads scenario, step and the view options', () => {
    expect(
      readVisualizerQuery(
        '?scenario=call-reply&step=7&animate=0&by=kernel&hide=decoder,servers&speed=4',
      ),
    ).toEqual({
      scenario: 'call-reply',
      step: 7,
      animate: false,
      granularity: 'kernel',
      hidden: ['servers', 'decoder'],
      speed: 4,
      test: false,
    });
  });

  it('hostile or odd values fall back, a non-number step is NaN (reported, not fatal)', () => {
    const q = readVisualizerQuery(
      `?step=-3&speed=1e9&hide=<script>&by=nope&scenario=${'x'.repeat(500)}`,
    );
    expect(Number.isNaN(q.step)).toBe(true);
    expect(q).toMatchObject({ speed: null, hidden: [], granularity: 'statement', animate: true });
    expect(q.scenario?.length).toBe(200);
    expect(readVisualizerQuery('').scenario).toBeNull();
    expect(readVisualizerQuery('?step=').step).toBeNull();
  });

  it('writes back only what differs from the defaults', () => {
    expect(
      visualizerUpdates({ scenario: 'deadlock', step: 3, granularity: 'statement', hidden: [] }),
    ).toEqual({
      scenario: 'deadlock',
      step: '3',
      by: null,
      hide: null,
    });
  });
});
