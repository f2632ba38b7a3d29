// The values half of helm's install/template pipeline: process dependencies
// (conditions, tags, aliases, import-values), coalesce the user's values with
// every chart's defaults, then check values.schema.json files.
import type { Chart } from "../chart/model.js";
import type { GoMap } from "../template/value.js";
import { coalesceValues, type WarnFn } from "./coalesce.js";
import { processDependencies } from "./dependencies.js";
import { validateSchema } from "./schema.js";

export interface RenderValuesOptions {
  /** --skip-schema-validation */
  skipSchemaValidation?: boolean;
  /** Where helm's log.Printf warnings go (ignored by default). */
  warn?: WarnFn;
}

/**
 * ProcessDependenciesWithMerge + CoalesceValues + ValidateAgainstSchema.
 * Returns the chart tree to render (disabled subcharts removed, aliases
 * applied; a copy) and the values for `.Values`.
 */
export function toRenderValues(
  chart: Chart,
  userValues: GoMap,
  opts: RenderValuesOptions = {},
): { chart: Chart; values: GoMap } {
  const processed = processDependencies(chart, userValues, { warn: opts.warn });
  const values = coalesceValues(processed, userValues, opts.warn);
  if (!opts.skipSchemaValidation) validateSchema(processed, values);
  return { chart: processed, values };
}
