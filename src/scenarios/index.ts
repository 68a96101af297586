/**
 * The scenarios layer's public API (its only barrel): the built-in lessons' registry and the file
 * map they are read from, the runner and the trace JSON. Nothing here reads files: the host hands
 * the built-in file map in (`builtinFiles.ts` through Vite, `src/cli/builtinFiles.ts` from disk).
 */
export { checkOpenedFile, checkOpenedFileSize } from './checkOpenedFile';
export { BUILTIN_IDS, buildCatalog, LESSONS } from './catalog';
export type { BuiltinScenario } from './catalog';
export { builtinFileMap, fileLabel, lessonPath, protocolsOfFiles } from './files';
export { runBuiltin, runScenario } from './runner';
export type { ScenarioRun } from './runner';
export { programKey } from './programKey';
export { formatTraceJson } from './traceText';
export { traceJson } from './traceJson';
export { traceText } from './traceWriter';
export {
  changedFrom,
  extraFiles,
  fromFile,
  newScenario,
  tabsOf,
  TEMPLATE,
  withFile,
} from './workspace';
export type { LearnerCode, NewFrom, Workspace } from './workspace';
