// The editor's files: the main file, the files it includes (found the way the compiler finds them:
// beside it first, then from the top), which of them are the learner's own and which are read-only
// built-ins, and what a run sends. Pure functions, tested without a page.
import type { FileMap } from '../../lang';

export interface Workspace {
  readonly path: string;
  /** The learner's files: the main one, and every built-in forked or file added. */
  readonly own: FileMap;
}

export interface Tab {
  readonly path: string;
  readonly text: string;
  /** A built-in the learner has not forked. */
  readonly readOnly: boolean;
}

const INCLUDE = /^\s*#\s*include\s*"([^"]+)"/gm;

function normalize(path: string): string | null {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(part);
  }
  return out.join('/');
}

function resolve(name: string, from: string, has: (p: string) => boolean): string | null {
  const folder = from.includes('/') ? from.slice(0, from.lastIndexOf('/') + 1) : '';
  for (const p of [normalize(folder + name), normalize(name)]) if (p && has(p)) return p;
  return null;
}

/** The main file, then every file it includes (depth first, each once). */
export function tabsOf(ws: Workspace, builtins: FileMap): Tab[] {
  const text = (p: string) => ws.own[p] ?? builtins[p];
  const has = (p: string) => text(p) !== undefined;
  const seen: string[] = [];
  const visit = (path: string) => {
    if (seen.includes(path)) return;
    seen.push(path);
    for (const m of (text(path) ?? '').matchAll(INCLUDE)) {
      const found = resolve(m[1] ?? '', path, has);
      if (found !== null) visit(found);
    }
  };
  visit(ws.path);
  return seen.map((path) => ({
    path,
    text: text(path) ?? '',
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
