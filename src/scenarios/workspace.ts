// The learner's scenario as files: the main file, the files it includes (found by the compiler's
// own include expansion, `src/lang/include/`), which of them are the learner's own and which are
// read-only built-ins, and what a run sends. The editor shows it, drafts and share links carry it.
// Pure functions, tested without a page.
import { includedFiles, lookupIn } from '../lang';
import type { FileMap } from '../lang';

export interface Workspace {
  readonly path: string;
  /** The learner's files: the main one, and every built-in forked or file added. */
  readonly own: FileMap;
}

/** The learner's code as the editor holds it: the draft key it is saved under, where it came from. */
export interface LearnerCode {
  readonly key: string;
  readonly workspace: Workspace;
  /** It came with a share link and is not kept as a draft (yet). */
  readonly fromLink: boolean;
  /** The step its first run shows (a link's step); later runs keep the step on show. */
  readonly step?: number;
}

export interface Tab {
  readonly path: string;
  readonly text: string;
  /** A built-in the learner has not forked. */
  readonly readOnly: boolean;
}

/** The main file, then every file it includes (depth first, each once), found as the compiler finds them. */
export function tabsOf(ws: Workspace, builtins: FileMap): Tab[] {
  const lookup = lookupIn(ws.own, builtins);
  return includedFiles(ws.path, ws.own[ws.path] ?? '', lookup).map((path) => ({
    path,
    text: lookup(path) ?? '',
    readOnly: ws.own[path] === undefined,
  }));
}

/** The workspace with one file's text replaced (or a built-in forked). */
export function withFile(ws: Workspace, path: string, text: string): Workspace {
  return { ...ws, own: { ...ws.own, [path]: text } };
}

/** The learner's files other than the main one: what a run reads before the built-ins. */
export function extraFiles(ws: Workspace): FileMap {
  const { [ws.path]: _main, ...rest } = ws.own;
  return rest;
}

/** Whether the workspace differs from the lesson it came from. */
export function changedFrom(ws: Workspace, builtins: FileMap): boolean {
  return Object.entries(ws.own).some(([p, t]) => builtins[p] !== t);
}

/** `base`, or `base-2`, `base-3`, … : the first that is not `taken`. */
export function freshKey(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n++) if (!taken.includes(`${base}-${n}`)) return `${base}-${n}`;
}

/** Where a new scenario starts: the template, or a copy of a lesson's file. */
export type NewFrom = 'template' | 'lesson';

/**
 * A new scenario under a key no draft has: the template (one client, one server), or a copy of
 * `lesson` (its id and its file's text; its includes still find the built-in servers).
 */
export function newScenario(
  lesson: { readonly id: string; readonly text: string } | null,
  taken: readonly string[],
): LearnerCode {
  const key = freshKey(lesson === null ? 'my-scenario' : `${lesson.id}-copy`, taken);
  const path = `${key}.c`;
  const text =
    lesson === null
      ? TEMPLATE.replace('@scenario my-scenario', `@scenario ${key}`)
      : lesson.text.replace(/^(\/\/\s*@scenario\s+)\S+/m, `$1${key}`);
  return { key, workspace: { path, own: { [path]: text } }, fromLink: false };
}

/** A `.c` file from the learner's disk as a new scenario, keyed by its name (`ping.c` → `ping`). */
export function fromFile(name: string, text: string, taken: readonly string[]): LearnerCode {
  const stem = (name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'file')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .slice(0, 60);
  const key = freshKey(stem, taken);
  const path = `${key}.c`;
  return { key, workspace: { path, own: { [path]: text } }, fromLink: false };
}

/** A new scenario: one client calls one server, which replies. */
export const TEMPLATE = `// @scenario my-scenario
// @title My scenario
// @abi amd64
// @teaches A client calls a server with L4_Call, and the server answers with L4_Reply.
// @space apps
// @space srv
// @thread client space=apps priority=100
// @thread server space=srv priority=200
#include <l4/ipc.h>
#include <l4/message.h>

void server(void)
{
    L4_ThreadId_t caller;
    L4_MsgTag_t tag;
    L4_Word_t x;

    tag = L4_Wait(&caller); //! server waits in an open receive for any client.
    L4_StoreMR(1, &x);
    L4_LoadMR(0, 1); //! The reply's tag: u = 1.
    L4_LoadMR(1, x * 2);
    tag = L4_Reply(caller); //! server replies with twice the number.
}

void client(void)
{
    L4_MsgTag_t tag;
    L4_Word_t answer;

    L4_LoadMR(0, 1); //! MR0: u = 1 word follows.
    L4_LoadMR(1, 21);
    tag = L4_Call(server); //! client sends 21 and waits for the reply.
    L4_StoreMR(1, &answer); //! answer = 42.
}
`;
