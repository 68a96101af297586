import { describe, expect, it } from 'vitest';
import { stateKindOf, stateLabel, stateMeta, stateSymbol, withArticle } from './stateWords';
import { threadMachine } from './threadMachine';
import { THREAD_STATES } from './threadStates';

describe('the thread machine owns its words', () => {
  it('every state node carries a label and a short label in meta', () => {
    const paths: string[] = [];
    const walk = (node: typeof threadMachine.root, prefix: string): void => {
      for (const [key, child] of Object.entries(node.states)) {
        const path = prefix ? `${prefix}.${key}` : key;
        paths.push(path);
        walk(child, path);
      }
    };
    walk(threadMachine.root, '');
    expect(paths.length).toBeGreaterThan(THREAD_STATES.length);
    for (const path of paths) {
      const meta = stateMeta(path);
      expect(meta.label.length, path).toBeGreaterThan(0);
      expect(meta.short.length, path).toBeGreaterThan(0);
    }
  });

  it('each top-level state has a badge symbol and a distinct chart cell', () => {
    const cells = new Set<string>();
    for (const kind of ['ready', 'running', 'sending', 'receiving', 'halted'] as const) {
      const meta = stateMeta(kind);
      expect(meta.symbol).toBeTruthy();
      expect(meta.chart).toBeDefined();
      cells.add(String(meta.chart));
    }
    expect(cells.size).toBe(5);
  });

  it('labels a leaf by its mode and its armed timeout', () => {
    expect(stateLabel('receiving.open.timed')).toBe('open receive (timeout armed)');
    expect(stateLabel('receiving.reply.forever')).toBe('waiting for the reply');
    expect(stateLabel('sending.timed')).toBe('blocked sending (timeout armed)');
    expect(stateLabel('halted')).toBe('halted');
    expect(stateKindOf('receiving.closed.forever')).toBe('receiving');
    expect(stateSymbol('running')).toBe('●');
    expect(withArticle('any-local receive')).toBe('an any-local receive');
    expect(withArticle('closed receive')).toBe('a closed receive');
  });

  it('throws on a path that is not a state of the machine', () => {
    expect(() => stateMeta('receiving.nowhere')).toThrow();
  });
});
