// Chart.yaml, requirements.yaml and the lock files decoded the way
// sigs.k8s.io/yaml decodes into helm's Go structs: YAML scalars bound for a
// string field become strings (floats printed as float32, the source of the
// well-known "1.10" -> "1.1" surprise), then encoding/json's type rules, with
// field names matched case-insensitively. Then helm's Metadata.Validate.
import { GoInt, type GoMap, isMap, type Value } from "../template/value.js";
import { jsonKind, jsonRoundTrip, parseYamlRaw, YamlError } from "../yaml/parse.js";
import { formatFloat32Key } from "../yaml/parse-resolve.js";
import {
  type ChartLock,
  type ChartMetadata,
  ChartValidationError,
  type Dependency,
  emptyMetadata,
  type Maintainer,
} from "./model.js";
import { isValidSemver } from "./semver.js";

type Kind = "string" | "bool" | "[]string" | "map[string]string" | "[]interface {}" | StructSpec;
interface StructSpec {
  goName: string;
  slice: boolean;
  fields: Record<string, [prop: string, kind: Kind]>;
}

const MAINTAINER: StructSpec = {
  goName: "Maintainer",
  slice: true,
  fields: { name: ["name", "string"], email: ["email", "string"], url: ["url", "string"] },
};

const DEPENDENCY: StructSpec = {
  goName: "Dependency",
  slice: true,
  fields: {
    name: ["name", "string"],
    version: ["version", "string"],
    repository: ["repository", "string"],
    condition: ["condition", "string"],
    tags: ["tags", "[]string"],
    enabled: ["enabled", "bool"],
    "import-values": ["importValues", "[]interface {}"],
    alias: ["alias", "string"],
  },
};

const METADATA: StructSpec = {
  goName: "Metadata",
  slice: false,
  fields: {
    name: ["name", "string"],
    home: ["home", "string"],
    sources: ["sources", "[]string"],
    version: ["version", "string"],
    description: ["description", "string"],
    keywords: ["keywords", "[]string"],
    maintainers: ["maintainers", MAINTAINER],
    icon: ["icon", "string"],
    apiVersion: ["apiVersion", "string"],
    condition: ["condition", "string"],
    tags: ["tags", "string"],
    appVersion: ["appVersion", "string"],
    deprecated: ["deprecated", "bool"],
    annotations: ["annotations", "map[string]string"],
    kubeVersion: ["kubeVersion", "string"],
    dependencies: ["dependencies", DEPENDENCY],
    type: ["type", "string"],
  },
};

const LOCK: StructSpec = {
  goName: "Lock",
  slice: false,
  fields: {
    generated: ["generated", "string"],
    digest: ["digest", "string"],
    dependencies: ["dependencies", DEPENDENCY],
  },
};

interface Ctx {
  struct: string;
  path: string[];
  error?: string;
}

function typeError(ctx: Ctx, v: Value, goType: string): void {
  ctx.error ??= `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(
    v,
  )} into Go struct field ${ctx.struct}.${ctx.path.join(".")} of type ${goType}`;
}

/** sigs.k8s.io/yaml turns scalars bound for a string into their text. */
function asString(v: Value, ctx: Ctx, goType = "string"): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "true" : "false";
  if (v instanceof GoInt) return v.toString();
  if (typeof v === "number") return formatFloat32Key(v).replace(/^\.inf$/, "+Inf").replace(/^-\.inf$/, "-Inf").replace(/^\.nan$/, "NaN");
  typeError(ctx, jsonRoundTrip(v), goType);
  return "";
}

function decodeKind(v: Value, kind: Kind, ctx: Ctx): unknown {
  if (typeof kind === "object") return decodeStructValue(v, kind, ctx);
  switch (kind) {
    case "string":
      return asString(v, ctx);
    case "bool":
      if (v === null || v === undefined) return false;
      if (typeof v === "boolean") return v;
      typeError(ctx, jsonRoundTrip(v), "bool");
      return false;
    case "[]string":
      if (v === null || v === undefined) return [];
      if (!Array.isArray(v)) {
        typeError(ctx, jsonRoundTrip(v), "[]string");
        return [];
      }
      return v.map((e) => asString(e, ctx));
    case "map[string]string": {
      const out: Record<string, string> = {};
      if (v === null || v === undefined) return out;
      if (!isMap(v)) {
        typeError(ctx, jsonRoundTrip(v), "map[string]string");
        return out;
      }
      for (const k of Object.keys(v)) out[k] = asString(v[k], ctx);
      return out;
    }
    case "[]interface {}":
      if (v === null || v === undefined) return [];
      if (!Array.isArray(v)) {
        typeError(ctx, jsonRoundTrip(v), "[]interface {}");
        return [];
      }
      return jsonRoundTrip(v);
  }
}

function decodeStructValue(v: Value, spec: StructSpec, ctx: Ctx): unknown {
  if (spec.slice) {
    if (v === null || v === undefined) return [];
    if (!Array.isArray(v)) {
      typeError(ctx, jsonRoundTrip(v), `[]*chart.${spec.goName}`);
      return [];
    }
    return v.map((e) => (e === null || e === undefined ? null : decodeStruct(e, spec, ctx)));
  }
  return decodeStruct(v, spec, ctx);
}

