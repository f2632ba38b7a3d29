// Printers shared by the release commands, in helm's shapes: uitable tables
// (cells padded, tab-separated, 60-column cap), json.Encoder JSON and
// sigs.k8s.io/yaml YAML.
import type { ActionConfig } from "../actions/config.js";
import { type Emit, eventLine } from "../actions/events.js";
import { appVersion, chartLabel, goTimeAnsic, goTimeString, isZeroTime, type Release, type ResourceStatus } from "../actions/index.js";
import { newMap, type Value } from "../template/value.js";
import { marshalYaml } from "../yaml/emit.js";
import { UserError } from "./errors.js";

export type OutputFormat = "table" | "json" | "yaml";

export function outputFormat(v: string | undefined): OutputFormat {
  const f = (v ?? "table").toLowerCase();
  if (f === "table" || f === "json" || f === "yaml") return f;
  throw new UserError(`invalid format type "${v}"`);
}

function width(s: string): number {
  return [...s].length;
}

function truncate(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 3).join("")}...`;
}

/** uitable with MaxColWidth 60, as helm's list and history print. */
export function table(rows: string[][], maxColWidth = 60): string {
  const cells = rows.map((r) => r.map((c) => truncate(c, maxColWidth)));
  const widths: number[] = [];
  for (const r of cells) {
    r.forEach((c, i) => {
      widths[i] = Math.max(widths[i] ?? 0, width(c));
    });
  }
  return cells.map((r) => `${r.map((c, i) => c + " ".repeat(widths[i]! - width(c))).join("\t")}\n`).join("");
}

/** json.NewEncoder(out).Encode(v): compact, HTML-escaped, one newline. */
export function goJsonLine(v: unknown): string {
  const s = JSON.stringify(v).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return `${s}\n`;
}

function toGo(v: unknown): Value {
  if (v === null || typeof v !== "object") return v as Value;
  if (Array.isArray(v)) return v.map(toGo);
  const m = newMap();
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) m[k] = toGo(x);
  return m;
}

/** sigs.k8s.io/yaml: through JSON, so keys come out sorted. */
export function goYaml(v: unknown): string {
  return marshalYaml(toGo(JSON.parse(JSON.stringify(v ?? null))));
}

export function encode(format: OutputFormat, v: unknown): string {
  return format === "json" ? goJsonLine(v) : goYaml(v);
}

/** What `status -o json|yaml` prints: helm drops the chart, and helm 3 knows no apply_method. */
export function statusJson(r: Release, releaseJson: (r: Release) => string): string {
  return releaseJson({ ...r, chart: undefined, apply_method: undefined });
}

export function listRows(releases: Release[], timeFormat?: string) {
  return releases.map((r) => ({
    name: r.name,
    namespace: r.namespace,
    revision: String(r.version),
    updated: isZeroTime(r.info.last_deployed) ? "-" : timeFormat ? r.info.last_deployed : goTimeString(r.info.last_deployed),
    status: r.info.status ?? "unknown",
    chart: chartLabel(r),
    app_version: appVersion(r),
  }));
}

export function listTable(releases: Release[], noHeaders = false): string {
  const rows = listRows(releases).map((r) => [r.name, r.namespace, r.revision, r.updated, r.status, r.chart, r.app_version]);
  return table(noHeaders ? rows : [["NAME", "NAMESPACE", "REVISION", "UPDATED", "STATUS", "CHART", "APP VERSION"], ...rows]);
}

export function historyRows(releases: Release[]) {
  return releases.map((r) => ({
    revision: r.version,
    updated: r.info.last_deployed,
    status: r.info.status ?? "unknown",
    chart: chartLabel(r),
    app_version: appVersion(r),
    description: r.info.description ?? "",
  }));
}

export function historyTable(releases: Release[]): string {
  const rows = releases.map((r) => [String(r.version), goTimeAnsic(r.info.last_deployed), r.info.status ?? "unknown", chartLabel(r), appVersion(r), r.info.description ?? ""]);
  return table([["REVISION", "UPDATED", "STATUS", "CHART", "APP VERSION", "DESCRIPTION"], ...rows]);
}

export interface StatusOptions {
  showDescription?: boolean;
  showMetadata?: boolean;
  hideNotes?: boolean;
  debug?: boolean;
  resources?: ResourceStatus[];
  /** With debug: the USER-SUPPLIED and COMPUTED VALUES sections (get all). */
  values?: { user: unknown; computed: unknown };
}

/** helm's statusPrinter table: what install, upgrade and status print. */
export function statusText(r: Release, o: StatusOptions = {}): string {
  let out = `NAME: ${r.name}\n`;
  if (!isZeroTime(r.info.last_deployed)) out += `LAST DEPLOYED: ${goTimeAnsic(r.info.last_deployed)}\n`;
  out += `NAMESPACE: ${r.namespace}\nSTATUS: ${r.info.status ?? "unknown"}\nREVISION: ${r.version}\n`;
  const m = (r.chart?.metadata ?? {}) as { name?: string; version?: string; appVersion?: string };
  if (o.showMetadata) out += `CHART: ${m.name ?? ""}\nVERSION: ${m.version ?? ""}\nAPP_VERSION: ${m.appVersion ?? ""}\n`;
  if (o.showDescription) out += `DESCRIPTION: ${r.info.description ?? ""}\n`;
  if (o.resources && o.resources.length > 0) {
    const rows = o.resources.map((x) => [`${x.kind.toLowerCase()}/${x.name}`, x.ready ? "Ready" : "NotReady", x.reason]);
    out += `RESOURCES:\n${table([["RESOURCE", "STATUS", "DETAILS"], ...rows], 100)}\n`;
  }
  const tests = (r.hooks ?? []).filter((h) => h.events?.includes("test"));
  if (tests.length === 0) out += "TEST SUITE: None\n";
  for (const h of tests) {
    if (isZeroTime(h.last_run.started_at)) continue;
    out += `TEST SUITE:     ${h.name}\nLast Started:   ${goTimeAnsic(h.last_run.started_at)}\nLast Completed: ${goTimeAnsic(h.last_run.completed_at)}\nPhase:          ${h.last_run.phase}\n`;
  }
  if (o.debug && o.values) {
    out += `USER-SUPPLIED VALUES:\n${goYaml(o.values.user)}\nCOMPUTED VALUES:\n${goYaml(o.values.computed)}\n`;
  }
  if ((r.info.description ?? "").toLowerCase() === "dry run complete" || o.debug) {
    out += "HOOKS:\n";
    for (const h of r.hooks ?? []) out += `---\n# Source: ${h.path}\n${h.manifest}\n`;
    out += `MANIFEST:\n${r.manifest ?? ""}\n`;
  }
  if (!o.hideNotes && r.info.notes) out += `NOTES:\n${r.info.notes.trim()}\n`;
  return out;
}

