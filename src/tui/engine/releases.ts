// The release half of the TUI's engine: the CLI's actions, driven with the
// UI's event sink and cancel signal. Loaded on first use (it pulls in the
// Kubernetes client), never before the first frame.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  ActionConfig,
  appVersion,
  computedValues,
  getRelease,
  install,
  isZeroTime,
  listReleases,
  type Release,
  readinessOf,
  releaseHistory,
  rollback,
  testRelease,
  timeMillis,
  uninstallRelease,
  upgrade,
} from "../../actions/index.js";
import type { GoMap } from "../../template/value.js";
import { marshalYaml } from "../../yaml/emit.js";
import type { DeployRequest, Preview, ReleaseDetail, ReleaseRow, RunOptions } from "./types.js";

export interface ClusterTarget {
  kubeconfig?: string;
  kubeContext?: string;
  namespace?: string;
}

export function releaseRow(r: Release): ReleaseRow {
  const m = (r.chart?.metadata ?? {}) as { name?: string; version?: string };
  return {
    name: r.name,
    namespace: r.namespace,
    revision: r.version,
    status: r.info.status ?? "unknown",
    chart: `${m.name ?? ""}-${m.version ?? ""}`,
    chartName: m.name ?? "",
    chartVersion: m.version ?? "",
    appVersion: appVersion(r),
    updated: isZeroTime(r.info.last_deployed) ? 0 : timeMillis(r.info.last_deployed),
    description: r.info.description ?? "",
  };
}

function valuesYaml(v: GoMap | undefined): string {
  if (!v || Object.keys(v).length === 0) return "";
  return marshalYaml(v);
}

export class ReleaseOps {
  constructor(private readonly target: ClusterTarget) {}

  private cfg(namespace?: string, run?: RunOptions): ActionConfig {
    return new ActionConfig({ ...this.target, namespace: namespace ?? this.target.namespace, emit: run?.emit, signal: run?.signal });
  }

  /** The namespace the kubeconfig context names, when -n did not. */
  defaultNamespace(): string {
    return this.cfg().namespace;
  }

  /** Every namespace, every status: the latest revision of each release. */
  async list(): Promise<ReleaseRow[]> {
    const all = await listReleases(this.cfg(), { allNamespaces: true, all: true });
    return all.map(releaseRow);
  }

  async detail(name: string, namespace: string): Promise<ReleaseDetail> {
    const cfg = this.cfg(namespace);
    const r = await getRelease(cfg, name);
    const resources = await readinessOf(cfg, r).catch(() => []);
    return {
      row: releaseRow(r),
      notes: r.info.notes ?? "",
      manifest: r.manifest ?? "",
      values: valuesYaml(r.config),
      computedValues: valuesYaml(computedValues(r)),
      hooks: (r.hooks ?? []).map((h) => `---\n# Source: ${h.path}\n${h.manifest}\n`).join(""),
      resources,
      chartValues: valuesYaml(r.chart?.values ?? undefined),
      schema: r.chart?.schema ? r.chart.schema.toString("utf8") : undefined,
    };
  }

  async history(name: string, namespace: string): Promise<ReleaseRow[]> {
    return (await releaseHistory(this.cfg(namespace), name)).map(releaseRow);
  }

  async manifestAt(name: string, namespace: string, revision: number): Promise<string> {
    return (await getRelease(this.cfg(namespace), name, revision)).manifest ?? "";
  }

  /** A server-side dry run of the request, with the live manifest to compare it with. */
  async preview(req: DeployRequest, chartPath: string): Promise<Preview> {
    const cfg = this.cfg(req.namespace);
    const previous = req.kind === "upgrade" ? ((await getRelease(cfg, req.name).catch(() => undefined))?.manifest ?? "") : "";
    const r = await this.withValues(req.values, (valueFiles) =>
      req.kind === "install"
        ? install(cfg, { args: [req.name, chartPath], values: { valueFiles }, dryRun: "server", createNamespace: req.createNamespace })
        : upgrade(cfg, { name: req.name, chart: chartPath, values: { valueFiles }, dryRun: "server" }),
    );
    return { manifest: r.manifest ?? "", previous, notes: r.info.notes ?? "" };
  }

  async deploy(req: DeployRequest, chartPath: string, run: RunOptions): Promise<ReleaseRow> {
    const cfg = this.cfg(req.namespace, run);
    const common = { wait: req.wait, atomic: req.atomic, timeout: req.timeout, createNamespace: req.createNamespace };
    const r = await this.withValues(req.values, (valueFiles) =>
      req.kind === "install"
        ? install(cfg, { args: [req.name, chartPath], values: { valueFiles }, ...common })
        : upgrade(cfg, { name: req.name, chart: chartPath, values: { valueFiles }, ...common }),
    );
    return releaseRow(r);
  }

  async rollback(name: string, namespace: string, revision: number, opts: { wait: boolean; timeout: string }, run: RunOptions): Promise<ReleaseRow> {
    const cfg = this.cfg(namespace, run);
    await rollback(cfg, { name, revision, wait: opts.wait, timeout: opts.timeout });
    return releaseRow(await getRelease(cfg, name));
  }

  async uninstall(name: string, namespace: string, run: RunOptions): Promise<string> {
    return (await uninstallRelease(this.cfg(namespace, run), { name })).info;
  }

  async test(name: string, namespace: string, run: RunOptions): Promise<ReleaseRow> {
    return releaseRow((await testRelease(this.cfg(namespace, run), { name })).release);
  }

  /** The user's values go to the action as one -f file, as they would from the CLI. */
  private async withValues<T>(text: string, fn: (valueFiles: string[]) => Promise<T>): Promise<T> {
    if (text.trim() === "") return fn([]);
    const dir = mkdtempSync(join(tmpdir(), "chartroom-tui-values-"));
    try {
      const file = join(dir, "values.yaml");
      writeFileSync(file, text);
      return await fn([file]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
