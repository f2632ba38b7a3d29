// The values layer's public surface.
export {
  CoalesceError,
  coalesceTables,
  coalesceValues,
  deepCopy,
  GLOBAL_KEY,
  mergeChartValues,
  mergeTables,
  type WarnFn,
} from "./coalesce.js";
export { cloneChartTree, missingDependencies, processDependencies } from "./dependencies.js";
export { goFormatT, goTypeName } from "./gotype.js";
export { defaultReadFile, mergeMaps, mergeValuesOptions, type ReadFileFn, type ValuesOptions, ValuesError } from "./options.js";
export { pathValue, table } from "./path.js";
export { SchemaValidationError, validateAgainstSingleSchema, validateSchema } from "./schema.js";
export { parseSetFileInto, parseSetInto, parseSetJsonInto, parseSetStringInto, StrvalsError, typedVal } from "./strvals.js";
export { parseSetLiteralInto } from "./strvals-literal.js";
export { type RenderValuesOptions, toRenderValues } from "./render-values.js";
