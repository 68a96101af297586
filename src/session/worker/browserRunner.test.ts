// The page's runner when no worker can start (a page opened from file://, a browser without module
// workers): every job, the edited text included, is run by the in-process fallback instead of
// waiting or failing; a worker that answered once and then crashes still fails what is pending.
// And the page acknowledges each part of a recording it has taken in (the worker's flow control).
import { describe, expect, it } from 'vitest';
import { BUILTIN_FILES } from '../../scenarios/builtinFiles';
import { findScenario } from '../../scenarios/builtins';
import { defaultCatalog } from '../defaultCatalog';
import { manualScheduler, memoryLocation } from '../ports';
import { createSession } from '../session';
import { browserRunner } from './browserRunner';
import type { WorkerLike } from './browserRunner';
import { inProcessRunner } from './inProcess';
import type { RecordMessage, RunRequest } from './protocol';

const callReply = findScenario('call-reply')?.source ?? '';
const request = (text: string): RunRequest => ({
  text,
  files: {},
  path: 'lessons/call-reply.c',
  maxSteps: 10_000,
});

/** A worker that posts nothing and reports an error as soon as it is asked anything. */
function erroringWorker(): WorkerLike & { started: number } {
  const w: WorkerLike & { started: number } = {
    started: 1,
    onmessage: null,
    onerror: null,
    postMessage() {
      queueMicrotask(() => {
        const event = new Event('error') as ErrorEvent;
        w.onerror?.(Object.assign(event, { message: 'module workers are not allowed' }));
      });
    },
    terminate() {},
  };
  return w;
}

const throwing = (): WorkerLike => {
  throw new Error('Failed to construct Worker: file:// URLs are not allowed');
};

describe('a worker that cannot start hands every job to the in-process runner', () => {
  it('runs a text when the constructor throws, and records answer `unavailable`', async () => {
    const runner = browserRunner({
      startWorker: throwing,
      fallback: inProcessRunner(BUILTIN_FILES),
    });
    const reply = await runner.run(request(callReply));
    expect(reply.ok).toBe(true);
    const told: RecordMessage[] = [];
    runner.record({ ...request(callReply), firstSteps: 5 }, (m) => told.push(m));
    await Promise.resolve();
    expect(told.map((m) => m.kind)).toEqual(['unavailable']);
  });

  it('answers a run pending when the worker errors before its first message, then skips the worker', async () => {
    let starts = 0;
    const runner = browserRunner({
      startWorker: () => {
        starts++;
        return erroringWorker();
      },
      fallback: inProcessRunner(BUILTIN_FILES),
    });
    const first = await runner.run(request(callReply));
    expect(first.ok).toBe(true);
    const second = await runner.run(request(callReply.replace('bad text', '')));
    expect(second.ok).toBe(true);
    expect(starts).toBe(1);
  });

  it('an edited text opened through a session with such a runner shows its new run', async () => {
    const runner = browserRunner({
      startWorker: throwing,
      fallback: inProcessRunner(BUILTIN_FILES),
    });
    const s = createSession({
      loadCatalog: () => Promise.resolve(defaultCatalog.withRunner(runner)),
      scheduler: manualScheduler(),
      location: memoryLocation('?scenario=call-reply'),
    });
    expect(await s.settled()).toBe('ready');
    const words = () => {
      const source = s.store.getState().source;
      return source === null || source === undefined
        ? ''
        : JSON.stringify(source.frame(source.length - 1), (_, v: unknown) =>
            typeof v === 'bigint' ? Number(v) : v,
          );
    };
    expect(words()).toMatch(/\b42\b/);
    const edited = callReply.replace('L4_LoadMR(1, a + b);', 'L4_LoadMR(1, a * b);');
    const result = await s.openText(edited, { id: 'draft', path: 'lessons/call-reply.c' });
    expect(result.ok).toBe(true);
    expect(words()).toMatch(/\b80\b/);
    expect(words()).not.toMatch(/\b42\b/);
    s.dispose();
  });

  it('without a fallback, a worker that errors before answering fails the run with a message', async () => {
    const runner = browserRunner({ startWorker: erroringWorker });
    const reply = await runner.run(request(callReply));
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.diagnostics[0]?.message).toMatch(/module workers are not allowed/);
  });
});

describe('parts the page takes in are acknowledged (the worker posts at most two ahead)', () => {
  it('each part but the last is answered with an ack once it is told; a cancelled one is not', () => {
    const posted: unknown[] = [];
    const order: string[] = [];
    const fake: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage(message: unknown) {
        posted.push(message);
        if (typeof message === 'object' && message !== null && 'ack' in message) order.push('ack');
      },
      terminate() {},
    };
    const runner = browserRunner({ startWorker: () => fake });
    const part = (done: boolean) =>
      ({
        kind: 'part',
        diagnostics: [],
        parts: {},
        done,
        capped: false,
      }) as unknown as RecordMessage;
    const deliver = (id: number, m: RecordMessage) =>
      fake.onmessage?.(new MessageEvent('message', { data: { id, part: m } }));
    runner.record({ ...request(callReply), firstSteps: 5 }, () => order.push('told'));
    deliver(1, part(false));
    deliver(1, part(false));
    deliver(1, part(true));
    expect(order).toEqual(['told', 'ack', 'told', 'ack', 'told']);
    expect(posted.slice(1)).toEqual([
      { id: 1, ack: true },
      { id: 1, ack: true },
    ]);
    const stop = runner.record({ ...request(callReply), firstSteps: 5 }, () => stop());
    deliver(2, part(false));
    expect(posted.slice(3)).toEqual([expect.objectContaining({ id: 2 }), { id: 2, cancel: true }]);
  });
});
