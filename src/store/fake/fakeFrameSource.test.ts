import { describe, expect, it } from 'vitest';
import { fakeFrameSource } from './fakeFrameSource';

describe('fakeFrameSource', () => {
  it('a Call copies the request into the server and the reply back, as the chart says', () => {
    const source = fakeFrameSource({ threads: 3 });
    const call = source.frame(3);
    const server = call.threads.find((t) => t.name === 'memserver');
    const client = call.threads.find((t) => t.name === 'client1');
    expect(server?.registers.mrs.slice(0, 4)).toEqual(client?.registers.mrs.slice(0, 4));
    expect(server?.registers.tag.u).toBe(3);
    expect(server?.registers.changed).toEqual([0, 2]);
    expect(server?.registers.fieldNames).toEqual(['op', 'size', 'addr']);
    expect(client?.stateLabel).toBe('waiting for the reply from memserver');
    const reply = source.frame(5);
    const after = reply.threads.find((t) => t.name === 'client1');
    expect(after?.registers.mrs[1]).toBe(0x100000n);
    expect(after?.registers.tag.u).toBe(1);
    expect(reply.heap?.blocks).toEqual([{ start: 0x100000n, size: 0x1000n, owner: 'client1' }]);
  });

  it('the current line of a thread lies inside its own code', () => {
    const source = fakeFrameSource({ threads: 4, steps: 60 });
    for (let i = 0; i < source.length; i += 7) {
      for (const t of source.frame(i).threads) {
        const meta = source.meta.threads.find((m) => m.name === t.name);
        expect(meta).toBeDefined();
        if (!meta || t.currentLine === null) continue;
        expect(t.currentLine).toBeGreaterThanOrEqual(meta.firstLine);
        expect(t.currentLine).toBeLessThan(meta.firstLine + meta.lines.length);
        expect(source.sourceText.split('\n')[t.currentLine - 1]).toBe(
          meta.lines[t.currentLine - meta.firstLine],
        );
      }
    }
  });

  it('every frame of a 16-thread, 10,000-step run is reachable directly and the same twice', () => {
    const source = fakeFrameSource({ threads: 16, steps: 10_000 });
    expect(source.frame(9_999).threads).toHaveLength(16);
    expect(source.frame(7_777)).toEqual(
      fakeFrameSource({ threads: 16, steps: 10_000 }).frame(7_777),
    );
    expect(source.frame(9_999).outcome).toEqual({ kind: 'max-steps' });
  });
});
