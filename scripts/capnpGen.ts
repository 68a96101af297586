/**
 * `npm run capnp:gen`: regenerates the committed Cap'n Proto code from schema/*.capnp.
 *  1. capnp-es's compiler writes the classes of schema/kvstore.capnp to src/lang/capnp/gen/
 *     as ESM .js with .d.ts types (the .ts output does not pass this project's strict flags)
 *     (`npx capnp-es … </dev/null`: the compiler reads stdin when it is not a TTY).
 *  2. `capnp compile -o-` gives the CodeGeneratorRequest of kvstore.capnp and rpc.capnp; capnp-es's
 *     schema classes read it, and the layout of every struct (sections, field offsets, defaults,
 *     unions) is written as plain data to src/lang/capnp/gen/layouts.ts for the pure decoder.
 * Needs Debian's capnproto (capnp, capnpc) and libcapnp-dev (for /capnp/c++.capnp).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as $ from 'capnp-es';
import type { Node, Type, Value } from 'capnp-es/capnp/schema';
import { CodeGeneratorRequest, Field } from 'capnp-es/capnp/schema';

const OUT = 'src/lang/capnp/gen';
const SCHEMAS = ['schema/kvstore.capnp', 'schema/rpc.capnp'];

execFileSync(
  'npx',
  ['capnp-es', 'schema/kvstore.capnp', '--src-prefix=schema', `-ojs,dts:${OUT}`],
  {
    stdio: ['ignore', 'inherit', 'inherit'],
  },
);

const request = execFileSync('capnp', ['compile', '-o-', '--src-prefix=schema', ...SCHEMAS]);
const cgr = new $.Message(new Uint8Array(request), false).getRoot(CodeGeneratorRequest);

const hexId = (id: bigint): string => id.toString(16).padStart(16, '0');
const nodes = new Map<string, Node>();
for (const n of cgr.nodes) nodes.set(hexId(n.id), n);
const shortName = (n: Node): string => n.displayName.slice(n.displayNamePrefixLength);
/** `Call`, `Return`, `PromisedAnswer.Op`, `KvStore.get$Params`: names as a reader says them. */
function qualified(n: Node): string {
  const parent = nodes.get(hexId(n.scopeId));
  if (parent === undefined || parent._isFile) return shortName(n);
  return `${qualified(parent)}.${shortName(n)}`;
}

interface TypeOut {
  kind: string;
  structId?: string;
  element?: TypeOut;
}

function typeOf(t: Type): TypeOut {
  if (t._isVoid) return { kind: 'void' };
  if (t._isBool) return { kind: 'bool' };
  if (t._isInt8) return { kind: 'int8' };
  if (t._isInt16) return { kind: 'int16' };
  if (t._isInt32) return { kind: 'int32' };
  if (t._isInt64) return { kind: 'int64' };
  if (t._isUint8) return { kind: 'uint8' };
  if (t._isUint16) return { kind: 'uint16' };
  if (t._isUint32) return { kind: 'uint32' };
  if (t._isUint64) return { kind: 'uint64' };
  if (t._isFloat32) return { kind: 'float32' };
  if (t._isFloat64) return { kind: 'float64' };
  if (t._isText) return { kind: 'text' };
  if (t._isData) return { kind: 'data' };
  if (t._isEnum) return { kind: 'enum' };
  if (t._isStruct) return { kind: 'struct', structId: hexId(t.struct.typeId) };
  if (t._isList) return { kind: 'list', element: typeOf(t.list.elementType) };
  if (t._isInterface) return { kind: 'interface' };
  return { kind: 'anyPointer' };
}

/** The default's bits as stored XOR in the data section (0 for pointers). */
function defaultBits(v: Value): bigint {
  if (v._isBool) return v.bool ? 1n : 0n;
  if (v._isInt8) return BigInt.asUintN(8, BigInt(v.int8));
  if (v._isInt16) return BigInt.asUintN(16, BigInt(v.int16));
  if (v._isInt32) return BigInt.asUintN(32, BigInt(v.int32));
  if (v._isInt64) return BigInt.asUintN(64, v.int64);
  if (v._isUint8) return BigInt(v.uint8);
  if (v._isUint16) return BigInt(v.uint16);
  if (v._isUint32) return BigInt(v.uint32);
  if (v._isUint64) return v.uint64;
  if (v._isEnum) return BigInt(v.enum);
  return 0n;
}

interface FieldOut {
  name: string;
  type: TypeOut;
  offset: number;
  default: string;
  discriminant: number;
  groupId?: string;
}

function fieldOut(f: Field): FieldOut {
  const discriminant = f.discriminantValue === Field.NO_DISCRIMINANT ? -1 : f.discriminantValue;
  if (f._isGroup)
    return {
      name: f.name,
      type: { kind: 'group' },
      offset: 0,
      default: '0',
      discriminant,
      groupId: hexId(f.group.typeId),
    };
  return {
    name: f.name,
    type: typeOf(f.slot.type),
    offset: f.slot.offset,
    default: defaultBits(f.slot.defaultValue).toString(),
    discriminant,
  };
}

const structs: Record<string, unknown> = {};
const interfaces: Record<string, unknown> = {};
const enums: Record<string, unknown> = {};
for (const n of cgr.nodes) {
  if (n._isStruct) {
    const s = n.struct;
    structs[hexId(n.id)] = {
      name: qualified(n),
      dataWords: s.dataWordCount,
      pointers: s.pointerCount,
      isGroup: s.isGroup,
      discriminantCount: s.discriminantCount,
      discriminantOffset: s.discriminantOffset,
      fields: s.fields.map(fieldOut),
    };
  } else if (n._isInterface) {
    interfaces[hexId(n.id)] = {
      name: qualified(n),
      methods: n.interface.methods.map((m) => ({
        name: m.name,
        params: hexId(m.paramStructType),
        results: hexId(m.resultStructType),
      })),
    };
  } else if (n._isEnum) {
    enums[qualified(n)] = n.enum.enumerants.map((e) => e.name);
  }
}

const text = `// Generated by scripts/capnpGen.ts (npm run capnp:gen) from ${SCHEMAS.join(', ')}: do not edit.
// The CodeGeneratorRequest of \`capnp compile -o-\`, read with capnp-es's schema classes, as plain data.
import type { SchemaLayouts } from '../layoutTypes';

export const LAYOUTS: SchemaLayouts = ${JSON.stringify({ structs, interfaces, enums }, null, 2)};
`;
writeFileSync(`${OUT}/layouts.ts`, text);
execFileSync('npx', ['prettier', '--write', `${OUT}/layouts.ts`], { stdio: 'inherit' });
console.log(`[capnp:gen] ${OUT}/kvstore.{js,d.ts}, ${OUT}/layouts.ts`);
