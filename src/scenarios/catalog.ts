/**
 * The built-in lessons: which exist, in which order, which server protocols each uses and the
 * outcome each lesson claims. The texts come from `lessons/<id>.c` in the built-in file map
 * (`files.ts`), which also holds the servers the lessons include; title, teaches and ABI are read
 * from each file's header, so the file is the single source of them.
 */
import type { Abi } from '../kernel/abi/word';
import type { FileMap } from '../lang';
import { Diagnostics } from '../lang';
import { parseHeader } from '../lang';
import { lex } from '../lang';
import { KV_PROTOCOL, MEMORY_PROTOCOL, SCHEDULER_PROTOCOL } from '../servers/protocols';
import type { Protocol } from '../servers/protocols';
import { lessonPath } from './files';
import type { RunOutcome } from './runner';

export interface BuiltinScenario {
  readonly id: string;
  readonly title: string;
  /** One sentence: what the lesson teaches. */
  readonly teaches: string;
  /** The ABI in the file's header (every built-in also runs on the other one). */
  readonly abi: Abi;
  /** The file's text, as the user sees and edits it (its `#include` lines unexpanded). */
  readonly source: string;
  /** Its path in `files` (`lessons/<id>.c`): where its includes are looked up from. */
  readonly path: string;
  /** The built-in file map it came from: the servers its `#include "servers/…"` lines read. */
  readonly files: FileMap;
  /** The server protocols whose words the register panel can name. */
  readonly protocols: readonly Protocol[];
  /** How the lesson's run ends, on both ABIs. */
  readonly expected: RunOutcome;
}

interface Lesson {
  readonly id: string;
  readonly protocols: readonly Protocol[];
  readonly expected: RunOutcome;
}

const lesson = (id: string, expected: RunOutcome, protocols: readonly Protocol[] = []): Lesson => ({
  id,
  expected,
  protocols,
});

/** The built-ins, in the order a course would take them. */
export const LESSONS: readonly Lesson[] = [
  lesson('rendezvous-receiver-first', 'finished'),
  lesson('rendezvous-sender-first', 'finished'),
  lesson('call-reply', 'finished'),
  lesson('server-loop', 'idle'),
  lesson('memory-alloc-free', 'idle', [MEMORY_PROTOCOL]),
  lesson('scheduler', 'idle', [SCHEDULER_PROTOCOL]),
  lesson('scheduler-as-written', 'deadlock', [SCHEDULER_PROTOCOL]),
  lesson('new-service', 'idle', [KV_PROTOCOL]),
  lesson('useripc-fastpath', 'deadlock'),
  lesson('timeouts', 'finished'),
  lesson('stale-thread-id', 'finished'),
  lesson('deadlock', 'deadlock'),
  lesson('map-grant', 'finished'),
  lesson('capnp-call', 'idle'),
  lesson('capnp-large', 'idle'),
  lesson('capnp-pipelined', 'idle'),
  lesson('capnp-exception', 'idle'),
];

export const BUILTIN_IDS: readonly string[] = LESSONS.map((l) => l.id);

/** Thrown when a built-in file is missing or its header is wrong: a bug in the repository. */
export class CatalogError extends Error {
  override readonly name = 'CatalogError';
}

function describe(l: Lesson, source: string, files: FileMap): BuiltinScenario {
  const diags = new Diagnostics();
  const header = parseHeader(lex(source, diags).headers, diags);
  const { id, title, teaches, abi } = header;
  if (id !== l.id || title === null || teaches === null || abi === null) {
    throw new CatalogError(
      `lessons/${l.id}.c: the header needs @scenario ${l.id}, @title, @teaches and @abi`,
    );
  }
  const path = lessonPath(l.id);
  return {
    id,
    title,
    teaches,
    abi,
    source,
    path,
    files,
    protocols: l.protocols,
    expected: l.expected,
  };
}

/** The catalog from the built-in file map (`lessons/<id>.c`, `servers/<name>.c`). */
export function buildCatalog(files: FileMap): readonly BuiltinScenario[] {
  return LESSONS.map((l) => {
    const source = files[lessonPath(l.id)];
    if (source === undefined) throw new CatalogError(`${lessonPath(l.id)} is missing`);
    return describe(l, source, files);
  });
}
