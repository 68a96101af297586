// What the main thread asks the scenario worker and what it answers: a scenario's text and files
// in, its diagnostics and its recorded trace (as plain data, `TraceParts`) out. The worker
// (worker.ts) and the in-process runner the tests use (inProcess.ts) both answer with `runJob`.
import type { Abi } from '../../kernel/abi/word';
import type { TraceParts } from '../../kernel/index';
import type { Diagnostic, FileMap } from '../../lang';

export interface RunRequest {
  readonly text: string;
  /** The scenario's own files, read before the built-ins by its `#include`s. */
  readonly files: FileMap;
  /** Its path among them (`draft.c`, `lessons/call-reply.c`). */
  readonly path: string;
  /** The step cap. */
  readonly maxSteps: number;
  readonly abi?: Abi;
}

export type RunReply =
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] }
  | {
      readonly ok: true;
      /** Warnings. */
      readonly diagnostics: readonly Diagnostic[];
      readonly parts: TraceParts;
      /** The run stopped at the step cap (it did not finish, go idle or deadlock). */
      readonly capped: boolean;
    };

/** Something that compiles and records a scenario: a Web Worker, or the page itself in tests. */
export interface RunnerPort {
  run(request: RunRequest): Promise<RunReply>;
}