function decodeStruct(v: Value, spec: StructSpec, ctx: Ctx): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [, [prop, kind]] of Object.entries(spec.fields)) out[prop] = decodeKind(null, kind, { ...ctx });
  if (v === null || v === undefined) return out;
  if (!isMap(v)) {
    typeError(ctx, jsonRoundTrip(v), `chart.${spec.goName}`);
    return out;
  }
  const names = Object.keys(spec.fields);
  for (const key of Object.keys(v)) {
    const field = names.includes(key) ? key : names.find((n) => n.toLowerCase() === key.toLowerCase());
    if (!field) continue;
    const [prop, kind] = spec.fields[field] as [string, Kind];
    const sub: Ctx = { struct: typeof kind === "object" ? kind.goName : spec.goName, path: [...ctx.path, field] };
    if (typeof kind !== "object") sub.struct = spec.goName;
    out[prop] = decodeKind((v as GoMap)[key], kind, sub);
    if (sub.error) ctx.error ??= sub.error;
  }
  return out;
}

function decodeDocument<T>(text: string, spec: StructSpec): T {
  const raw = parseYamlRaw(text);
  jsonRoundTrip(raw);
  if (raw !== null && raw !== undefined && !isMap(raw))
    throw new YamlError(
      `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(jsonRoundTrip(raw))} into Go value of type chart.${spec.goName}`,
    );
  const ctx: Ctx = { struct: spec.goName, path: [] };
  const out = decodeStruct(raw, spec, ctx);
  if (ctx.error) throw new YamlError(ctx.error);
  return out as T;
}

/** Decode Chart.yaml (no validation). */
export function decodeMetadata(text: string): ChartMetadata {
  return { ...emptyMetadata(), ...decodeDocument<Partial<ChartMetadata>>(text, METADATA) };
}

/** Decode requirements.yaml onto existing metadata: only the fields it sets. */
export function mergeRequirements(md: ChartMetadata, text: string): void {
  const raw = parseYamlRaw(text);
  const decoded = decodeDocument<ChartMetadata>(text, METADATA);
  if (!isMap(raw)) return;
  const names = Object.keys(METADATA.fields);
  for (const key of Object.keys(raw)) {
    const field = names.includes(key) ? key : names.find((n) => n.toLowerCase() === key.toLowerCase());
    if (!field) continue;
    const prop = (METADATA.fields[field] as [keyof ChartMetadata, Kind])[0];
    (md as unknown as Record<string, unknown>)[prop] = decoded[prop];
  }
}

export function decodeLock(text: string): ChartLock {
  return decodeDocument<ChartLock>(text, LOCK);
}

/** Go's unicode.IsSpace -> ' ', drop non-printable runes (helm's sanitizeString). */
export function sanitizeString(s: string): string {
  let out = "";
  for (const ch of s) {
    if (/^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/.test(ch)) out += " ";
    else if (/^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(ch) || ch === " ") out += ch;
  }
  return out;
}

function goBase(p: string): string {
  if (p === "") return ".";
  const trimmed = p.replace(/\/+$/, "");
  if (trimmed === "") return "/";
  const i = trimmed.lastIndexOf("/");
  return i >= 0 ? trimmed.slice(i + 1) : trimmed;
}

const ALIAS_FORMAT = /^[a-zA-Z0-9_-]+$/;

function validateDependency(d: Dependency | null): void {
  if (d === null) throw new ChartValidationError("dependencies must not contain empty or null nodes");
  d.name = sanitizeString(d.name);
  d.version = sanitizeString(d.version);
  d.repository = sanitizeString(d.repository);
  d.condition = sanitizeString(d.condition);
  d.tags = d.tags.map(sanitizeString);
  if (d.alias !== "" && !ALIAS_FORMAT.test(d.alias))
    throw new ChartValidationError(`dependency ${JSON.stringify(d.name)} has disallowed characters in the alias`);
}

/** helm's Metadata.Validate, sanitising strings in place. */
export function validateMetadata(md: ChartMetadata): void {
  md.name = sanitizeString(md.name);
  md.description = sanitizeString(md.description);
  md.home = sanitizeString(md.home);
  md.icon = sanitizeString(md.icon);
  md.condition = sanitizeString(md.condition);
  md.tags = sanitizeString(md.tags);
  md.appVersion = sanitizeString(md.appVersion);
  md.kubeVersion = sanitizeString(md.kubeVersion);
  md.sources = md.sources.map(sanitizeString);
  md.keywords = md.keywords.map(sanitizeString);
  if (md.apiVersion === "") throw new ChartValidationError("chart.metadata.apiVersion is required");
  if (md.name === "") throw new ChartValidationError("chart.metadata.name is required");
  if (md.name !== goBase(md.name))
    throw new ChartValidationError(`chart.metadata.name ${JSON.stringify(md.name)} is invalid`);
  if (md.version === "") throw new ChartValidationError("chart.metadata.version is required");
  if (!isValidSemver(md.version))
    throw new ChartValidationError(`chart.metadata.version ${JSON.stringify(md.version)} is invalid`);
  if (!["", "application", "library"].includes(md.type))
    throw new ChartValidationError("chart.metadata.type must be application or library");
  for (const m of md.maintainers) {
    if (m === null) throw new ChartValidationError("maintainers must not contain empty or null nodes");
    const mm = m as Maintainer;
    mm.name = sanitizeString(mm.name);
    mm.email = sanitizeString(mm.email);
    mm.url = sanitizeString(mm.url);
  }
  const seen = new Set<string>();
  for (const d of md.dependencies) {
    validateDependency(d);
    const key = (d as Dependency).alias || (d as Dependency).name;
    if (seen.has(key)) throw new ChartValidationError(`more than one dependency with name or alias ${JSON.stringify(key)}`);
    seen.add(key);
  }
}
