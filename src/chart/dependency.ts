// Dependency bookkeeping helm does in pkg/downloader and pkg/action: the
// Chart.lock digest, the status column of `dependency list`, and resolving
// file:// dependencies to the versions found on disk.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, isAbsolute, join } from "node:path";
import type { Value } from "../template/value.js";
import { jsonString, marshalJson } from "../yaml/emit-json.js";
import { loadChart } from "./load.js";
import { type Chart, ChartLoadError, type ChartLock, type Dependency } from "./model.js";
import { isCompatibleRange, normalizeVersion } from "./semver.js";

/** A dependency the user can fix (bad path, unsatisfied constraint...). */
export class DependencyError extends Error {
  override name = "DependencyError";
  readonly userFacing = true;
}

/** A Dependency as Go's json.Marshal writes the struct (field order, omitempty). */
function dependencyJson(d: Dependency | null): string {
  if (d === null) return "null";
  const fields: [string, Value, boolean][] = [
    ["name", d.name, false],
    ["version", d.version, true],
    ["repository", d.repository, false],
    ["condition", d.condition, true],
    ["tags", d.tags, true],
    ["enabled", d.enabled, true],
    ["import-values", d.importValues, true],
    ["alias", d.alias, true],
  ];
  const parts: string[] = [];
  for (const [k, v, omit] of fields) {
    if (omit && (v === "" || v === false || (Array.isArray(v) && v.length === 0))) continue;
    parts.push(`${jsonString(k, true)}:${marshalJson(v)}`);
  }
  return `{${parts.join(",")}}`;
}

/** helm's resolver.HashReq: sha256 of json.Marshal([2][]*Dependency{req, lock}). */
export function hashRequirements(req: (Dependency | null)[], lock: (Dependency | null)[]): string {
  const list = (ds: (Dependency | null)[]) => (ds.length === 0 ? "null" : `[${ds.map(dependencyJson).join(",")}]`);
  const data = `[${list(req)},${list(lock)}]`;
  return `sha256:${createHash("sha256").update(data).digest("hex")}`;
}

/** The directory a file:// repository names, relative to the chart (helm's GetLocalPath). */
export function localDependencyPath(repository: string, chartPath: string): string {
  const p = repository.replace(/^file:\/\//, "");
  const abs = isAbsolute(p) ? p : join(chartPath, p);
  if (!existsSync(abs)) throw new DependencyError(`directory ${abs} not found`);
  return abs;
}

/** A lock entry for a file:// dependency: the version on disk, checked against the constraint. */
export function resolveLocal(dep: Dependency, chartPath: string): { chart: Chart; entry: Dependency } {
  const path = localDependencyPath(dep.repository, chartPath);
  const chart = loadChart(path);
  if (!isCompatibleRange(dep.version, chart.metadata.version))
    throw new DependencyError(`can't get a valid version for dependency ${dep.name}`);
  const entry: Dependency = { ...emptyDependency(), name: dep.name, version: chart.metadata.version, repository: dep.repository };
  return { chart, entry };
}

export function emptyDependency(): Dependency {
  return { name: "", version: "", repository: "", condition: "", tags: [], enabled: false, importValues: [], alias: "" };
}

export function newLock(entries: Dependency[], req: (Dependency | null)[], now = new Date()): ChartLock {
  return { generated: goRfc3339Nano(now), digest: hashRequirements(req, entries), dependencies: entries };
}

/** Go's time.Time text form (RFC 3339 with nanoseconds, trailing zeros dropped) in local UTC offset "Z". */
function goRfc3339Nano(d: Date): string {
  return d.toISOString().replace(/\.?0+Z$/, "Z");
}

function versionMatches(constraint: string, version: string): string | undefined {
  if (normalizeVersion(version) === undefined) return "invalid version";
  return isCompatibleRange(constraint, version) ? undefined : "wrong version";
}

function archiveStatus(archive: string, dep: Dependency): string {
  let c: Chart;
  try {
    c = loadChart(archive, { warn: () => {} });
  } catch {
    return "corrupt";
  }
  if (c.metadata.name !== dep.name) return "misnamed";
  if (c.metadata.version !== dep.version) return versionMatches(dep.version, c.metadata.version) ?? "ok";
  return "ok";
}

const STRICT_SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

/** The STATUS column of `helm dependency list`. */
export function dependencyStatus(chartPath: string, dep: Dependency, parent: Chart): string {
  const dir = join(chartPath, "charts");
  let names: string[] = [];
  try {
    names = readdirSync(dir).sort();
  } catch {
    names = [];
  }
  const archives = names.filter((n) => n.startsWith(`${dep.name}-`) && n.endsWith(".tgz")).map((n) => join(dir, n));
  if (archives.length === 1) return archiveStatus(archives[0] as string, dep);
  if (archives.length > 1) {
    const found = archives.filter((a) => STRICT_SEMVER.test(basename(a, ".tgz").slice(dep.name.length + 1)));
    if (found.length === 1) return archiveStatus(found[0] as string, dep);
    if (found.length > 1) return "too many matches";
  }
  const sub = [...parent.dependencies].reverse().find((c) => c.metadata.name === dep.name);
  if (!sub) return "missing";
  if (sub.metadata.version !== dep.version) {
    if (normalizeVersion(sub.metadata.version) === undefined) return "invalid version";
    if (!isCompatibleRange(dep.version, sub.metadata.version)) return "wrong version";
  }
  return "unpacked";
}

/** Entries of charts/ that Chart.yaml does not list (helm's printMissing warnings). */
export function undeclaredCharts(chartPath: string, req: (Dependency | null)[]): string[] {
  const dir = join(chartPath, "charts");
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const n of names) {
    const f = join(dir, n);
    if (!statSync(f).isDirectory() && !n.endsWith(".tgz")) continue;
    let c: Chart;
    try {
      c = loadChart(f, { warn: () => {} });
    } catch (err) {
      if (!(err instanceof ChartLoadError) && !(err as { userFacing?: boolean }).userFacing) throw err;
      out.push(`WARNING: ${JSON.stringify(f)} is not a chart.`);
      continue;
    }
    if (!req.some((d) => d?.name === c.metadata.name)) out.push(`WARNING: ${JSON.stringify(f)} is not in Chart.yaml.`);
  }
  return out;
}
