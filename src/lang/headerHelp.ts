/**
 * What each header line means, for an editor's completions and hover text: one entry per key of
 * `HEADER_KEYS` (and each `@thread` property of `THREAD_KEYS`), checked complete by a test, so the
 * help cannot name a line the parser does not read.
 */
import { HEADER_KEYS, THREAD_KEYS } from './header';

export interface HeaderHelp {
  /** The line as written, with placeholders. */
  readonly syntax: string;
  readonly help: string;
}

export const HEADER_HELP: Readonly<Record<(typeof HEADER_KEYS)[number], HeaderHelp>> = {
  scenario: {
    syntax: '// @scenario <id>',
    help: 'The scenario id (letters, digits, - and _). Required, first.',
  },
  title: { syntax: '// @title <text>', help: 'The title the picker and the narration show.' },
  abi: {
    syntax: '// @abi amd64|ia32',
    help: 'The word size and thread-id layout (64- or 32-bit).',
  },
  teaches: { syntax: '// @teaches <sentence>', help: 'One sentence: what the scenario teaches.' },
  space: {
    syntax: '// @space <name> [base/log2size rwx]…',
    help: 'An address space, with the memory regions mapped in it (4 KiB pages and up).',
  },
  thread: {
    syntax: '// @thread <name> space=<space> [priority=N] [threadno=N] [version=N]',
    help: 'A thread: it runs the C function of the same name in that address space.',
  },
  timeslice: {
    syntax: '// @timeslice <N>us|<N>ms',
    help: 'The round-robin timeslice of every thread (0: no round robin).',
  },
  statement: {
    syntax: '// @statement <N>us',
    help: 'How long one C statement takes on the simulated clock.',
  },
  heap: {
    syntax: '// @heap <thread> <base> <size>',
    help: "A heap for a server thread's heap_alloc / heap_free, drawn by the heap panel.",
  },
};

export const THREAD_PROPERTY_HELP: Readonly<Record<(typeof THREAD_KEYS)[number], string>> = {
  space: 'the address space the thread runs in (declared with @space)',
  priority: 'its priority, 0..255 (higher runs first)',
  threadno: 'its thread number (default: the next free one)',
  version: 'its version (default 1; the low 6 bits must not all be zero)',
};

export { HEADER_KEYS, THREAD_KEYS };
