import { describe, expect, it } from 'vitest';
import { keyCommand as stepKeyAction } from './keys';

const body = { tagName: 'BODY' };

describe('stepKeyAction', () => {
  it('maps the step keys the help overlay lists (→ Space ← Home End k ?)', () => {
    expect(
      ['ArrowRight', ' ', 'ArrowLeft', 'Home', 'End', 'k', '?'].map((k) => stepKeyAction(k, body)),
    ).toEqual(['next', 'next', 'prev', 'first', 'last', 'togglePlay', 'help']);
    expect(stepKeyAction('q', body)).toBeNull();
    expect(stepKeyAction('x', body)).toBe('export');
  });

  it('leaves typing alone, Space to buttons and arrows to the scrubber', () => {
    expect(stepKeyAction('k', { tagName: 'INPUT', type: 'text' })).toBeNull();
    expect(stepKeyAction('ArrowRight', { tagName: 'TEXTAREA' })).toBeNull();
    expect(stepKeyAction('ArrowLeft', { tagName: 'SELECT' })).toBeNull();
    expect(stepKeyAction(' ', { tagName: 'BUTTON' })).toBeNull();
    expect(stepKeyAction('ArrowRight', { tagName: 'BUTTON' })).toBe('next');
    expect(stepKeyAction('ArrowRight', { tagName: 'INPUT', type: 'range' })).toBeNull();
    expect(stepKeyAction('k', { tagName: 'INPUT', type: 'range' })).toBe('togglePlay');
    expect(stepKeyAction(' ', { tagName: 'g', role: 'button' })).toBeNull();
    expect(
      stepKeyAction('ArrowRight', { tagName: 'g', role: 'listitem', ownsKeys: true }),
    ).toBeNull();
    expect(stepKeyAction('k', { tagName: 'g', role: 'listitem', ownsKeys: true })).toBe(
      'togglePlay',
    );
  });
});