export interface ProgressFlags {
  progress?: string;
}

/** Where action events go: live lines on a terminal, JSON lines with --progress json; stderr either way, so stdout stays helm's. */
export function progressEmitter(flags: ProgressFlags, stderr: NodeJS.WriteStream = process.stderr): Emit {
  const mode = flags.progress ?? (stderr.isTTY ? "lines" : "none");
  if (mode === "json") return (e) => stderr.write(`${JSON.stringify(e)}\n`);
  if (mode === "lines" || mode === "text") return (e) => e.type !== "done" && stderr.write(`${eventLine(e)}\n`);
  if (mode === "none") return () => {};
  throw new UserError(`invalid --progress "${mode}": use lines, json or none`);
}

/**
 * An AbortSignal that SIGINT/SIGTERM trip, so an action marks its release
 * failed before the process exits; a second signal exits at once.
 */
export function interruptSignal(): { signal: AbortSignal; dispose: () => void; exitCode: () => number | undefined } {
  const ac = new AbortController();
  let code: number | undefined;
  const handler = (sig: NodeJS.Signals) => {
    if (ac.signal.aborted) process.exit(128 + (sig === "SIGINT" ? 2 : 15));
    code = 128 + (sig === "SIGINT" ? 2 : 15);
    ac.abort(sig);
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  return {
    signal: ac.signal,
    exitCode: () => code,
    dispose: () => {
      process.off("SIGINT", handler);
      process.off("SIGTERM", handler);
    },
  };
}

/** Runs a release action with the cluster flags, progress output and signal handling. */
export async function withCluster<T>(
  g: { kubeconfig?: string; kubeContext?: string; namespace?: string },
  flags: ProgressFlags,
  fn: (cfg: ActionConfig) => Promise<T>,
): Promise<T> {
  const { ActionConfig } = await import("../actions/index.js");
  const sig = interruptSignal();
  const cfg = new ActionConfig({ kubeconfig: g.kubeconfig, kubeContext: g.kubeContext, namespace: g.namespace, emit: progressEmitter(flags), signal: sig.signal });
  try {
    return await fn(cfg);
  } catch (err) {
    cfg.emit({ type: "done", ok: false, error: (err as Error).message });
    const code = sig.exitCode();
    if (code === undefined) throw err;
    // Interrupted: the action has already marked the release failed; exit as the signal would.
    process.stderr.write(`Error: ${(err as Error).message}\n`);
    return process.exit(code);
  } finally {
    sig.dispose();
    const code = sig.exitCode();
    if (code !== undefined) process.exitCode = code;
  }
}
