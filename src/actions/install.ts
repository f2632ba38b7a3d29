// `install`: render the chart against the cluster, record the release as
// pending-install, run hooks around the apply, wait if asked, and leave the
// release deployed or failed (helm's action.Install).
import type { KubeObject } from "../kube/index.js";
import { crdObjects, manifestText } from "../render/pipeline.js";
import { type Release, storedChart, ZERO_TIME } from "../storage/index.js";
import type { GoMap } from "../template/value.js";
import { mergeValuesOptions, type ValuesOptions } from "../values/index.js";
import { applyObjects, checkAdoption, fetchLive } from "./apply.js";
import { type ChartPathOptions, loadRequestedChart } from "./chart-ref.js";
import { ActionError, type ActionConfig } from "./config.js";
import { releaseHooks, runHooks } from "./hooks.js";
import { assertNotPending, failureMessage, installCrds, now, parseDuration, setStatus, waitFor } from "./lifecycle.js";
import { nameAndChart, validateReleaseName } from "./names.js";
import { parseObjects, setNamespaces } from "./objects.js";
import { renderForCluster } from "./render.js";
import { uninstallRelease } from "./uninstall.js";

export type DryRun = false | "client" | "server";

export interface InstallOptions {
  /** [NAME] CHART; CHART is any reference helm takes (directory, .tgz, repo/name, URL, oci://). */
  args: string[];
  /** Where CHART is looked up: --version, --repo, credentials... */
  chartPathOptions?: ChartPathOptions;
  /** --dependency-update: fetches missing dependencies into the chart directory first. */
  dependencyUpdate?: (chartPath: string) => Promise<void>;
  generateName?: boolean;
  nameTemplate?: string;
  values: ValuesOptions;
  createNamespace?: boolean;
  dryRun?: DryRun;
  wait?: boolean;
  waitForJobs?: boolean;
  timeout?: string;
  /** --atomic / --rollback-on-failure: uninstall on failure. */
  atomic?: boolean;
  noHooks?: boolean;
  skipCrds?: boolean;
  replace?: boolean;
  description?: string;
  labels?: Record<string, string>;
  takeOwnership?: boolean;
  skipSchemaValidation?: boolean;
  renderSubchartNotes?: boolean;
}

function objectsOf(manifest: string): KubeObject[] {
  return parseObjects(manifest);
}

export async function install(cfg: ActionConfig, o: InstallOptions): Promise<Release> {
  const { name, chart: chartRef } = nameAndChart(o.args, { generateName: o.generateName, nameTemplate: o.nameTemplate });
  const chart = await loadRequestedChart(chartRef, o.chartPathOptions, { dependencyUpdate: o.dependencyUpdate, warn: o.chartPathOptions?.warn });
  validateReleaseName(name);
  const namespace = cfg.namespace;
  const values: GoMap = mergeValuesOptions(o.values);
  const timeoutMs = parseDuration(o.timeout);
  const client = o.dryRun === "client";
  const storage = cfg.storage(namespace);
  cfg.emit({ type: "phase", phase: "render", message: `${chart.metadata.name} ${chart.metadata.version}` });

  let version = 1;
  if (!client) {
    const history = await storage.history(name);
    if (history.length > 0) {
      const last = history.sort((a, b) => b.version - a.version)[0]!;
      assertNotPending(last);
      const reusable = last.info.status === "uninstalled" || last.info.status === "failed";
      if (!(o.replace && reusable)) throw new ActionError("cannot re-use a name that is still in use");
      version = last.version + 1;
    }
  }

  const capabilities = client ? (await import("../render/capabilities.js")).offlineCapabilities() : await cfg.capabilities();
  if (!o.dryRun && !o.skipCrds) await installCrds(cfg, crdObjects(chart), timeoutMs);
  const caps = o.skipCrds || client ? capabilities : await cfg.capabilities();
  const result = await renderForCluster({
    chart,
    values,
    releaseName: name,
    namespace,
    revision: version,
    isUpgrade: false,
    capabilities: caps,
    skipSchemaValidation: o.skipSchemaValidation,
    subNotes: o.renderSubchartNotes,
    kube: client ? undefined : cfg.kube,
  });

  const ts = now();
  const rel: Release = {
    name,
    namespace,
    version,
    info: { first_deployed: ts, last_deployed: ts, deleted: ZERO_TIME, status: "pending-install", description: "Initial install underway", notes: result.notes || undefined },
    chart: storedChart(chart),
    config: values,
    manifest: manifestText(result, false),
    hooks: releaseHooks(result.hooks),
    apply_method: "ssa",
    labels: o.labels,
  };
  if (o.dryRun) {
    rel.info.status = "pending-install";
    rel.info.description = "Dry run complete";
    return rel;
  }

  const objs = objectsOf(rel.manifest ?? "");
  await setNamespaces(cfg.kube, objs, namespace);
  const req = { release: name, namespace, objects: objs, previous: [], method: "ssa" as const, takeOwnership: o.takeOwnership, emit: cfg.emit, signal: cfg.signal };
  const live = await fetchLive(cfg.kube, objs);
  checkAdoption(req, live, "install");

  if (o.createNamespace && !(await cfg.kube.get({ apiVersion: "v1", kind: "Namespace", name: namespace }))) {
    await cfg.kube.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: namespace, labels: { name: namespace } } });
    cfg.emit({ type: "resource", action: "created", kind: "Namespace", name: namespace });
  }

  if (version > 1) {
    const prev = await storage.get(name, version - 1).catch(() => undefined);
    if (prev && prev.info.status !== "superseded") {
      prev.info.status = "superseded";
      await storage.update(prev);
    }
  }
  await storage.create(rel);
  cfg.emit({ type: "release", name, namespace, revision: version, status: "pending-install", description: rel.info.description });

  try {
    if (!o.noHooks) await runHooks(cfg, rel.hooks ?? [], "pre-install", namespace, timeoutMs);
    cfg.emit({ type: "phase", phase: "apply", message: `${objs.length} resources` });
    cfg.throwIfAborted();
    await applyObjects(cfg.kube, req, live);
    if (o.wait || o.atomic) await waitFor(cfg, objs, timeoutMs, Boolean(o.waitForJobs));
    if (!o.noHooks) await runHooks(cfg, rel.hooks ?? [], "post-install", namespace, timeoutMs);
    cfg.throwIfAborted();
  } catch (err) {
    const msg = failureMessage(cfg, err);
    await setStatus(cfg, storage, rel, "failed", `Release "${name}" failed: ${msg}`);
    if (o.atomic && !cfg.signal?.aborted) {
      cfg.emit({ type: "warning", message: `install failed, uninstalling release ${name} as --atomic is set` });
      try {
        await uninstallRelease(cfg, { name, timeout: o.timeout, disableHooks: o.noHooks });
      } catch (uerr) {
        throw new ActionError(`an error occurred while uninstalling the release. original install error: ${msg}: ${(uerr as Error).message}`, undefined, { cause: err });
      }
      throw new ActionError(`release ${name} failed, and has been uninstalled due to atomic being set: ${msg}`, undefined, { cause: err });
    }
    throw new ActionError(msg, undefined, { cause: err });
  }
  rel.info.description = o.description || "Install complete";
  await setStatus(cfg, storage, rel, "deployed", rel.info.description);
  cfg.emit({ type: "done", ok: true, name, revision: version });
  return rel;
}
