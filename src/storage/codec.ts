// Release <-> the string helm keeps in a Secret or ConfigMap:
// base64(gzip(json.Marshal(release))), gzip at best compression as helm writes it.
import { gunzipSync, gzipSync, constants as zlib } from "node:zlib";
import type { Chart, ChartFile } from "../chart/index.js";
import type { GoMap } from "../template/value.js";
import { type GoStruct, goJson, struct, toGoValue } from "./gojson.js";
import type { Release, ReleaseHook, StoredChart, StoredFile } from "./release.js";
import { ZERO_TIME } from "./release.js";

export class ReleaseDecodeError extends Error {
  override name = "ReleaseDecodeError";
}

type Obj = Record<string, unknown>;

function dependencyStruct(d: Obj | null): GoStruct | null {
  if (!d) return null;
  return struct(
    ["name", d.name ?? ""],
    ["version", d.version, true],
    ["repository", d.repository ?? ""],
    ["condition", d.condition, true],
    ["tags", d.tags, true],
    ["enabled", d.enabled, true],
    ["import-values", d["import-values"] ?? d.importValues, true],
    ["alias", d.alias, true],
  );
}

function metadataStruct(m: Obj | null): GoStruct | null {
  if (!m) return null;
  const maint = (m.maintainers as (Obj | null)[] | undefined)?.map((x) =>
    x ? struct(["name", x.name, true], ["email", x.email, true], ["url", x.url, true]) : null,
  );
  return struct(
    ["name", m.name, true],
    ["home", m.home, true],
    ["sources", m.sources, true],
    ["version", m.version, true],
    ["description", m.description, true],
    ["keywords", m.keywords, true],
    ["maintainers", maint, true],
    ["icon", m.icon, true],
    ["apiVersion", m.apiVersion, true],
    ["condition", m.condition, true],
    ["tags", m.tags, true],
    ["appVersion", m.appVersion, true],
    ["deprecated", m.deprecated, true],
    ["annotations", m.annotations, true],
    ["kubeVersion", m.kubeVersion, true],
    ["dependencies", (m.dependencies as (Obj | null)[] | undefined)?.map(dependencyStruct), true],
    ["type", m.type, true],
  );
}

function filesJson(files: StoredFile[] | null): GoStruct[] | null {
  return files ? files.map((f) => struct(["name", f.name], ["data", f.data])) : null;
}

function chartStruct(c: StoredChart): GoStruct {
  const lock = c.lock
    ? struct(
        // chart.Lock uses the standard time.Time, whose zero is year 1.
        ["generated", c.lock.generated ?? "0001-01-01T00:00:00Z"],
        ["digest", c.lock.digest ?? ""],
        ["dependencies", (c.lock.dependencies as (Obj | null)[] | null)?.map(dependencyStruct) ?? null],
      )
    : null;
  return struct(
    ["metadata", metadataStruct(c.metadata)],
    ["lock", lock],
    ["templates", filesJson(c.templates)],
    ["values", c.values],
    ["schema", c.schema],
    ["files", filesJson(c.files)],
  );
}

function hookStruct(h: ReleaseHook): GoStruct {
  return struct(
    ["name", h.name, true],
    ["kind", h.kind, true],
    ["path", h.path, true],
    ["manifest", h.manifest, true],
    ["events", h.events, true],
    ["last_run", struct(["started_at", h.last_run.started_at], ["completed_at", h.last_run.completed_at], ["phase", h.last_run.phase])],
    ["weight", h.weight, true],
    ["delete_policies", h.delete_policies, true],
  );
}

/** json.Marshal(release) byte for byte as helm writes it. */
export function releaseJson(r: Release): string {
  const i = r.info;
  return goJson(
    struct(
      ["name", r.name, true],
      [
        "info",
        struct(
          ["first_deployed", i.first_deployed],
          ["last_deployed", i.last_deployed],
          ["deleted", i.deleted],
          ["description", i.description, true],
          ["status", i.status, true],
          ["notes", i.notes, true],
          ["resources", i.resources, true],
        ),
      ],
      ["chart", r.chart ? chartStruct(r.chart) : undefined, true],
      ["config", r.config, true],
      ["manifest", r.manifest, true],
      ["hooks", r.hooks?.map(hookStruct), true],
      ["version", r.version, true],
      ["namespace", r.namespace, true],
      ["apply_method", r.apply_method, true],
    ),
  );
}

