// How helm lint reads a rendered template: k8s.io/apimachinery's
// YAMLOrJSONDecoder (a JSON stream when the text starts with '{', otherwise
// YAML documents split at "---" lines), each document decoded by
// sigs.k8s.io/yaml into helm's small K8sYamlStruct (apiVersion, kind,
// metadata.name, metadata.namespace), with the errors those libraries give.
import { GoInt, type GoMap, isMap, type Value } from "../../template/value.js";
import { jsonKind, jsonRoundTrip, parseYamlRaw } from "../../yaml/parse.js";
import { formatFloat32Key } from "../../yaml/parse-resolve.js";
import { compareGoStrings } from "../../yaml/emit-json.js";
import { goTrimSpace } from "../../render/manifests.js";
import { JsonStreamError, jsonValueRanges } from "./json-stream.js";

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace: string };
}

/** A document that does not decode; the text is what helm shows after "unable to parse YAML: ". */
export class K8sYamlError extends Error {
  override name = "K8sYamlError";
}

/**
 * The documents of a rendered file in order (null for an empty one). A
 * decoding error is thrown when the reader reaches it, after the documents
 * before it were yielded.
 */
export function* k8sDocuments(content: string): Generator<K8sObject | null> {
  if (goTrimSpace(content.slice(0, 4096)).startsWith("{")) {
    yield* jsonDocuments(content);
    return;
  }
  for (const doc of yamlChunks(content)) yield decodeYamlDocument(doc);
}

/** YAMLReader: lines up to a line starting "---"; only a comment may follow the dashes. */
function* yamlChunks(content: string): Generator<string> {
  const lines = content.split("\n");
  // A final newline ends the last line rather than starting another.
  if (lines[lines.length - 1] === "") lines.pop();
  let buffer = "";
  for (const raw of lines) {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line.startsWith("---")) {
      const rest = goTrimSpace(line.slice(3));
      if (rest.length > 0 && rest[0] !== "#") throw new K8sYamlError(`invalid Yaml document separator: ${rest}`);
      if (buffer.length > 0) {
        yield buffer;
        buffer = "";
        continue;
      }
    }
    buffer += `${line}\n`;
  }
  if (buffer.length > 0) yield buffer;
}

const structName = "K8sYamlStruct";
const metadataType = "rules.k8sYamlMetadata";

interface DecodeCtx {
  /** sigs.k8s.io/yaml turns scalars bound for string fields into strings; encoding/json does not. */
  yaml: boolean;
  error?: string;
}

function typeError(ctx: DecodeCtx, v: Value, struct: string, field: string, goType: string): void {
  ctx.error ??= `json: cannot unmarshal ${jsonKind(v)} into Go struct field ${struct}.${field} of type ${goType}`;
}

function stringField(ctx: DecodeCtx, v: Value, struct: string, field: string): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (ctx.yaml) {
    if (typeof v === "boolean") return v ? "true" : "false";
    if (v instanceof GoInt) return v.toString();
    if (typeof v === "number") return formatFloat32Key(v).replace(/^\.inf$/, "+Inf").replace(/^-\.inf$/, "-Inf").replace(/^\.nan$/, "NaN");
  }
  typeError(ctx, jsonRoundTrip(v), struct, field, "string");
  return "";
}

/** encoding/json's field lookup: an exact name first, else a case-insensitive one; JSON keys come sorted. */
function fields(m: GoMap, names: string[]): Map<string, Value> {
  const out = new Map<string, Value>();
  const keys = Object.keys(m).sort(compareGoStrings);
  for (const k of keys) {
    const f = names.find((n) => n === k) ?? names.find((n) => n.toLowerCase() === k.toLowerCase());
    if (f) out.set(f, m[k]);
  }
  return out;
}

function decodeObject(v: Value, ctx: DecodeCtx): K8sObject | null {
  if (v === null || v === undefined) return null;
  if (!isMap(v)) {
    ctx.error ??= `json: cannot unmarshal ${jsonKind(jsonRoundTrip(v))} into Go value of type rules.${structName}`;
    return null;
  }
  const obj: K8sObject = { apiVersion: "", kind: "", metadata: { name: "", namespace: "" } };
  const f = fields(v, ["apiVersion", "Kind", "Metadata"]);
  if (f.has("apiVersion")) obj.apiVersion = stringField(ctx, f.get("apiVersion")!, structName, "apiVersion");
  if (f.has("Kind")) obj.kind = stringField(ctx, f.get("Kind")!, structName, "Kind");
  const md = f.get("Metadata");
  if (md !== null && md !== undefined) {
    if (!isMap(md)) typeError(ctx, jsonRoundTrip(md), structName, "Metadata", metadataType);
    else {
      const mf = fields(md, ["Namespace", "Name"]);
      if (mf.has("Namespace")) obj.metadata.namespace = stringField(ctx, mf.get("Namespace")!, "k8sYamlMetadata", "Metadata.Namespace");
      if (mf.has("Name")) obj.metadata.name = stringField(ctx, mf.get("Name")!, "k8sYamlMetadata", "Metadata.Name");
    }
  }
  return obj;
}

