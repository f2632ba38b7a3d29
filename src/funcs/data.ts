// Helm's data functions (pkg/engine/funcs.go) and Sprig's JSON ones, plus
// required and fail. Helm's versions swallow errors: toYaml/toJson give "",
// fromYaml/fromJson put the message under an "Error" key.
import { warnWrap } from "../template/errors.js";
import { type FuncDef, FuncError, type FuncMap, type GoMap, newMap, type Value } from "../template/value.js";
import { marshalJson, toYaml } from "../yaml/emit.js";
import { parseYamlArray, parseYamlMap, YamlError } from "../yaml/parse.js";
import { decodeJson, GoJsonError, jsonTypeName, unmarshalJson } from "./data-json.js";
import { fromToml, toToml } from "./data-toml.js";
import { toYamlPretty } from "../yaml/emit-v3.js";

const ANY = "interface {}";
const S = "string";

const def = (params: string[], fn: FuncDef["fn"]): FuncDef => ({ params, fn });

/** Runs a marshaller; helm's non-must variants turn failure into "". */
function swallow(f: () => string): string {
  try {
    return f();
  } catch {
    return "";
  }
}

/** A returned error from a must* variant, worded as Go's error. */
function must<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    throw new FuncError((err as Error).message);
  }
}

function decodeJsonInto(text: string, want: "object" | "array"): Value {
  const { value: v, typeError } = decodeJson(text);
  if (v === null) return want === "object" ? newMap() : [];
  const kind = jsonTypeName(v);
  if (kind !== want) {
    const goType = want === "object" ? "map[string]interface {}" : "[]interface {}";
    throw new GoJsonError(`json: cannot unmarshal ${kind} into Go value of type ${goType}`);
  }
  if (typeError) {
    // Go fills the map before reporting the error; a slice result is replaced.
    if (want === "array") throw typeError;
    (v as GoMap).Error = typeError.message;
  }
  return v;
}

function errorMap(message: string): Value {
  const m = newMap();
  m.Error = message;
  return m;
}

function fromJson(text: string): Value {
  try {
    return decodeJsonInto(text, "object");
  } catch (err) {
    if (err instanceof GoJsonError) return errorMap(err.message);
    throw err;
  }
}

function fromJsonArray(text: string): Value {
  try {
    return decodeJsonInto(text, "array");
  } catch (err) {
    if (err instanceof GoJsonError) return [err.message];
    throw err;
  }
}

function fromYaml(text: string): Value {
  try {
    return parseYamlMap(text);
  } catch (err) {
    if (err instanceof YamlError) return errorMap(err.message);
    throw err;
  }
}

function fromYamlArray(text: string): Value {
  try {
    return parseYamlArray(text);
  } catch (err) {
    if (err instanceof YamlError) return [err.message];
    throw err;
  }
}

const rawJson = (v: Value) => marshalJson(v, { escapeHTML: false });
const prettyJson = (v: Value) => marshalJson(v, { indent: "  " });

export const dataFuncs: FuncMap = {
  toYaml: def([ANY], (v: Value) => toYaml(v)),
  toYamlPretty: def([ANY], (v: Value) => swallow(() => toYamlPretty(v))),
  fromYaml: def([S], fromYaml),
  fromYamlArray: def([S], fromYamlArray),
  toJson: def([ANY], (v: Value) => swallow(() => marshalJson(v))),
  mustToJson: def([ANY], (v: Value) => must(() => marshalJson(v))),
  toPrettyJson: def([ANY], (v: Value) => swallow(() => prettyJson(v))),
  mustToPrettyJson: def([ANY], (v: Value) => must(() => prettyJson(v))),
  toRawJson: def([ANY], (v: Value) => swallow(() => rawJson(v))),
  mustToRawJson: def([ANY], (v: Value) => must(() => rawJson(v))),
  fromJson: def([S], fromJson),
  mustFromJson: def([S], (text: string) => must(() => unmarshalJson(text))),
  fromJsonArray: def([S], fromJsonArray),
  toToml: def([ANY], (v: Value) => toToml(v)),
  fromToml: def([S], (text: string) => fromToml(text)),
  // helm's engine binds these (engine.go initFunMap); the markers let it
  // report "execution error at (file:line:col): message". Lint mode, which
  // only warns, is the render layer's to rebind.
  required: def([S, ANY], (warn: string, v: Value) => {
    if (v === null || v === undefined || v === "") throw new FuncError(warnWrap(warn));
    return v;
  }),
  fail: def([S], (msg: string) => {
    throw new FuncError(warnWrap(msg));
  }),
};
