// helm's values.Options.MergeValues: -f files in order (deep-merged), then
// --set-json, --set, --set-string, --set-file and --set-literal, each flag
// applied in turn on top of the result.
import { readFileSync } from "node:fs";
import { type GoMap, isMap, newMap, type Value } from "../template/value.js";
import { goPathError } from "../chart/path-error.js";
import { parseYamlMap } from "../yaml/parse.js";
import { parseSetFileInto, parseSetInto, parseSetJsonInto, parseSetStringInto, StrvalsError } from "./strvals.js";
import { parseSetLiteralInto } from "./strvals-literal.js";

export interface ValuesOptions {
  /** -f/--values, in order; "-" reads stdin. */
  valueFiles?: string[];
  /** --set */
  values?: string[];
  /** --set-string */
  stringValues?: string[];
  /** --set-json */
  jsonValues?: string[];
  /** --set-file */
  fileValues?: string[];
  /** --set-literal */
  literalValues?: string[];
}

/** Invalid values input; the user can fix it. */
export class ValuesError extends Error {
  override name = "ValuesError";
  readonly userFacing = true;
}

export type ReadFileFn = (path: string) => Buffer | string;


/** Reads a values file the way helm does ("-" is stdin). */
export function defaultReadFile(path: string): Buffer {
  if (path.trim() === "-") return readFileSync(0);
  return readFileSync(path);
}

function read(readFile: ReadFileFn, path: string): string {
  try {
    const data = readFile(path);
    return typeof data === "string" ? data : data.toString("utf8");
  } catch (err) {
    if (err instanceof ValuesError) throw err;
    throw new ValuesError(goPathError("open", path, err), { cause: err });
  }
}

/** helm's mergeMaps: maps merge recursively, anything else replaces. */
export function mergeMaps(a: GoMap, b: GoMap): GoMap {
  const out = newMap();
  for (const k of Object.keys(a)) out[k] = a[k];
  for (const k of Object.keys(b)) {
    const v = b[k];
    const cur = out[k];
    if (isMap(v) && k in out && isMap(cur)) out[k] = mergeMaps(cur, v);
    else out[k] = v;
  }
  return out;
}

function apply(flag: string, value: string, fn: () => void, includeCause = true): void {
  try {
    fn();
  } catch (err) {
    if (err instanceof StrvalsError || err instanceof ValuesError) {
      const msg = includeCause ? `failed parsing ${flag} data: ${err.message}` : `failed parsing ${flag} data ${value}`;
      throw new ValuesError(msg, { cause: err });
    }
    throw err;
  }
}

/** Merge all values flags into one map, as `helm install/template` does. */
export function mergeValuesOptions(opts: ValuesOptions, readFile: ReadFileFn = defaultReadFile): GoMap {
  let base = newMap();
  for (const file of opts.valueFiles ?? []) {
    const text = read(readFile, file);
    let current: GoMap;
    try {
      current = parseYamlMap(text);
    } catch (err) {
      throw new ValuesError(`failed to parse ${file}: ${(err as Error).message}`, { cause: err });
    }
    base = mergeMaps(base, current);
  }
  for (const v of opts.jsonValues ?? []) apply("--set-json", v, () => parseSetJsonInto(v, base), false);
  for (const v of opts.values ?? []) apply("--set", v, () => parseSetInto(v, base));
  for (const v of opts.stringValues ?? []) apply("--set-string", v, () => parseSetStringInto(v, base));
  for (const v of opts.fileValues ?? [])
    apply("--set-file", v, () => parseSetFileInto(v, base, (rs): Value => read(readFile, rs)));
  for (const v of opts.literalValues ?? []) apply("--set-literal", v, () => parseSetLiteralInto(v, base));
  return base;
}
