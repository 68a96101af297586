// The page's runner falls back to running on the page where no worker can start (the offline
// file from file://, a throwing constructor, a worker that fails before it answers), and fails
// runs with a message when a worker that was running crashes.
import { describe, expect, it } from 'vitest';
import { BUILTIN_FILES } from '../../scenarios/builtinFiles';
import { browserRunner } from './browserRunner';
import type { WorkerLike } from './browserRunner';
import { inProcessRunner } from './inProcess';
import type { RunReply, RunnerPort, RunRequest } from './protocol';

const TEXT = BUILTIN_FILES['lessons/call-reply.c'] ?? '';
const request: RunRequest = { text: TEXT, files: {}, path: 'draft.c', maxSteps: 1000 };

/** The in-process runner, counting its runs. */
function counted(): RunnerPort & { runs: number } {
  const inner = inProcessRunner(BUILTIN_FILES);
  const port = {
    runs: 0,
    run(r: RunRequest) {
      port.runs++;
      return inner.run(r);
    },
  };
  return port;
}

/** A worker that answers with the in-process job, or fails as told. */
function fakeWorker(): WorkerLike & { posted: number; fail(message: string): void } {
  const inner = inProcessRunner(BUILTIN_FILES);
  const w = {
    posted: 0,
    onmessage: null as WorkerLike['onmessage'],
    onerror: null as WorkerLike['onerror'],
    postMessage(message: { id: number; request: RunRequest }) {
      w.posted++;
      void inner.run(message.request).then((reply) => {
        w.onmessage?.({ data: { id: message.id, reply } } as MessageEvent<{
          id: number;
          reply: RunReply;
        }>);
      });
    },
    terminate() {},
    fail(message: string) {
      w.onerror?.({ message, preventDefault() {} } as ErrorEvent);
    },
  };
  return w;
}

describe('the browser runner', () => {
  it('runs on the page when no worker can start (file://, no Worker, a throwing constructor)', async () => {
    const fallback = counted();
    const runner = browserRunner(fallback, () => null);
    const reply = await runner.run(request);
    expect(reply.ok).toBe(true);
    await runner.run(request);
    expect(fallback.runs).toBe(2);
  });

  it('uses the worker when it starts, and the page never', async () => {
    const fallback = counted();
    const worker = fakeWorker();
    const runner = browserRunner(fallback, () => worker);
    expect((await runner.run(request)).ok).toBe(true);
    expect(worker.posted).toBe(1);
    expect(fallback.runs).toBe(0);
  });

  it('re-runs on the page what a worker that failed to start was given, and all after', async () => {
    const fallback = counted();
    const never: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage() {},
      terminate() {},
    };
    const runner = browserRunner(fallback, () => never);
    const first = runner.run(request);
    never.onerror?.({ message: '', preventDefault() {} } as ErrorEvent);
    expect((await first).ok).toBe(true);
    expect((await runner.run(request)).ok).toBe(true);
    expect(fallback.runs).toBe(2);
  });

  it('fails the pending runs with a message when a running worker crashes', async () => {
    const fallback = counted();
    const worker = fakeWorker();
    const runner = browserRunner(fallback, () => worker);
    await runner.run(request);
    worker.postMessage = () => {};
    const pending = runner.run(request);
    worker.fail('out of memory');
    const reply = await pending;
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.diagnostics[0]?.message).toContain('out of memory');
    expect(fallback.runs).toBe(0);
  });
});