export function encodeRelease(r: Release): string {
  return gzipSync(Buffer.from(releaseJson(r)), { level: zlib.Z_BEST_COMPRESSION }).toString("base64");
}

function bytes(v: unknown): Buffer | null {
  return typeof v === "string" ? Buffer.from(v, "base64") : null;
}

function files(v: unknown): StoredFile[] | null {
  return Array.isArray(v) ? v.map((f: Obj) => ({ name: String(f.name ?? ""), data: bytes(f.data) })) : null;
}

function decodeChart(c: Obj): StoredChart {
  return {
    metadata: (c.metadata as Obj) ?? null,
    lock: (c.lock as Obj) ?? null,
    templates: files(c.templates),
    values: c.values ? (toGoValue(c.values) as GoMap) : null,
    schema: bytes(c.schema),
    files: files(c.files),
  };
}

export function parseRelease(json: string): Release {
  const o = JSON.parse(json) as Obj;
  const info = (o.info as Obj) ?? {};
  const hooks = o.hooks as Obj[] | undefined;
  return {
    name: (o.name as string) ?? "",
    info: {
      first_deployed: (info.first_deployed as string) ?? ZERO_TIME,
      last_deployed: (info.last_deployed as string) ?? ZERO_TIME,
      deleted: (info.deleted as string) ?? ZERO_TIME,
      description: info.description as string | undefined,
      status: info.status as Release["info"]["status"],
      notes: info.notes as string | undefined,
      resources: info.resources,
    },
    chart: o.chart ? decodeChart(o.chart as Obj) : undefined,
    config: o.config ? (toGoValue(o.config) as GoMap) : undefined,
    manifest: o.manifest as string | undefined,
    hooks: hooks?.map((h) => {
      const run = (h.last_run as Obj) ?? {};
      return {
        ...(h as Omit<ReleaseHook, "last_run">),
        last_run: {
          started_at: (run.started_at as string) ?? ZERO_TIME,
          completed_at: (run.completed_at as string) ?? ZERO_TIME,
          phase: (run.phase as string) ?? "",
        },
      };
    }),
    version: (o.version as number) ?? 0,
    namespace: (o.namespace as string) ?? "",
    apply_method: o.apply_method as Release["apply_method"],
  };
}

/** Accepts gzipped and (as helm does, for old releases) plain JSON payloads. */
export function decodeRelease(data: string): Release {
  let b = Buffer.from(data, "base64");
  if (b.length > 3 && b[0] === 0x1f && b[1] === 0x8b && b[2] === 0x08) {
    try {
      b = gunzipSync(b);
    } catch (err) {
      throw new ReleaseDecodeError(`release data is not valid gzip: ${(err as Error).message}`, { cause: err });
    }
  }
  try {
    return parseRelease(b.toString("utf8"));
  } catch (err) {
    throw new ReleaseDecodeError(`release data is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
}

function storedFiles(fs: ChartFile[]): StoredFile[] {
  return fs.map((f) => ({ name: f.name, data: f.data }));
}

/** The chart as a release keeps it: the top chart only, as helm's unexported dependencies are not serialised. */
export function storedChart(chart: Chart): StoredChart {
  const m = chart.metadata;
  return {
    metadata: { ...m, dependencies: m.dependencies.map((d) => (d ? { ...d, "import-values": d.importValues } : null)) } as unknown as Obj,
    lock: chart.lock ? ({ ...chart.lock } as unknown as Obj) : null,
    templates: storedFiles(chart.templates),
    values: chart.values,
    schema: chart.schema ?? null,
    files: storedFiles(chart.files),
  };
}