/** sigs.k8s.io/yaml.Unmarshal of one document into *K8sYamlStruct. */
function decodeYamlDocument(doc: string): K8sObject | null {
  let raw: Value;
  try {
    raw = parseYamlRaw(doc);
  } catch (err) {
    throw new K8sYamlError((err as Error).message);
  }
  const ctx: DecodeCtx = { yaml: true };
  const obj = decodeObject(raw, ctx);
  // The YAML -> JSON step sees the rest of the document (Inf and NaN fail there),
  // after the fields bound for strings became strings.
  try {
    jsonRoundTrip(withoutStringFields(raw));
  } catch (err) {
    throw new K8sYamlError((err as Error).message);
  }
  if (ctx.error) throw new K8sYamlError(`error unmarshaling JSON: while decoding JSON: ${ctx.error}`);
  return obj;
}

function withoutStringFields(raw: Value): Value {
  if (!isMap(raw)) return raw;
  const copy: GoMap = Object.assign(Object.create(null), raw);
  for (const k of Object.keys(copy)) {
    const lk = k.toLowerCase();
    if (lk === "apiversion" || lk === "kind") copy[k] = null;
    else if (lk === "metadata" && isMap(copy[k])) {
      const md: GoMap = Object.assign(Object.create(null), copy[k]);
      for (const mk of Object.keys(md)) if (["name", "namespace"].includes(mk.toLowerCase())) md[mk] = null;
      copy[k] = md;
    }
  }
  return copy;
}

/** encoding/json.Decoder over a stream of JSON values. */
function* jsonDocuments(content: string): Generator<K8sObject | null> {
  const buf = Buffer.from(content, "utf8");
  try {
    for (const [start, end] of jsonValueRanges(buf)) {
      const ctx: DecodeCtx = { yaml: false };
      const obj = decodeObject(fromJson(JSON.parse(buf.toString("utf8", start, end))), ctx);
      if (ctx.error) throw new K8sYamlError(ctx.error);
      yield obj;
    }
  } catch (err) {
    if (err instanceof JsonStreamError) throw new K8sYamlError(err.message);
    throw err;
  }
}

function fromJson(v: unknown): Value {
  if (Array.isArray(v)) return v.map(fromJson);
  if (v !== null && typeof v === "object") {
    const m: GoMap = Object.create(null);
    for (const [k, x] of Object.entries(v)) m[k] = fromJson(x);
    return m;
  }
  return v as Value;
}

const annotationsType = "map[string]string";
const metadataStructType = `struct { Annotations ${annotationsType} }`;
const itemType = `struct { Metadata ${metadataStructType} }`;
const listType = `struct { Items []${itemType} }`;

/**
 * helm's List check reads the whole rendered file (its first document) as
 * {items: [{metadata: {annotations}}]}; true when an item carries
 * helm.sh/resource-policy. Throws K8sYamlError when the file does not decode.
 */
export function listItemHasResourcePolicy(content: string): boolean {
  let raw: Value;
  try {
    raw = parseYamlRaw(content);
    jsonRoundTrip(raw);
  } catch (err) {
    throw new K8sYamlError((err as Error).message);
  }
  const fail = (v: Value, field: string, type: string): never => {
    const into = field === "" ? `Go value of type ${type}` : `Go struct field .${field} of type ${type}`;
    throw new K8sYamlError(`error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(jsonRoundTrip(v))} into ${into}`);
  };
  if (raw === null || raw === undefined) return false;
  if (!isMap(raw)) return fail(raw, "", listType);
  const items = fields(raw, ["Items"]).get("Items");
  if (items === null || items === undefined) return false;
  if (!Array.isArray(items)) return fail(items, "Items", `[]${itemType}`);
  let found = false;
  for (const item of items) {
    if (item === null || item === undefined) continue;
    if (!isMap(item)) fail(item, "Items", itemType);
    const md = fields(item as GoMap, ["Metadata"]).get("Metadata");
    if (md === null || md === undefined) continue;
    if (!isMap(md)) fail(md, "Items.Metadata", metadataStructType);
    const ann = fields(md as GoMap, ["Annotations"]).get("Annotations");
    if (ann === null || ann === undefined) continue;
    if (!isMap(ann)) fail(ann, "Items.Metadata.Annotations", annotationsType);
    for (const k of Object.keys(ann as GoMap).sort(compareGoStrings)) {
      const v = (ann as GoMap)[k];
      if (isMap(v) || Array.isArray(v)) fail(v, "Items.Metadata.Annotations", "string");
    }
    if (Object.hasOwn(ann as GoMap, "helm.sh/resource-policy")) found = true;
  }
  return found;
}
