// helm lint's values.yaml rule: the file parses, and the user's values laid
// over it meet the chart's own values.schema.json (top level only, as helm
// has done since v2; subchart schemas are the templates rule's business).
import { readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { type GoMap, newMap } from "../../template/value.js";
import { coalesceTables, validateAgainstSingleSchema, type WarnFn } from "../../values/index.js";
import { parseYamlMap } from "../../yaml/parse.js";
import { errorText, type Linter, pathErrorText, Severity } from "./linter.js";

const file = "values.yaml";

export function lintValues(linter: Linter, overrides: GoMap, warn: WarnFn): void {
  const valuesPath = join(linter.chartDir, file);
  let exists = true;
  try {
    statSync(valuesPath);
  } catch {
    exists = false;
  }
  if (!linter.rule(Severity.Info, file, exists ? undefined : "file does not exist")) return;
  linter.rule(Severity.Error, file, valuesProblem(valuesPath, overrides, warn));
}

function valuesProblem(valuesPath: string, overrides: GoMap, warn: WarnFn): string | undefined {
  let values: GoMap;
  try {
    let data: Buffer;
    try {
      data = readFileSync(valuesPath);
    } catch (err) {
      throw new Error(pathErrorText("open", valuesPath, err));
    }
    values = data.length === 0 ? newMap() : parseYamlMap(data.toString("utf8"));
  } catch (err) {
    return `unable to parse YAML: ${errorText(err)}`;
  }
  // helm coalesces tables here (as --reuse-values does), not the whole chart;
  // like helm, this shares (and fills in) the user's nested maps.
  const coalesced = coalesceTables(coalesceTables(newMap(), overrides, warn), values, warn);

  let schema: Buffer;
  try {
    schema = readFileSync(join(dirname(valuesPath), "values.schema.json"));
  } catch {
    return undefined;
  }
  if (schema.length === 0) return undefined;
  const errors = validateAgainstSingleSchema(coalesced, schema);
  if (errors.length === 0) return undefined;
  return errors.map((e) => `${e}\n`).join("");
}
