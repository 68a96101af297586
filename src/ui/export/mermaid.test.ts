// The Mermaid export parses with Mermaid's own parser (the `mermaid` package, a dev dependency) and
// has one arrow per IPC the chart draws: a `->>` per delivered transfer, as many as the trace's
// `ipc.transfer` events, and one line per queued send, failed IPC and ThreadSwitch.
import mermaid from 'mermaid';
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../session/defaultCatalog';
import { arrowKind, mermaidText, messagesUpTo, MERMAID_ARROWS, sequenceDiagram } from './mermaid';

async function lesson(id: string) {
  const opened = await defaultCatalog.open(id);
  if (!opened.ok) throw new Error(opened.message);
  const { source } = opened;
  const messages = messagesUpTo(source, source.length - 1);
  const names = source.frame(0).threads.map((t) => t.name);
  const trace = JSON.parse(source.traceText?.() ?? '{}') as { events: { kind: string }[] };
  return { source, messages, names, trace };
}

const arrowLines = (text: string) => text.split('\n').filter((l) => /^ {2}t\d+-/.test(l));

describe('the chart as Mermaid text', () => {
  for (const id of [
    'call-reply',
    'timeouts',
    'map-grant',
    'rendezvous-sender-first',
    'scheduler',
  ]) {
    it(`of ${id} parses and has one arrow per transfer`, async () => {
      const { source, messages, names, trace } = await lesson(id);
      const text = sequenceDiagram(source.meta.title, names, messages);
      await expect(mermaid.parse(text)).resolves.toMatchObject({ diagramType: 'sequence' });
      const lines = arrowLines(text);
      expect(lines).toHaveLength(messages.length);
      const transfers = lines.filter((l) => /^ {2}t\d+->>t\d+: /.test(l));
      expect(transfers).toHaveLength(trace.events.filter((e) => e.kind === 'ipc.transfer').length);
      expect(transfers.length).toBeGreaterThan(0);
      messages.forEach((m, i) => {
        expect(lines[i]).toContain(MERMAID_ARROWS[arrowKind(m)]);
        expect(lines[i]).toContain(`#35;${m.step} `);
      });
      for (const name of names) expect(text).toContain(` as ${mermaidText(name)}\n`);
    });
  }

  it('writes what Mermaid would read as syntax as entity codes', async () => {
    expect(mermaidText('a;b#c: d\ne')).toBe('a#59;b#35;c#58; d e');
    const text = sequenceDiagram('x; y', ['a:b', 'c'], []);
    await expect(mermaid.parse(text)).resolves.toBeTruthy();
  });

  it('a broken line is what the parser rejects (the test above can fail)', async () => {
    await expect(mermaid.parse('sequenceDiagram\n  t0->>>t1 oops\n')).rejects.toThrow();
  });
});
