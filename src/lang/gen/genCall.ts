/** Calls: the scenario's own functions, the L4 calls and the server helpers. */
import type { Expr } from '../ast';
import type { CType } from '../check/ctypes';
import { typeName } from '../check/ctypes';
import { didYouMean } from '../diagnostic';
import { UNSUPPORTED } from '../builtins/registry';
import { Op } from '../vm/opcodes';
import type { FnGen } from './fnGen';
import { registerIndexError } from '../check/registerIndex';
import { constFold } from './constFold';
import { genConverted } from './genExpr';

type Call = Extract<Expr, { k: 'call' }>;

/** `e` as a constant number, negative when it is a negative signed value; null otherwise. */
function signedConstant(g: FnGen, e: Expr): bigint | null {
  const c = constFold(g.env, e, (n) => g.lookup(n)?.type);
  if (c === null || c.type.k !== 'int') return null;
  return c.type.signed ? BigInt.asIntN(g.env.width.bits, c.value) : c.value;
}

function signature(params: readonly { name: string | null; type: CType }[]): string {
  if (params.length === 0) return 'no arguments';
  const list = params
    .map(
      (p) =>
        `${typeName(p.type)}${p.name === null ? '' : (typeName(p.type).endsWith('*') ? '' : ' ') + p.name}`,
    )
    .join(', ');
  return `${params.length} argument${params.length === 1 ? '' : 's'} (${list})`;
}

export function genCall(g: FnGen, e: Call): CType | null {
  const name = e.callee;
  if (g.lookup(name) !== undefined)
    return g.error(e.pos, `'${name}' is a variable, not a function`);
  const sym = g.env.functions.get(name);
  if (sym === undefined) {
    const unsupported = UNSUPPORTED.get(name);
    if (unsupported !== undefined)
      return g.error(e.pos, `'${name}' is not supported: ${unsupported}`);
    const thread = g.env.globals.get(name);
    if (thread?.k === 'thread') return g.error(e.pos, `'${name}' is a thread id, not a function`);
    return g.error(e.pos, `unknown function '${name}'${didYouMean(name, g.env.functions.keys())}`);
  }
  if (sym.k === 'func' && sym.isThread) {
    return g.error(
      e.pos,
      `cannot call '${name}': it is the code of thread ${name}, which runs by itself`,
    );
  }
  if (sym.k === 'func') sym.called = true;
  const params = sym.k === 'func' ? sym.params : sym.def.params;
  if (e.args.length !== params.length) {
    return g.error(e.pos, `${name} expects ${signature(params)}, got ${e.args.length}`);
  }
  let ok = true;
  e.args.forEach((arg, i) => {
    const prm = params[i];
    if (prm === undefined) return;
    const label = `argument ${i + 1}${prm.name === null ? '' : ` (${prm.name})`} of ${name}`;
    ok = genConverted(g, arg, prm.type, label) && ok;
  });
  if (!ok) return null;
  if (sym.k === 'builtin') {
    const constants = e.args.map((a) => signedConstant(g, a));
    const bad = registerIndexError(name, constants);
    if (bad !== null) return g.error(e.args[0]?.pos ?? e.pos, bad);
  }
  if (sym.k === 'func') {
    g.em.op(Op.CALL, sym.index, e.args.length);
    return sym.ret;
  }
  if (sym.def.needsHeap === true && !g.env.hasHeap) {
    return g.error(
      e.pos,
      `${name} needs a heap: declare one in the header, like // @heap <thread> 0x10000000 0x10000`,
    );
  }
  const site = g.em.site(e.pos, name);
  g.em.op(sym.def.syscall === undefined ? Op.BI : Op.SYS, sym.index, e.args.length, site);
  return sym.def.ret;
}
