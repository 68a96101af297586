/**
 * Struct layouts as `capnp compile -o-` describes them (schema.capnp's Node.struct and Field), kept
 * as plain data in gen/layouts.ts so the decoder needs no schema at run time. Offsets follow
 * schema.capnp: a data field's offset is in units of its own size (bits for Bool), a pointer
 * field's offset is its index in the pointer section.
 */
export type FieldKind =
  | 'void'
  | 'bool'
  | 'int8'
  | 'int16'
  | 'int32'
  | 'int64'
  | 'uint8'
  | 'uint16'
  | 'uint32'
  | 'uint64'
  | 'float32'
  | 'float64'
  | 'enum'
  | 'text'
  | 'data'
  | 'struct'
  | 'list'
  | 'interface'
  | 'anyPointer'
  | 'group';

export interface TypeLayout {
  readonly kind: string;
  /** For `struct`: the struct's id (16 hex digits). */
  readonly structId?: string;
  /** For `list`: the element type. */
  readonly element?: TypeLayout;
}

export interface FieldLayout {
  readonly name: string;
  readonly type: TypeLayout;
  readonly offset: number;
  /** The default's bits (decimal), stored XOR in the data section; "0" for pointers. */
  readonly default: string;
  /** The union member's discriminant value; −1 when the field is not in a union. */
  readonly discriminant: number;
  /** For a group: the group's struct id (its fields live in this struct's sections). */
  readonly groupId?: string;
}

export interface StructLayout {
  readonly name: string;
  readonly dataWords: number;
  readonly pointers: number;
  readonly isGroup: boolean;
  /** Members of the unnamed union (0: none). */
  readonly discriminantCount: number;
  /** Where the union's discriminant is, in 16-bit units of the data section. */
  readonly discriminantOffset: number;
  readonly fields: readonly FieldLayout[];
}

export interface InterfaceLayout {
  readonly name: string;
  readonly methods: readonly {
    readonly name: string;
    readonly params: string;
    readonly results: string;
  }[];
}

export interface SchemaLayouts {
  readonly structs: Readonly<Record<string, StructLayout>>;
  readonly interfaces: Readonly<Record<string, InterfaceLayout>>;
  readonly enums: Readonly<Record<string, readonly string[]>>;
}
