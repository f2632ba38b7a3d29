// The part upgrade and rollback share: a new revision replaces the current
// one on the cluster, between its hooks, and the records follow.
import type { KubeObject } from "../kube/index.js";
import type { Release, Storage } from "../storage/index.js";
import { type ApplyMethod, applyObjects, checkAdoption, deleteObjects, fetchLive } from "./apply.js";
import { type ActionConfig, ActionError } from "./config.js";
import { runHooks } from "./hooks.js";
import { failureMessage, setStatus, waitFor } from "./lifecycle.js";
import { objectKey, parseObjects, setNamespaces } from "./objects.js";

export interface DeployRequest {
  storage: Storage;
  /** The revision on the cluster now (absent when nothing was ever deployed). */
  current?: Release;
  /** The new revision, already created in storage as pending-*. */
  next: Release;
  hookPrefix: "upgrade" | "rollback";
  noHooks?: boolean;
  wait?: boolean;
  waitForJobs?: boolean;
  timeoutMs: number;
  force?: boolean;
  takeOwnership?: boolean;
  cleanupOnFail?: boolean;
  successDescription: string;
  /** Revisions still marked deployed that must become superseded. */
  alsoSupersede?: Release[];
}

export function applyMethodOf(current: Release | undefined): ApplyMethod {
  return current?.apply_method === "ssa" || !current ? "ssa" : "csa";
}

/** Runs the change; on failure marks `next` failed with `failPrefix` and rethrows (the caller decides about --atomic). */
export async function deploy(cfg: ActionConfig, r: DeployRequest, failPrefix: string): Promise<void> {
  const { next } = r;
  const ns = next.namespace;
  const objs = parseObjects(next.manifest ?? "");
  const previous = r.current ? parseObjects(r.current.manifest ?? "") : [];
  let created: KubeObject[] = [];
  try {
    await setNamespaces(cfg.kube, objs, ns);
    await setNamespaces(cfg.kube, previous, ns);
    const method = next.apply_method ?? "csa";
    const req = { release: next.name, namespace: ns, objects: objs, previous, method, takeOwnership: r.takeOwnership, force: r.force, emit: cfg.emit, signal: cfg.signal };
    const live = await fetchLive(cfg.kube, method === "ssa" ? objs.filter((o) => !previous.some((p) => objectKey(p) === objectKey(o))) : objs);
    checkAdoption(req, live, r.hookPrefix === "upgrade" ? "update" : "rollback");
    if (!r.noHooks) await runHooks(cfg, next.hooks ?? [], `pre-${r.hookPrefix}`, ns, r.timeoutMs);
    cfg.emit({ type: "phase", phase: "apply", message: `${objs.length} resources` });
    cfg.throwIfAborted();
    created = await applyObjects(cfg.kube, req, live);
    const wanted = new Set(objs.map(objectKey));
    const gone = previous.filter((p) => !wanted.has(objectKey(p)));
    if (gone.length > 0) await deleteObjects(cfg.kube, gone, cfg.emit);
    if (r.wait) await waitFor(cfg, objs, r.timeoutMs, Boolean(r.waitForJobs));
    if (!r.noHooks) await runHooks(cfg, next.hooks ?? [], `post-${r.hookPrefix}`, ns, r.timeoutMs);
    cfg.throwIfAborted();
  } catch (err) {
    const msg = failureMessage(cfg, err);
    await setStatus(cfg, r.storage, next, "failed", `${failPrefix}: ${msg}`);
    if (r.cleanupOnFail && created.length > 0 && !cfg.signal?.aborted) {
      cfg.emit({ type: "warning", message: `cleaning up ${created.length} resources created by the failed ${r.hookPrefix}` });
      await deleteObjects(cfg.kube, created, cfg.emit);
    }
    throw new ActionError(msg, undefined, { cause: err });
  }
  for (const old of [...(r.current ? [r.current] : []), ...(r.alsoSupersede ?? [])]) {
    if (old.version === next.version || old.info.status === "superseded") continue;
    await setStatus(cfg, r.storage, old, "superseded", old.info.description ?? "");
  }
  await setStatus(cfg, r.storage, next, "deployed", r.successDescription);
}
