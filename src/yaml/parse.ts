// YAML parsing exactly as helm does it for values files, Chart.yaml and
// fromYaml: sigs.k8s.io/yaml = go-yaml v2 (YAML 1.1 rules, first document
// only) -> JSON -> Go interface{}. So every number ends up a float64, keys
// become strings, and Inf/NaN are rejected by the JSON step.
import { type Document, isAlias, isMap, isPair, isScalar, isSeq, type Node, parseAllDocuments, parseDocument, type Scalar } from "yaml";
import { GoInt, type GoMap, newMap, type Value } from "../template/value.js";
import { checkBlankLineTabs, checkPrintable, goParserMessage, goYamlMessage, YamlSyntaxError } from "./parse-errors.js";
import { fastYaml } from "./fast.js";
import { indentContinuations } from "./relax.js";
import { formatFloat32Key, resolvedValue, resolveScalar, YamlDecodeError } from "./parse-resolve.js";

/** A YAML or YAML->JSON error, worded as sigs.k8s.io/yaml words it. */
export class YamlError extends Error {
  override name = "YamlError";
  readonly userFacing = true;
}

/**
 * go-yaml's decoded tree before the JSON step: ints are GoInt (int64),
 * floats are numbers, maps are null-prototype objects with string keys.
 */
export type RawValue = Value;

const BINARY = "tag:yaml.org,2002:binary";

interface DecodeState {
  doc: Document;
  decodeCount: number;
  aliasCount: number;
  aliasDepth: number;
  active: Set<Node>;
  text: string;
}

function allowedAliasRatio(n: number): number {
  if (n <= 400_000) return 0.99;
  if (n >= 4_000_000) return 0.1;
  return 0.99 - 0.89 * ((n - 400_000) / 3_600_000);
}

function fail(msg: string): never {
  throw new YamlDecodeError(msg);
}

