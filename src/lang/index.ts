/**
 * The scenario language's public API: the only import path other layers use (ESLint enforces it).
 * The compiler (`compileScenario`) and the file maps its `#include`s read, its diagnostics, the header and lexer the catalog reads lesson
 * titles with, and the server helpers' views the UI draws.
 */
export { compileScenario } from './scenario';
export type { LangState, ScenarioDef } from './scenario';
export { lookupIn } from './include/files';
export { includedFiles } from './include/expand';
export type { FileLookup, FileMap } from './include/files';
export { Diagnostics, formatDiagnostic } from './diagnostic';
export type { Diagnostic } from './diagnostic';
export { parseHeader } from './header';
export { lex } from './lexer';
export { heapView, runQueueView } from './serverViews';
export type { HeapView } from './serverViews';
export { HEADER_HELP, HEADER_KEYS, THREAD_KEYS, THREAD_PROPERTY_HELP } from './headerHelp';
export { explainUserStep, noteAfterCall, threadFrames } from './threadViews';
export type { FrameInfo, VarInfo } from './threadViews';
export { loadCapnpCodec, mayUseCapnp } from './capnp/codec';
export { installCapnp } from './capnp/install';
export { capnpFromRegisters } from './capnp/view';
export type { CapnpMessageView, LabelledRow } from './capnp/view';
export type { DataField } from './capnp/decode/fields';
export { rpcTables } from './capnp/rpcTables';
export type { RpcEvent, SideTables, TableRow } from './capnp/rpcTables';
export { messageCost } from './capnp/cost';
export type { MessageCost } from './capnp/cost';
