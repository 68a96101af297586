import * as $ from "capnp-es";
export declare const _capnpFileId = 10990542175636864813n;
export declare class Entry extends $.Struct {
  static readonly _capnp: {
    displayName: string;
    id: string;
    size: $.ObjectSize;
    defaultTtl: DataView<ArrayBufferLike>;
  };
  get key(): bigint;
  set key(value: bigint);
  _adoptValue(value: $.Orphan<$.Data>): void;
  _disownValue(): $.Orphan<$.Data>;
  get value(): $.Data;
  _hasValue(): boolean;
  _initValue(length: number): $.Data;
  set value(value: $.Data);
  /**
* seconds; stored XOR 3600, so the default is all zero bits on the wire
*
*/
  get ttl(): number;
  set ttl(value: number);
  toString(): string;
}
export declare class KvStore_Get$Params extends $.Struct {
  static readonly _capnp: {
    displayName: string;
    id: string;
    size: $.ObjectSize;
  };
  get key(): bigint;
  set key(value: bigint);
  toString(): string;
}
export declare class KvStore_Get$Results extends $.Struct {
  static readonly _capnp: {
    displayName: string;
    id: string;
    size: $.ObjectSize;
  };
  _adoptValue(value: $.Orphan<$.Data>): void;
  _disownValue(): $.Orphan<$.Data>;
  get value(): $.Data;
  _hasValue(): boolean;
  _initValue(length: number): $.Data;
  set value(value: $.Data);
  get found(): boolean;
  set found(value: boolean);
  toString(): string;
}
export declare class KvStore_Get$Results$Promise {
  pipeline: $.Pipeline<any, any, KvStore_Get$Results>;
  constructor(pipeline: $.Pipeline<any, any, KvStore_Get$Results>);
  promise(): Promise<KvStore_Get$Results>;
}
export declare class KvStore_Put$Params extends $.Struct {
  static readonly _capnp: {
    displayName: string;
    id: string;
    size: $.ObjectSize;
  };
  _adoptEntry(value: $.Orphan<Entry>): void;
  _disownEntry(): $.Orphan<Entry>;
  get entry(): Entry;
  _hasEntry(): boolean;
  _initEntry(): Entry;
  set entry(value: Entry);
  _adoptTags(value: $.Orphan<$.List<bigint>>): void;
  _disownTags(): $.Orphan<$.List<bigint>>;
  get tags(): $.List<bigint>;
  _hasTags(): boolean;
  _initTags(length: number): $.List<bigint>;
  set tags(value: $.List<bigint>);
  toString(): string;
}
export declare class KvStore_Put$Results extends $.Struct {
  static readonly _capnp: {
    displayName: string;
    id: string;
    size: $.ObjectSize;
  };
  get replaced(): boolean;
  set replaced(value: boolean);
  toString(): string;
}
export declare class KvStore_Put$Results$Promise {
  pipeline: $.Pipeline<any, any, KvStore_Put$Results>;
  constructor(pipeline: $.Pipeline<any, any, KvStore_Put$Results>);
  promise(): Promise<KvStore_Put$Results>;
}
export declare class KvStore_Bucket$Params extends $.Struct {
  static readonly _capnp: {
    displayName: string;
    id: string;
    size: $.ObjectSize;
  };
  get name(): bigint;
  set name(value: bigint);
  toString(): string;
}
export declare class KvStore_Bucket$Results extends $.Struct {
  static readonly _capnp: {
    displayName: string;
    id: string;
    size: $.ObjectSize;
  };
  get store(): KvStore$Client;
  set store(value: KvStore$Client);
  toString(): string;
}
export declare class KvStore_Bucket$Results$Promise {
  pipeline: $.Pipeline<any, any, KvStore_Bucket$Results>;
  constructor(pipeline: $.Pipeline<any, any, KvStore_Bucket$Results>);
  getStore(): KvStore$Client;
  promise(): Promise<KvStore_Bucket$Results>;
}
export declare class KvStore$Client {
  client: $.Client;
  static readonly interfaceId: bigint;
  constructor(client: $.Client);
  static readonly methods: [
    $.Method<KvStore_Get$Params, KvStore_Get$Results>,
    $.Method<KvStore_Put$Params, KvStore_Put$Results>,
    $.Method<KvStore_Bucket$Params, KvStore_Bucket$Results>
  ];
  get(paramsFunc?: (params: KvStore_Get$Params) => void): KvStore_Get$Results$Promise;
  put(paramsFunc?: (params: KvStore_Put$Params) => void): KvStore_Put$Results$Promise;
  /**
* returns a capability: a store of its own
*
*/
  bucket(paramsFunc?: (params: KvStore_Bucket$Params) => void): KvStore_Bucket$Results$Promise;
}
export interface KvStore$Server$Target {
  get(params: KvStore_Get$Params, results: KvStore_Get$Results): Promise<void>;
  put(params: KvStore_Put$Params, results: KvStore_Put$Results): Promise<void>;
  bucket(params: KvStore_Bucket$Params, results: KvStore_Bucket$Results): Promise<void>;
}
export declare class KvStore$Server extends $.Server {
  readonly target: KvStore$Server$Target;
  constructor(target: KvStore$Server$Target);
  client(): KvStore$Client;
}
export declare class KvStore extends $.Interface {
  static readonly Client: typeof KvStore$Client;
  static readonly Server: typeof KvStore$Server;
  static readonly _capnp: {
    displayName: string;
    id: string;
    size: $.ObjectSize;
  };
  toString(): string;
}