/** Go's %#v for the values go-yaml puts in its error messages. */
function goSharp(v: Value): string {
  if (v === null || v === undefined) return "interface {}(nil)";
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "boolean") return String(v);
  if (typeof v === "number") return Number.isInteger(v) ? `${v}` : String(v);
  if (v instanceof GoInt) return v.toString();
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSharp).join(", ")}}`;
  const m = v as GoMap;
  return `map[interface {}]interface {}{${Object.keys(m)
    .map((k) => `${JSON.stringify(k)}:${goSharp(m[k])}`)
    .join(", ")}}`;
}

function goPlainV(v: Value): string {
  if (v === null || v === undefined) return "<nil>";
  if (typeof v === "string") return JSON.stringify(v);
  return goSharp(v);
}

function keyString(k: Value, v: Value): string {
  if (typeof k === "string") return k;
  if (k instanceof GoInt) {
    if (k.v > 2n ** 63n - 1n)
      fail(`unsupported map key of type: uint64, key: 0x${k.v.toString(16)}, value: ${goPlainV(v)}`);
    return k.toString();
  }
  if (typeof k === "number") return formatFloat32Key(k);
  if (typeof k === "boolean") return k ? "true" : "false";
  if (k === null || k === undefined) fail(`unsupported map key of type: %!s(<nil>), key: <nil>, value: ${goPlainV(v)}`);
  return fail(`invalid map key: ${goSharp(k)}`);
}

function decodeScalar(node: Scalar): Value {
  const text = typeof node.value === "string" ? node.value : String(node.value ?? "");
  const plain = node.type === "PLAIN";
  if (node.tag === BINARY) {
    const clean = text.replace(/\s+/g, "");
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0)
      fail("!!binary value contains invalid base64 data");
    return Buffer.from(clean, "base64").toString("utf8");
  }
  if (!plain && !node.tag) return text;
  const tag = node.tag?.startsWith("tag:yaml.org,2002:") ? node.tag : node.tag ? "!local" : undefined;
  return resolvedValue(resolveScalar(text, tag));
}

function isMergeKey(node: unknown): boolean {
  return (
    isScalar(node) &&
    node.value === "<<" &&
    (node.type === "PLAIN" || node.tag === "tag:yaml.org,2002:merge") &&
    (!node.tag || node.tag === "tag:yaml.org,2002:merge")
  );
}

function decode(node: unknown, st: DecodeState): Value {
  st.decodeCount++;
  if (st.aliasDepth > 0) st.aliasCount++;
  if (st.aliasCount > 100 && st.decodeCount > 1000 && st.aliasCount / st.decodeCount > allowedAliasRatio(st.decodeCount))
    fail("document contains excessive aliasing");
  if (node === null || node === undefined) return null;
  if (isAlias(node)) {
    const target = node.resolve(st.doc);
    if (!target) fail(`unknown anchor '${node.source}' referenced`);
    if (st.active.has(target)) fail(`anchor '${node.source}' value contains itself`);
    st.aliasDepth++;
    try {
      return decode(target, st);
    } finally {
      st.aliasDepth--;
    }
  }
  if (isScalar(node)) return decodeScalar(node);
  if (isSeq(node)) {
    st.active.add(node);
    try {
      return node.items.map((item) => decode(item, st));
    } finally {
      st.active.delete(node);
    }
  }
  if (isMap(node)) {
    st.active.add(node);
    try {
      const out = newMap();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        if (isMergeKey(pair.key)) {
          merge(pair.value, out, st);
          continue;
        }
        if (!node.flow && isEmptyImplicitKey(pair.key, st.text)) {
          // go-yaml has no empty implicit keys in block mappings.
          const at = isScalar(pair.value) || isMap(pair.value) || isSeq(pair.value) ? (pair.value.range?.[0] ?? 0) : 0;
          throw new YamlSyntaxError(goParserMessage(st.text, at, "did not find expected key"));
        }
        const k = decode(pair.key, st);
        if (Array.isArray(k) || (typeof k === "object" && k !== null && !(k instanceof GoInt)))
          fail(`invalid map key: ${goSharp(k)}`);
        const v = decode(pair.value, st);
        out[keyString(k, v)] = v;
      }
      return out;
    } finally {
      st.active.delete(node);
    }
  }
  return null;
}

function isEmptyImplicitKey(key: unknown, text: string): boolean {
  if (key === null) return true;
  if (!isScalar(key) || key.source !== "" || !key.range || key.range[0] !== key.range[1]) return false;
  return !/\?\s*$/.test(text.slice(0, key.range[0]));
}

function merge(node: unknown, out: GoMap, st: DecodeState): void {
  const wantMap = () => fail("map merge requires map or sequence of maps as the value");
  const one = (n: unknown) => {
    const target = isAlias(n) ? n.resolve(st.doc) : n;
    if (!isMap(target)) wantMap();
    Object.assign(out, decode(n, st) as GoMap);
  };
  if (isMap(node) || isAlias(node)) one(node);
  else if (isSeq(node)) {
    // Earlier maps take precedence, so apply them last.
    for (let i = node.items.length - 1; i >= 0; i--) one(node.items[i]);
  } else wantMap();
}

/** go-yaml's decoded tree (ints as GoInt), first document only. */
export function parseYamlRaw(text: string): RawValue {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Plain block YAML (nearly every values file and manifest) is read in one pass.
  const fast = fastYaml(src);
  return fast ? fast.value : parseYamlFull(src);
}

const OPTIONS = { version: "1.1", schema: "failsafe", uniqueKeys: false, merge: false } as const;

/** The full parser: the `yaml` package's tree decoded with go-yaml's rules and errors. */
export function parseYamlFull(src: string): RawValue {
  try {
    checkPrintable(src);
    const docs = parseAllDocuments(src, OPTIONS);
    let doc = docs[0] as Document | undefined;
    if (!doc) {
      // No document; directives without one are still an error for go-yaml,
      // which only the single-document parser reports.
      const single = parseDocument(src, OPTIONS);
      if (single.errors.length > 0) throw new YamlSyntaxError(goYamlMessage(src, single.errors));
      return null;
    }
    let text = src;
    if (doc.errors.length > 0) {
      // Quoted scalars and flow collections on less indented lines load in go-yaml.
      const relaxed = indentContinuations(src);
      const again = relaxed === undefined ? undefined : (parseAllDocuments(relaxed, OPTIONS)[0] as Document | undefined);
      if (!again || again.errors.length > 0) throw new YamlSyntaxError(goYamlMessage(src, doc.errors));
      doc = again;
      text = relaxed!;
    }
    checkBlankLineTabs(text, doc);
    return decode(doc.contents, { text, doc, decodeCount: 0, aliasCount: 0, aliasDepth: 0, active: new Set() });
  } catch (err) {
    if (err instanceof YamlSyntaxError) throw new YamlError(`error converting YAML to JSON: ${err.message}`);
    if (err instanceof YamlDecodeError) {
      const prefix = /^unsupported map key/.test(err.message) ? "" : "yaml: ";
      throw new YamlError(`error converting YAML to JSON: ${prefix}${err.message}`);
    }
    throw err;
  }
}

function goFloatName(f: number): string {
  return Number.isNaN(f) ? "NaN" : f > 0 ? "+Inf" : "-Inf";
}

/** The JSON round trip: ints become float64, Inf/NaN are rejected. */
export function jsonRoundTrip(v: RawValue): Value {
  if (v instanceof GoInt) return Number(v.v);
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new YamlError(`error converting YAML to JSON: json: unsupported value: ${goFloatName(v)}`);
    return v;
  }
  if (Array.isArray(v)) return v.map(jsonRoundTrip);
  if (v !== null && typeof v === "object" && !(v instanceof Uint8Array)) {
    const out = newMap();
    for (const k of Object.keys(v as GoMap)) out[k] = jsonRoundTrip((v as GoMap)[k]);
    return out;
  }
  return v;
}

/** Parse YAML into a Go interface{} value, exactly as sigs.k8s.io/yaml.Unmarshal does. */
export function parseYaml(text: string, opts?: { filename?: string }): Value {
  try {
    return jsonRoundTrip(parseYamlRaw(text));
  } catch (err) {
    if (err instanceof YamlError && opts?.filename) throw new YamlError(`${opts.filename}: ${err.message}`);
    throw err;
  }
}

/** The JSON type name encoding/json uses in "cannot unmarshal X into ...". */
export function jsonKind(v: Value): string {
  if (typeof v === "string") return "string";
  if (typeof v === "number") return "number";
  if (typeof v === "boolean") return "bool";
  if (Array.isArray(v)) return "array";
  return "object";
}

/**
 * Unmarshal into map[string]interface{}: a null document gives an empty map,
 * anything but a mapping is encoding/json's type error.
 */
export function parseYamlMap(text: string): GoMap {
  const v = parseYaml(text);
  if (v === null || v === undefined) return newMap();
  if (typeof v !== "object" || Array.isArray(v) || v instanceof Uint8Array)
    throw new YamlError(
      `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(v)} into Go value of type map[string]interface {}`,
    );
  return v as GoMap;
}

/** Unmarshal into []interface{} (fromYamlArray). */
export function parseYamlArray(text: string): Value[] {
  const v = parseYaml(text);
  if (v === null || v === undefined) return [];
  if (!Array.isArray(v))
    throw new YamlError(
      `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(v)} into Go value of type []interface {}`,
    );
  return v;
}
