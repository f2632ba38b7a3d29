// Shared by install, upgrade and rollback: durations, the release record's
// status changes, waiting, CRDs and marking a release failed.
import { type KubeObject, waitForReady } from "../kube/index.js";
import type { CrdFile } from "../render/pipeline.js";
import { goTime, type Release, type ReleaseStatus, type Storage } from "../storage/index.js";
import { ActionError, type ActionConfig } from "./config.js";
import { readinessEvent } from "./events.js";
import { parseObjects } from "./objects.js";

export { parseDuration } from "./duration.js";

export async function setStatus(cfg: ActionConfig, storage: Storage, r: Release, status: ReleaseStatus, description: string): Promise<void> {
  r.info.status = status;
  r.info.description = description;
  await storage.update(r);
  cfg.emit({ type: "release", name: r.name, namespace: r.namespace, revision: r.version, status, description });
}

/** Waits for the release's objects (helm's --wait). */
export async function waitFor(cfg: ActionConfig, objs: KubeObject[], timeoutMs: number, waitForJobs: boolean): Promise<void> {
  cfg.emit({ type: "phase", phase: "wait", message: `waiting up to ${Math.round(timeoutMs / 1000)}s for ${objs.length} resources` });
  await waitForReady(
    cfg.kube,
    objs.map((o) => ({ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, namespace: o.metadata.namespace })),
    {
      timeoutMs,
      waitForJobs,
      signal: cfg.signal,
      onChange: (ref, r) => cfg.emit(readinessEvent(ref, r)),
    },
  );
}

/** crds/ first, created when missing and never updated (helm's installCRDs), then discovery is refreshed. */
export async function installCrds(cfg: ActionConfig, crds: CrdFile[], timeoutMs: number): Promise<void> {
  if (crds.length === 0) return;
  cfg.emit({ type: "phase", phase: "crds", message: `${crds.length} file${crds.length === 1 ? "" : "s"}` });
  const created: KubeObject[] = [];
  for (const f of crds) {
    for (const o of parseObjects(f.content)) {
      const exists = await cfg.kube.get({ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name });
      if (exists) {
        cfg.emit({ type: "resource", action: "unchanged", kind: o.kind, name: o.metadata.name });
        continue;
      }
      await cfg.kube.create(o);
      created.push(o);
      cfg.emit({ type: "resource", action: "created", kind: o.kind, name: o.metadata.name });
    }
  }
  if (created.length > 0) {
    await waitFor(cfg, created, timeoutMs, false);
    cfg.refreshDiscovery();
  }
}

/** Another operation holds the release: helm's exact refusal. */
export function assertNotPending(last: Release): void {
  if (last.info.status?.startsWith("pending-")) {
    throw new ActionError(
      "another operation (install/upgrade/rollback) is in progress",
      `If no operation is running, "chartroom recover ${last.name}" marks revision ${last.version} failed so the release can move on.`,
    );
  }
}

export function now(): string {
  return goTime();
}

/** Turns SIGINT/SIGTERM mid-operation into a failed release rather than a stuck pending one. */
export function failureMessage(cfg: ActionConfig, err: unknown): string {
  if (cfg.signal?.aborted) return `operation interrupted: ${String(cfg.signal.reason ?? "signal")}`;
  return (err as Error).message;
}
