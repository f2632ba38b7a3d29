// `upgrade`: a new revision from a chart and values, applied over the current
// one (helm's action.Upgrade), with -i, value reuse rules, --atomic and
// --cleanup-on-fail.
import { manifestText } from "../render/pipeline.js";
import { type Release, storedChart, ZERO_TIME } from "../storage/index.js";
import type { GoMap } from "../template/value.js";
import { mergeMaps, mergeValuesOptions, type ValuesOptions } from "../values/index.js";
import { type ChartPathOptions, loadRequestedChart } from "./chart-ref.js";
import { type ActionConfig, ActionError } from "./config.js";
import { applyMethodOf, deploy } from "./deploy.js";
import { releaseHooks } from "./hooks.js";
import { type DryRun, type InstallOptions, install } from "./install.js";
import { assertNotPending, installCrds, now, parseDuration } from "./lifecycle.js";
import { validateReleaseName } from "./names.js";
import { renderForCluster } from "./render.js";
import { rollback } from "./rollback.js";

export interface UpgradeOptions {
  name: string;
  /** Any chart reference helm takes (directory, .tgz, repo/name, URL, oci://). */
  chart: string;
  /** Where the chart is looked up: --version, --repo, credentials... */
  chartPathOptions?: ChartPathOptions;
  /** --dependency-update: fetches missing dependencies into the chart directory first. */
  dependencyUpdate?: (chartPath: string) => Promise<void>;
  values: ValuesOptions;
  install?: boolean;
  reuseValues?: boolean;
  resetValues?: boolean;
  resetThenReuseValues?: boolean;
  dryRun?: DryRun;
  wait?: boolean;
  waitForJobs?: boolean;
  timeout?: string;
  atomic?: boolean;
  cleanupOnFail?: boolean;
  historyMax?: number;
  force?: boolean;
  noHooks?: boolean;
  skipCrds?: boolean;
  description?: string;
  labels?: Record<string, string>;
  takeOwnership?: boolean;
  skipSchemaValidation?: boolean;
  renderSubchartNotes?: boolean;
  createNamespace?: boolean;
}

function empty(m: GoMap | undefined): boolean {
  return !m || Object.keys(m).length === 0;
}

/** Marks an error of the upgrade run itself, which helm reports as "UPGRADE FAILED: ..." (not chart or values errors). */
export const UPGRADE_RUN = Symbol("upgrade run");

export async function upgrade(cfg: ActionConfig, o: UpgradeOptions): Promise<Release> {
  const state = { running: false };
  try {
    return await upgradeSteps(cfg, o, state);
  } catch (err) {
    if (state.running && err instanceof Error) Object.defineProperty(err, UPGRADE_RUN, { value: true });
    throw err;
  }
}

