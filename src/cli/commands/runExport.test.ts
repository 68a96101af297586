// The page's "Trace (JSON)" export and `cli run` print one serializer's bytes: the trace of a lesson
// opened as the page opens it (the session's catalog, its frame source) equals what `cli run <id>`
// writes, byte for byte (src/scenarios/traceWriter.ts).
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../session/defaultCatalog';
import { runCli } from '../runCli';

describe("the page's trace export", () => {
  for (const id of ['call-reply', 'deadlock', 'memory-alloc-free', 'rendezvous-sender-first']) {
    it(`of ${id} is the bytes cli run ${id} prints`, async () => {
      const opened = await defaultCatalog.open(id);
      if (!opened.ok) throw new Error(opened.message);
      const exported = opened.source.traceText?.();
      const cli = runCli(['run', id]);
      expect(cli.code).toBe(0);
      expect(exported).toBe(cli.stdout);
      expect(JSON.parse(exported ?? '')).toMatchObject({ format: 'rendezvous-trace', version: 1 });
    });
  }
});
