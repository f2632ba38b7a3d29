// .Chart as templates see it: helm passes `struct { chart.Metadata; IsRoot bool }`,
// so `.Chart.Name` reaches the embedded Metadata's fields by their Go names.
import { GoInt, GoObject, type GoMap, newMap, setElemType, setMapValueType, type Value } from "../template/value.js";

/** Chart.yaml as parsed (helm's JSON field names). */
export type MetadataJson = Record<string, unknown>;

interface FieldSpec {
  go: string;
  json: string;
  /** json:",omitempty" (all but Dependency's name and repository). */
  keepEmpty?: boolean;
  kind: "string" | "bool" | "strings" | "map" | "maintainers" | "dependencies" | "any";
}

const metadataFields: FieldSpec[] = [
  { go: "Name", json: "name", kind: "string" },
  { go: "Home", json: "home", kind: "string" },
  { go: "Sources", json: "sources", kind: "strings" },
  { go: "Version", json: "version", kind: "string" },
  { go: "Description", json: "description", kind: "string" },
  { go: "Keywords", json: "keywords", kind: "strings" },
  { go: "Maintainers", json: "maintainers", kind: "maintainers" },
  { go: "Icon", json: "icon", kind: "string" },
  { go: "APIVersion", json: "apiVersion", kind: "string" },
  { go: "Condition", json: "condition", kind: "string" },
  { go: "Tags", json: "tags", kind: "string" },
  { go: "AppVersion", json: "appVersion", kind: "string" },
  { go: "Deprecated", json: "deprecated", kind: "bool" },
  { go: "Annotations", json: "annotations", kind: "map" },
  { go: "KubeVersion", json: "kubeVersion", kind: "string" },
  { go: "Dependencies", json: "dependencies", kind: "dependencies" },
  { go: "Type", json: "type", kind: "string" },
];

const dependencyFields: FieldSpec[] = [
  { go: "Name", json: "name", kind: "string", keepEmpty: true },
  { go: "Version", json: "version", kind: "string" },
  { go: "Repository", json: "repository", kind: "string", keepEmpty: true },
  { go: "Condition", json: "condition", kind: "string" },
  { go: "Tags", json: "tags", kind: "strings" },
  { go: "Enabled", json: "enabled", kind: "bool" },
  { go: "ImportValues", json: "import-values", kind: "any" },
  { go: "Alias", json: "alias", kind: "string" },
];

const maintainerFields: FieldSpec[] = [
  { go: "Name", json: "name", kind: "string" },
  { go: "Email", json: "email", kind: "string" },
  { go: "URL", json: "url", kind: "string" },
];

function convert(raw: unknown, kind: FieldSpec["kind"]): Value {
  switch (kind) {
    case "string":
      return typeof raw === "string" ? raw : raw == null ? "" : String(raw);
    case "bool":
      return raw === true;
    case "strings":
      return setElemType(Array.isArray(raw) ? raw.map((x) => String(x)) : [], "string");
    case "map": {
      const m = newMap();
      if (raw && typeof raw === "object") for (const [k, v] of Object.entries(raw)) m[k] = String(v);
      return setMapValueType(m, "string");
    }
    case "maintainers":
      return setElemType(
        Array.isArray(raw) ? raw.map((x) => new StructObject("*chart.Maintainer", maintainerFields, x as MetadataJson)) : [],
        "*chart.Maintainer",
      );
    case "dependencies":
      return setElemType(
        Array.isArray(raw) ? raw.map((x) => new StructObject("*chart.Dependency", dependencyFields, x as MetadataJson)) : [],
        "*chart.Dependency",
      );
    default:
      return (raw ?? null) as Value;
  }
}

/** A Go struct backed by a JSON object with a fixed field list. */
class StructObject extends GoObject {
  private readonly values = new Map<string, Value>();
  constructor(
    private readonly type: string,
    private readonly fields: FieldSpec[],
    json: MetadataJson | null | undefined,
  ) {
    super();
    const src = json ?? {};
    for (const f of fields) this.values.set(f.go, convert(src[f.json], f.kind));
  }
  goType(): string {
    return this.type;
  }
  override fieldNames(): string[] {
    return this.fields.map((f) => f.go);
  }
  override hasField(name: string): boolean {
    return this.values.has(name);
  }
  override field(name: string): Value | undefined {
    return this.values.get(name);
  }
  /** encoding/json with the struct's json tags. */
  override goJson(): GoMap {
    const out = newMap();
    for (const f of this.fields) {
      const v = this.values.get(f.go) ?? null;
      if (!f.keepEmpty && isEmptyJson(v)) continue;
      out[f.json] = Array.isArray(v) ? v.map((x) => (x instanceof StructObject ? x.goJson() : x)) : v;
    }
    return out;
  }
}

function isEmptyJson(v: Value): boolean {
  if (v === null || v === undefined || v === "" || v === false) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === "object" && !(v instanceof GoObject) && !(v instanceof GoInt)) return Object.keys(v).length === 0;
  return false;
}

/** The value of .Chart for one chart of the tree. */
export class ChartObject extends GoObject {
  readonly metadata: StructObject;
  constructor(
    json: MetadataJson,
    readonly isRoot: boolean,
  ) {
    super();
    this.metadata = new StructObject("chart.Metadata", metadataFields, json);
  }
  goType(): string {
    return "struct { chart.Metadata; IsRoot bool }";
  }
  override fieldNames(): string[] {
    return ["Metadata", "IsRoot"];
  }
  override hasField(name: string): boolean {
    return name === "Metadata" || name === "IsRoot" || this.metadata.hasField(name);
  }
  override field(name: string): Value | undefined {
    if (name === "IsRoot") return this.isRoot;
    if (name === "Metadata") return this.metadata;
    return this.metadata.field(name);
  }
  /** The embedded Metadata's json fields are promoted beside IsRoot. */
  override goJson(): GoMap {
    const out = this.metadata.goJson();
    out.IsRoot = this.isRoot;
    return out;
  }
}

/** .Release: helm passes a plain map. */
export function releaseMap(opts: { name: string; namespace: string; revision: number; isUpgrade: boolean; isInstall?: boolean }): GoMap {
  const m = newMap();
  m.Name = opts.name;
  m.Namespace = opts.namespace;
  m.IsUpgrade = opts.isUpgrade;
  // Lint's release is neither an install nor an upgrade.
  m.IsInstall = opts.isInstall ?? !opts.isUpgrade;
  m.Revision = new GoInt(BigInt(opts.revision), "int");
  m.Service = "Helm";
  return m;
}

