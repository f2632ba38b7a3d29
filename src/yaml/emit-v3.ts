// helm's toYamlPretty: go-yaml v3's Encoder with SetIndent(2), marshalling the
// Go values directly (no JSON step), so float64 prints as Go's %g ("1e+06")
// and sequences are indented under their key.
import { GoInt, GoObject, isMap, type Value } from "../template/value.js";
import { goFloatG } from "./emit-json.js";
import { emitYamlTree, YamlMap, YamlRaw, type YamlTree } from "./emit.js";

function floatText(f: number): string {
  if (Number.isNaN(f)) return ".nan";
  if (f === Infinity) return ".inf";
  if (f === -Infinity) return "-.inf";
  return goFloatG(f);
}

function tree(v: Value): YamlTree {
  if (v === null || v === undefined) return null;
  if (typeof v === "boolean" || typeof v === "string") return v;
  if (typeof v === "number") return new YamlRaw(floatText(v));
  if (v instanceof GoInt) return new YamlRaw(v.v.toString());
  if (v instanceof Uint8Array) return Buffer.from(v).toString("base64");
  if (Array.isArray(v)) return v.map(tree);
  if (isMap(v)) return new YamlMap(Object.keys(v).map((k) => [k, tree(v[k])]));
  if (v instanceof GoObject) {
    // time.Time marshals as its RFC 3339 text, unquoted.
    if (v.goType() === "time.Time" && v.goJson) return new YamlRaw(String(v.goJson()));
    if (v.goJson) return tree(v.goJson());
    return new YamlMap(v.fieldNames().map((k) => [k.toLowerCase(), tree(v.field(k))]));
  }
  return null;
}

/** The YAML document go-yaml v3 writes for a value, ending in a newline. */
export function marshalYamlV3(value: Value): string {
  return emitYamlTree(tree(value), true);
}

/** helm's toYamlPretty: the document without its final newline. */
export function toYamlPretty(value: Value): string {
  const doc = marshalYamlV3(value);
  return doc.endsWith("\n") ? doc.slice(0, -1) : doc;
}
