/** Declarations with initializers, including brace lists for structs and arrays. */
import type { Expr, InitList, VarDecl } from '../ast';
import type { CType } from '../check/ctypes';
import { WORD, isAggregate, sizeOf, typeName } from '../check/ctypes';
import { didYouMean } from '../diagnostic';
import { Op } from '../vm/opcodes';
import { constFold } from './constFold';
import type { FnGen, LocalSym } from './fnGen';
import { genConverted, isNullConst } from './genExpr';
import { callsIn } from './stmtFacts';

export function genDecl(g: FnGen, d: VarDecl): void {
  const type = g.env.resolveType(d.type);
  if (type === null) return;
  if (type.k === 'void') {
    g.error(d.pos, `variable '${d.name}' cannot be void`);
    return;
  }
  const sym = g.declare(d.name, type, d.pos, d.isConst);
  if (d.init === null) return;
  g.em.stmt(d.pos, { k: 'decl', name: d.name }, callsIn(d.init));
  genInit(g, sym, d.init);
}

function genInit(g: FnGen, sym: LocalSym, init: Expr | InitList): void {
  const { type, slot } = sym;
  if (init.k !== 'init') {
    if (type.k === 'array') {
      g.error(
        init.pos,
        `an array is initialized with a brace list, like ${sym.name}[${type.len}] = { 0 }`,
      );
      return;
    }
    if (genConverted(g, init, type, `cannot initialize '${sym.name}'`)) g.em.op(Op.STORE, slot, 0);
    return;
  }
  if (!isAggregate(type)) {
    const first = init.items[0];
    const raw =
      type.k === 'l4' && first?.designator?.k === 'field' && first.designator.name === 'raw';
    if (
      init.items.length !== 1 ||
      first === undefined ||
      (first.designator !== null && !raw) ||
      first.value.k === 'init'
    ) {
      g.error(init.pos, `'${sym.name}' has type ${typeName(type)}: initialize it with one value`);
      return;
    }
    // A one-word L4 type is a union whose first member is `raw`: `{ 0 }` and `{ .raw = w }` set it.
    const target = type.k === 'l4' ? WORD : type;
    if (genConverted(g, first.value, target, `cannot initialize '${sym.name}'`))
      g.em.op(Op.STORE, slot, 0);
    return;
  }
  g.em.op(Op.ZEROA, slot);
  fillAggregate(g, slot, 0, type, init, sym.name);
}

function fillAggregate(
  g: FnGen,
  slot: number,
  base: number,
  type: CType,
  list: InitList,
  name: string,
): void {
  let cursor = 0;
  for (const item of list.items) {
    let target: { off: number; type: CType; name: string } | null = null;
    if (type.k === 'struct') {
      if (item.designator?.k === 'index') {
        g.error(item.pos, `'${name}' is a struct: use .field = value`);
        return;
      }
      if (item.designator?.k === 'field') {
        const field = item.designator.name;
        const i = type.fields.findIndex((f) => f.name === field);
        if (i < 0) {
          g.error(
            item.pos,
            `${type.display} has no field '${field}'${didYouMean(
              field,
              type.fields.map((f) => f.name),
            )}`,
          );
          return;
        }
        cursor = i;
      }
      const f = type.fields[cursor];
      if (f === undefined) {
        g.error(item.pos, `too many values for ${type.display} (${type.fields.length} fields)`);
        return;
      }
      target = { off: base + f.offset, type: f.type, name: `${name}.${f.name}` };
    } else if (type.k === 'array') {
      if (item.designator?.k === 'field') {
        g.error(item.pos, `'${name}' is an array: use [index] = value`);
        return;
      }
      if (item.designator?.k === 'index') {
        const c = constFold(g.env, item.designator.index, (n) => g.lookup(n)?.type);
        if (c === null || c.type.k !== 'int') {
          g.error(item.pos, 'an index designator must be a constant');
          return;
        }
        cursor = Number(c.value);
      }
      if (cursor >= type.len) {
        g.error(item.pos, `too many values for '${name}' (${type.len} elements)`);
        return;
      }
      target = { off: base + cursor * sizeOf(type.of), type: type.of, name: `${name}[${cursor}]` };
    }
    if (target === null) return;
    cursor++;
    if (item.value.k === 'init') {
      if (!isAggregate(target.type)) {
        g.error(item.pos, `'${target.name}' has type ${typeName(target.type)}: no braces needed`);
        return;
      }
      fillAggregate(g, slot, target.off, target.type, item.value, target.name);
      continue;
    }
    if (
      target.type.k === 'array' ||
      (target.type.k === 'struct' && !isStructValue(g, item.value))
    ) {
      if (isNullConst(g, item.value)) continue;
      g.error(
        item.pos,
        `'${target.name}' has type ${typeName(target.type)}: initialize it with braces`,
      );
      return;
    }
    if (target.type.k === 'l4' && isNullConst(g, item.value)) continue;
    if (!genConverted(g, item.value, target.type, `cannot initialize '${target.name}'`)) return;
    if (isAggregate(target.type)) g.em.op(Op.STOREA, slot, target.off, sizeOf(target.type), 0);
    else g.em.op(Op.STOREE, slot, target.off, 0);
  }
}

/** The initializer is a whole struct (a variable or a call), not the first of its fields. */
function isStructValue(g: FnGen, e: Expr): boolean {
  if (e.k === 'call') return true;
  if (e.k === 'ident') {
    const l = g.lookup(e.name);
    return l !== undefined && l.type.k === 'struct';
  }
  return e.k === 'member' || e.k === 'index' || (e.k === 'unary' && e.op === '*');
}
