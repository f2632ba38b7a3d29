// Read-only views of one release: history, status and `get` (values,
// manifest, notes, hooks, metadata, all).
import type { Release } from "../storage/index.js";
import { ReleaseNotFoundError } from "../storage/index.js";
import type { GoMap } from "../template/value.js";
import { toRenderValues } from "../values/index.js";
import type { ActionConfig } from "./config.js";
import { validateReleaseName } from "./names.js";

export async function releaseHistory(cfg: ActionConfig, name: string, max = 256): Promise<Release[]> {
  validateReleaseName(name);
  const h = (await cfg.storage().history(name)).sort((a, b) => a.version - b.version);
  if (h.length === 0) throw new ReleaseNotFoundError("release: not found");
  return h.slice(Math.max(0, h.length - max));
}

/** A revision, or the latest one when `revision` is 0 (helm's status/get). */
export async function getRelease(cfg: ActionConfig, name: string, revision = 0): Promise<Release> {
  validateReleaseName(name);
  const storage = cfg.storage();
  if (revision > 0) return storage.get(name, revision);
  return storage.last(name).catch((err) => {
    if (err instanceof ReleaseNotFoundError) throw new ReleaseNotFoundError("release: not found");
    throw err;
  });
}

/** helm get values --all: the chart's values coalesced with the release's config. */
export function computedValues(r: Release): GoMap {
  const config = r.config ?? (Object.create(null) as GoMap);
  if (!r.chart?.metadata) return config;
  const m = r.chart.metadata as Record<string, unknown>;
  const chart = {
    metadata: { ...m, dependencies: [] } as never,
    templates: [],
    values: r.chart.values ?? (Object.create(null) as GoMap),
    files: [],
    raw: [],
    dependencies: [],
  };
  return toRenderValues(chart as never, config, { skipSchemaValidation: true }).values;
}

export function chartLabel(r: Release): string {
  const m = (r.chart?.metadata ?? {}) as { name?: string; version?: string };
  return `${m.name ?? ""}-${m.version ?? ""}`;
}

export function appVersion(r: Release): string {
  return ((r.chart?.metadata ?? {}) as { appVersion?: string }).appVersion ?? "";
}
