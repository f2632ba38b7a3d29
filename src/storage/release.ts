// Helm's release object (pkg/release), kept in the shape of its JSON so that
// what helm wrote decodes and re-encodes without loss. Times stay as the
// RFC3339Nano strings Go wrote: JS dates would drop nanoseconds.
import type { GoMap } from "../template/value.js";

export type ReleaseStatus =
  | "unknown"
  | "deployed"
  | "uninstalled"
  | "superseded"
  | "failed"
  | "uninstalling"
  | "pending-install"
  | "pending-upgrade"
  | "pending-rollback";

export const pendingStatuses: readonly ReleaseStatus[] = ["pending-install", "pending-upgrade", "pending-rollback"];

export function isPending(s: ReleaseStatus | undefined): boolean {
  return s !== undefined && pendingStatuses.includes(s);
}

/** A zero time as helm's own time type writes it (helm.sh/helm/v3/pkg/time marshals zero as ""). */
export const ZERO_TIME = "";

/** Zero in either spelling: helm's "" or encoding/json's year 1. */
export function isZeroTime(t: string | undefined): boolean {
  return !t || t.startsWith("0001-01-01T00:00:00");
}

export interface ReleaseInfo {
  first_deployed: string;
  last_deployed: string;
  deleted: string;
  description?: string;
  status?: ReleaseStatus;
  notes?: string;
  /** Written by some helm versions for `status --show-resources`; kept verbatim. */
  resources?: unknown;
}

export interface StoredFile {
  name: string;
  /** Go []byte: base64 in JSON, null when nil. */
  data: Buffer | null;
}

/** chart.Chart as helm serialises it: only the top chart (subcharts are not stored). */
export interface StoredChart {
  metadata: Record<string, unknown> | null;
  lock: Record<string, unknown> | null;
  templates: StoredFile[] | null;
  values: GoMap | null;
  schema: Buffer | null;
  files: StoredFile[] | null;
}

export interface HookExecution {
  started_at: string;
  completed_at: string;
  phase: string;
}

export interface ReleaseHook {
  name?: string;
  kind?: string;
  path?: string;
  manifest?: string;
  events?: string[];
  last_run: HookExecution;
  weight?: number;
  delete_policies?: string[];
}

export interface Release {
  name: string;
  info: ReleaseInfo;
  chart?: StoredChart;
  config?: GoMap;
  manifest?: string;
  hooks?: ReleaseHook[];
  version: number;
  namespace: string;
  /** helm 4's field: "ssa" or "csa"; absent means client-side apply (helm 3). */
  apply_method?: "ssa" | "csa";
  /** Storage labels beyond helm's own (not part of the JSON). */
  labels?: Record<string, string>;
}

/** A time as Go's RFC3339Nano (UTC, trailing zeros of the fraction dropped). */
export function goTime(d: Date = new Date()): string {
  return d.toISOString().replace(/\.?0+Z$/, "Z").replace(/\.Z$/, "Z");
}

const timeRe = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** time.Time.String(): "2006-01-02 15:04:05.999999999 -0700 MST" (helm list's UPDATED). */
export function goTimeString(t: string): string {
  const m = timeRe.exec(t);
  if (!m) return t;
  const frac = m[3] ? m[3].replace(/0+$/, "").replace(/^\.$/, "") : "";
  const zone = m[4] === "Z" ? "+0000 UTC" : `${m[4]!.replace(":", "")} ${m[4]!.replace(":", "")}`;
  return `${m[1]} ${m[2]}${frac} ${zone}`;
}

const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** time.ANSIC ("Mon Jan _2 15:04:05 2006"), as install/status print LAST DEPLOYED. */
export function goTimeAnsic(t: string): string {
  const m = timeRe.exec(t);
  if (!m) return t;
  // The wall clock is the one the time was written in, as Go keeps its zone.
  const local = new Date(`${m[1]}T00:00:00Z`);
  const day = String(local.getUTCDate()).padStart(2, " ");
  return `${days[local.getUTCDay()]} ${months[local.getUTCMonth()]} ${day} ${m[2]} ${local.getUTCFullYear()}`;
}

/** Seconds since the epoch, for sorting and history pruning. */
export function timeMillis(t: string): number {
  const v = Date.parse(t);
  return Number.isNaN(v) ? 0 : v;
}
