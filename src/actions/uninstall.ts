// `uninstall`: pre-delete hooks, the release's objects deleted (except those
// marked keep), post-delete hooks, then its history purged or kept.
import type { KubeObject } from "../kube/index.js";
import { type Release, ReleaseNotFoundError } from "../storage/index.js";
import { deleteObjects } from "./apply.js";
import { ActionError, type ActionConfig } from "./config.js";
import { runHooks } from "./hooks.js";
import { now, parseDuration, setStatus } from "./lifecycle.js";
import { validateReleaseName } from "./names.js";
import { parseObjects, setNamespaces } from "./objects.js";

export interface UninstallOptions {
  name: string;
  keepHistory?: boolean;
  disableHooks?: boolean;
  dryRun?: boolean;
  wait?: boolean;
  timeout?: string;
  cascade?: "background" | "foreground" | "orphan";
  ignoreNotFound?: boolean;
  description?: string;
}

export interface UninstallResult {
  release?: Release;
  /** Objects left in place by helm.sh/resource-policy: keep. */
  kept: KubeObject[];
  /** What `uninstall` prints: helm's `release "x" uninstalled` and the kept list. */
  info: string;
}

export async function uninstallRelease(cfg: ActionConfig, o: UninstallOptions): Promise<UninstallResult> {
  validateReleaseName(o.name);
  const storage = cfg.storage();
  const history = (await storage.history(o.name)).sort((a, b) => a.version - b.version);
  if (history.length === 0) {
    if (o.ignoreNotFound) return { kept: [], info: "" };
    throw new ReleaseNotFoundError(`uninstall: Release not loaded: ${o.name}: release: not found`);
  }
  const rel = history[history.length - 1]!;
  if (o.dryRun) return { release: rel, kept: [], info: `release "${o.name}" uninstalled\n` };
  if (rel.info.status === "uninstalled") {
    if (o.keepHistory) throw new ActionError(`the release named "${o.name}" is already deleted`);
    for (const r of history) await storage.delete(r.name, r.version);
    return { release: rel, kept: [], info: `release "${o.name}" uninstalled\n` };
  }
  const timeoutMs = parseDuration(o.timeout);
  rel.info.deleted = now();
  await setStatus(cfg, storage, rel, "uninstalling", "Deletion in progress (or silently failed)");

  if (!o.disableHooks) await runHooks(cfg, rel.hooks ?? [], "pre-delete", rel.namespace, timeoutMs);
  cfg.emit({ type: "phase", phase: "delete", message: `release ${o.name}` });
  const objs = parseObjects(rel.manifest ?? "");
  await setNamespaces(cfg.kube, objs, rel.namespace);
  const propagation = o.cascade === "foreground" ? "Foreground" : o.cascade === "orphan" ? "Orphan" : "Background";
  const kept = await deleteObjects(cfg.kube, objs, cfg.emit, propagation);
  if (o.wait) await waitGone(cfg, objs.filter((x) => !kept.includes(x)), timeoutMs);
  if (!o.disableHooks) await runHooks(cfg, rel.hooks ?? [], "post-delete", rel.namespace, timeoutMs);

  rel.info.status = "uninstalled";
  rel.info.description = o.description || "Uninstallation complete";
  if (o.keepHistory) await setStatus(cfg, storage, rel, "uninstalled", rel.info.description);
  else {
    for (const r of history) await storage.delete(r.name, r.version);
    cfg.emit({ type: "release", name: rel.name, namespace: rel.namespace, revision: rel.version, status: "uninstalled", description: rel.info.description });
  }
  cfg.emit({ type: "done", ok: true, name: rel.name, revision: rel.version });
  let info = "";
  if (kept.length > 0) {
    info += "These resources were kept due to the resource policy:\n";
    for (const k of kept) info += `[${k.kind}] ${k.metadata.name}\n`;
  }
  return { release: rel, kept, info: `${info}release "${o.name}" uninstalled\n` };
}

async function waitGone(cfg: ActionConfig, objs: KubeObject[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const o of objs) {
    const ref = { apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, namespace: o.metadata.namespace };
    while (await cfg.kube.get(ref)) {
      if (Date.now() > deadline) throw new ActionError(`timed out waiting for ${o.kind.toLowerCase()}/${o.metadata.name} to be deleted`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
