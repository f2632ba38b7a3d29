// A chart repository's index.yaml (helm's pkg/repo.IndexFile): parsing with
// helm's checks, sorting newest first, version lookup and serialisation.
import { isCompatibleRange, normalizeVersion } from "../chart/semver.js";
import { isMap } from "../template/value.js";
import { parseYaml } from "../yaml/parse.js";
import { RepoError } from "./errors.js";
import { goTime, toSortedYaml } from "./yaml-io.js";
import semver from "semver";

/** Chart.yaml fields plus the repository's own: urls, created, digest, removed. */
export interface ChartVersion {
  name: string;
  version: string;
  apiVersion?: string;
  appVersion?: string;
  description?: string;
  keywords?: string[];
  home?: string;
  sources?: string[];
  icon?: string;
  maintainers?: unknown[];
  condition?: string;
  tags?: string;
  deprecated?: boolean;
  annotations?: Record<string, string>;
  kubeVersion?: string;
  dependencies?: unknown[];
  type?: string;
  urls: string[];
  created: string;
  digest?: string;
  removed?: boolean;
}

export interface IndexFile {
  apiVersion: string;
  generated: string;
  entries: Record<string, ChartVersion[]>;
  annotations?: Record<string, string>;
}

export type Warn = (msg: string) => void;

export function newIndex(): IndexFile {
  return { apiVersion: "v1", generated: goTime(), entries: {} };
}

function str(v: unknown): string | undefined {
  return v === undefined || v === null ? undefined : typeof v === "string" ? v : String(v);
}

const STRING_FIELDS = new Set(["name", "version", "apiVersion", "appVersion", "description", "home", "icon", "condition", "tags", "kubeVersion", "type", "created", "digest"]);

function toChartVersion(raw: Record<string, unknown>): ChartVersion {
  const cv: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    // Scalars of string fields may arrive as numbers or GoInts (an all-digit digest, version 1.0).
    if (STRING_FIELDS.has(k) && v !== null && v !== undefined && typeof v !== "string" && !Array.isArray(v) && !isMap(v)) cv[k] = String(v);
    else if (v instanceof Object && !Array.isArray(v) && !isMap(v)) cv[k] = String(v);
    else cv[k] = v;
  }
  cv.name = str(raw.name) ?? "";
  cv.version = str(raw.version) ?? "";
  if (raw.appVersion !== undefined) cv.appVersion = str(raw.appVersion);
  cv.urls = Array.isArray(raw.urls) ? raw.urls.map((u) => String(u)) : [];
  cv.created = str(raw.created) ?? "0001-01-01T00:00:00Z";
  return JSON.parse(JSON.stringify(cv)) as ChartVersion;
}

function validEntry(cv: ChartVersion): string | undefined {
  if (cv.name === "") return "validation: chart.metadata.name is required";
  if (cv.version === "") return "validation: chart.metadata.version is required";
  if (normalizeVersion(cv.version) === undefined) return `validation: chart.metadata.version "${cv.version}" is invalid`;
  return undefined;
}

/** helm's ChartVersions ordering: semver descending, unparsable versions last. */
export function compareVersionsDesc(a: ChartVersion, b: ChartVersion): number {
  const va = normalizeVersion(a.version);
  const vb = normalizeVersion(b.version);
  if (va === undefined || vb === undefined) return va === undefined ? (vb === undefined ? 0 : 1) : -1;
  return semver.rcompare(va, vb);
}

export function sortEntries(index: IndexFile): void {
  for (const list of Object.values(index.entries)) list.sort(compareVersionsDesc);
}

/** helm's loadIndex: apiVersion required, invalid entries skipped with a warning. */
export function parseIndex(text: string, source: string, warn: Warn = () => {}): IndexFile {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    throw new RepoError(`error unmarshaling ${source}: ${(err as Error).message}`, { cause: err });
  }
  if (!isMap(doc)) throw new RepoError(`${source} is not a valid chart repository index: no API version specified`);
  const m = doc as Record<string, unknown>;
  const apiVersion = str(m.apiVersion) ?? "";
  if (apiVersion === "") throw new RepoError(`${source} is not a valid chart repository index: no API version specified`);
  const entries: Record<string, ChartVersion[]> = {};
  const rawEntries = isMap(m.entries) ? (m.entries as Record<string, unknown>) : {};
  for (const [name, list] of Object.entries(rawEntries)) {
    const out: ChartVersion[] = [];
    for (const item of Array.isArray(list) ? list : []) {
      if (!isMap(item)) continue;
      const cv = toChartVersion(item as Record<string, unknown>);
      const problem = validEntry(cv);
      if (problem) {
        warn(`skipping loading invalid entry for chart "${name}" "${cv.version}" from ${source}: ${problem}`);
        continue;
      }
      out.push(cv);
    }
    entries[name] = out;
  }
  const index: IndexFile = { apiVersion, generated: str(m.generated) ?? "0001-01-01T00:00:00Z", entries };
  if (isMap(m.annotations)) index.annotations = m.annotations as Record<string, string>;
  sortEntries(index);
  return index;
}

/** index.yaml as helm writes it: keys sorted, empty metadata fields omitted. */
export function serializeIndex(index: IndexFile): string {
  const entries: Record<string, unknown[]> = {};
  for (const [name, list] of Object.entries(index.entries)) {
    entries[name] = list.map((cv) => {
      const o: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(cv)) {
        const empty = v === undefined || v === "" || v === false || (Array.isArray(v) && v.length === 0) || (typeof v === "object" && v !== null && Object.keys(v).length === 0);
        if (!empty || k === "created" || k === "urls") o[k] = v;
      }
      return o;
    });
  }
  const out: Record<string, unknown> = { apiVersion: index.apiVersion, entries, generated: index.generated };
  if (index.annotations && Object.keys(index.annotations).length > 0) out.annotations = index.annotations;
  return toSortedYaml(out);
}

export function hasVersion(index: IndexFile, name: string, version: string): boolean {
  return (index.entries[name] ?? []).some((cv) => cv.version === version);
}

/** helm's IndexFile.Merge: add the other index's versions this one lacks. */
export function mergeIndex(into: IndexFile, other: IndexFile): void {
  for (const [name, list] of Object.entries(other.entries)) {
    for (const cv of list) {
      if (!hasVersion(into, name, cv.version)) (into.entries[name] ??= []).push(cv);
    }
  }
}

export const DEVEL_CONSTRAINT = ">0.0.0-0";

/**
 * A version check with Masterminds' prerelease rule: a constraint naming a
 * prerelease admits prereleases of any version (node-semver would limit them
 * to the same major.minor.patch), which is what --devel relies on.
 */
export function satisfies(constraint: string, version: string): boolean {
  if (constraint === DEVEL_CONSTRAINT) {
    const v = normalizeVersion(version);
    return v !== undefined && semver.gt(v, "0.0.0-0");
  }
  return isCompatibleRange(constraint, version);
}

/**
 * helm's IndexFile.Get: an exact version, or the newest one satisfying a
 * constraint; no version means the newest release (prereleases only with devel).
 */
export function findChartVersion(index: IndexFile, name: string, version = "", devel = false): ChartVersion | undefined {
  const list = index.entries[name];
  if (!list) return undefined;
  const exact = list.find((cv) => cv.version === version);
  if (exact) return exact;
  const constraint = version !== "" ? version : devel ? DEVEL_CONSTRAINT : "";
  for (const cv of list) {
    if (constraint === "" ? semver.prerelease(normalizeVersion(cv.version) ?? "0.0.0-x") === null : satisfies(constraint, cv.version)) return cv;
  }
  return undefined;
}
