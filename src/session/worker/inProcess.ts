// The runner without a worker: the same job, on the calling thread (session tests, the bench).
import type { FileMap } from '../../lang';
import type { RunnerPort } from './protocol';
import { runJob } from './runJob';

export function inProcessRunner(builtins: FileMap): RunnerPort {
  return { run: (request) => Promise.resolve(runJob(request, builtins)) };
}