async function upgradeSteps(cfg: ActionConfig, o: UpgradeOptions, state: { running: boolean }): Promise<Release> {
  validateReleaseName(o.name);
  // As helm: without --install the chart is located and loaded before the release is read.
  const prepare = async () => ({
    chart: await loadRequestedChart(o.chart, o.chartPathOptions, { dependencyUpdate: o.dependencyUpdate, warn: o.chartPathOptions?.warn }),
    values: mergeValuesOptions(o.values),
  });
  let prepared = o.install ? undefined : await prepare();
  const storage = cfg.storage();
  storage.maxHistory = o.historyMax ?? 10;
  state.running = !o.install;
  const history = (await storage.history(o.name)).sort((a, b) => a.version - b.version);
  if (history.length === 0 || (o.install && history.every((h) => h.info.status === "uninstalled"))) {
    if (!o.install) throw new ActionError(`"${o.name}" has no deployed releases`);
    const io: InstallOptions = { ...o, args: [o.name, o.chart], atomic: o.atomic };
    return install(cfg, io);
  }
  prepared ??= await prepare();
  state.running = true;
  const last = history[history.length - 1]!;
  assertNotPending(last);
  const deployedOnes = history.filter((h) => h.info.status === "deployed");
  let current = deployedOnes[deployedOnes.length - 1];
  if (!current) {
    if (last.info.status !== "failed" && last.info.status !== "superseded") throw new ActionError(`"${o.name}" has no deployed releases`);
    current = last;
  }

  const chart = prepared.chart;
  let values = prepared.values;
  if (o.resetThenReuseValues) values = mergeMaps(current.config ?? (Object.create(null) as GoMap), values);
  else if (o.reuseValues) {
    values = mergeMaps(current.config ?? (Object.create(null) as GoMap), values);
    if (current.chart?.values) chart.values = current.chart.values;
  } else if (!o.resetValues && empty(values) && !empty(current.config)) values = current.config!;

  const timeoutMs = parseDuration(o.timeout);
  const client = o.dryRun === "client";
  if (!o.dryRun && !o.skipCrds) await installCrds(cfg, (await import("../render/pipeline.js")).crdObjects(chart), timeoutMs);
  const capabilities = client ? (await import("../render/capabilities.js")).offlineCapabilities() : await cfg.capabilities();
  const revision = last.version + 1;
  cfg.emit({ type: "phase", phase: "render", message: `${chart.metadata.name} ${chart.metadata.version}` });
  const result = await renderForCluster({
    chart,
    values,
    releaseName: o.name,
    namespace: current.namespace,
    revision,
    isUpgrade: true,
    capabilities,
    skipSchemaValidation: o.skipSchemaValidation,
    subNotes: o.renderSubchartNotes,
    kube: client ? undefined : cfg.kube,
  });
  const next: Release = {
    name: o.name,
    namespace: current.namespace,
    version: revision,
    info: { first_deployed: current.info.first_deployed, last_deployed: now(), deleted: ZERO_TIME, status: "pending-upgrade", description: "Preparing upgrade", notes: result.notes || undefined },
    chart: storedChart(chart),
    config: values,
    manifest: manifestText(result, false),
    hooks: releaseHooks(result.hooks),
    apply_method: applyMethodOf(current),
    labels: o.labels ?? (current.labels && Object.keys(current.labels).length > 0 ? current.labels : undefined),
  };
  if (next.apply_method === "csa") delete next.apply_method;
  if (o.dryRun) {
    next.info.description = "Dry run complete";
    return next;
  }
  await storage.create(next);
  cfg.emit({ type: "release", name: next.name, namespace: next.namespace, revision, status: "pending-upgrade", description: "Preparing upgrade" });
  try {
    await deploy(
      cfg,
      {
        storage,
        current,
        next,
        hookPrefix: "upgrade",
        noHooks: o.noHooks,
        wait: o.wait || o.atomic,
        waitForJobs: o.waitForJobs,
        timeoutMs,
        force: o.force,
        takeOwnership: o.takeOwnership,
        cleanupOnFail: o.cleanupOnFail,
        successDescription: o.description || "Upgrade complete",
        alsoSupersede: deployedOnes,
      },
      `Upgrade "${o.name}" failed`,
    );
  } catch (err) {
    const msg = (err as Error).message;
    if (!o.atomic || cfg.signal?.aborted) throw err;
    cfg.emit({ type: "warning", message: `upgrade failed, rolling back to revision ${current.version} as --atomic is set` });
    try {
      await rollback(cfg, { name: o.name, revision: current.version, wait: true, timeout: o.timeout, force: o.force, noHooks: o.noHooks, historyMax: o.historyMax });
    } catch (rerr) {
      throw new ActionError(`an error occurred while rolling back the release. original upgrade error: ${msg}: ${(rerr as Error).message}`, undefined, { cause: err });
    }
    throw new ActionError(`release ${o.name} failed, and has been rolled back due to atomic being set: ${msg}`, undefined, { cause: err });
  }
  cfg.emit({ type: "done", ok: true, name: next.name, revision });
  return next;
}
