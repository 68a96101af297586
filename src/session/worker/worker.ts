// The scenario worker: compiles and records off the page's thread. Each message is a RunRequest
// with an id; the answer is the RunReply with the same id. Started by browserRunner.ts.
import { BUILTIN_FILES } from '../../scenarios/builtinFiles';
import type { RunRequest } from './protocol';
import { runJob } from './runJob';

interface Job {
  readonly id: number;
  readonly request: RunRequest;
}

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<Job>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (event) => {
  const { id, request } = event.data;
  try {
    scope.postMessage({ id, reply: runJob(request, BUILTIN_FILES) });
  } catch (error) {
    const message = `internal error while recording: ${error instanceof Error ? error.message : String(error)}`;
    scope.postMessage({
      id,
      reply: {
        ok: false,
        diagnostics: [{ line: 1, column: 1, endColumn: 2, severity: 'error', message }],
      },
    });
  }
};
