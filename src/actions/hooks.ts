// Running a release's hooks for one event as helm does: by weight then name,
// before-hook-creation deletion by default, Jobs and Pods waited on, then
// hook-succeeded / hook-failed deletion.
import { type KubeObject, ResourceFailedError, WaitTimeoutError, waitForReady } from "../kube/index.js";
import { goTime, type ReleaseHook, ZERO_TIME } from "../storage/index.js";
import type { ActionConfig } from "./config.js";
import { ActionError } from "./config.js";
import { readinessEvent } from "./events.js";
import { parseObjects, setNamespaces } from "./objects.js";

export class HookFailedError extends ActionError {
  override name = "HookFailedError";
}

function hookObjects(h: ReleaseHook): KubeObject[] {
  return parseObjects(h.manifest ?? "");
}

function policies(h: ReleaseHook): string[] {
  return h.delete_policies && h.delete_policies.length > 0 ? h.delete_policies : ["before-hook-creation"];
}

async function deleteHook(cfg: ActionConfig, h: ReleaseHook, objs: KubeObject[], event: string, wait: boolean): Promise<void> {
  for (const o of objs) {
    const ref = { apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, namespace: o.metadata.namespace };
    if (await cfg.kube.delete(ref, "Background")) {
      cfg.emit({ type: "hook", event, kind: h.kind ?? o.kind, name: h.name ?? o.metadata.name, phase: "deleted" });
      // before-hook-creation must see the old object gone before creating the new one.
      if (wait) {
        for (let i = 0; i < 150 && (await cfg.kube.get(ref)); i++) await new Promise((r) => setTimeout(r, 100));
      }
    }
  }
}

export async function runHooks(cfg: ActionConfig, hooks: ReleaseHook[], event: string, namespace: string, timeoutMs: number): Promise<void> {
  const run = hooks
    .filter((h) => h.events?.includes(event))
    .map((h, i) => ({ h, i }))
    .sort((a, b) => (a.h.weight ?? 0) - (b.h.weight ?? 0) || ((a.h.name ?? "") < (b.h.name ?? "") ? -1 : (a.h.name ?? "") > (b.h.name ?? "") ? 1 : a.i - b.i))
    .map((x) => x.h);
  if (run.length === 0) return;
  cfg.emit({ type: "phase", phase: `${event} hooks`, message: `${run.length} hook${run.length === 1 ? "" : "s"}` });
  const done: { h: ReleaseHook; objs: KubeObject[] }[] = [];
  for (const h of run) {
    cfg.throwIfAborted();
    const objs = hookObjects(h);
    await setNamespaces(cfg.kube, objs, namespace);
    if (policies(h).includes("before-hook-creation")) await deleteHook(cfg, h, objs, event, true);
    h.last_run = { started_at: goTime(), completed_at: h.last_run?.completed_at ?? ZERO_TIME, phase: "Running" };
    cfg.emit({ type: "hook", event, kind: h.kind ?? "", name: h.name ?? "", phase: "running" });
    try {
      for (const o of objs) await cfg.kube.create(o);
      const refs = objs
        .filter((o) => o.kind === "Job" || o.kind === "Pod")
        .map((o) => ({ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, namespace: o.metadata.namespace }));
      await waitForReady(cfg.kube, refs, {
        timeoutMs,
        waitForJobs: true,
        signal: cfg.signal,
        onChange: (ref, r) => cfg.emit(readinessEvent(ref, r)),
      });
    } catch (err) {
      h.last_run = { ...h.last_run, completed_at: goTime(), phase: "Failed" };
      cfg.emit({ type: "hook", event, kind: h.kind ?? "", name: h.name ?? "", phase: "failed" });
      if (policies(h).includes("hook-failed")) await deleteHook(cfg, h, objs, event, false);
      const why = err instanceof ResourceFailedError || err instanceof WaitTimeoutError ? err.message : (err as Error).message;
      throw new HookFailedError(`${h.kind ?? "hook"} ${h.name}: ${why}`, undefined, { cause: err });
    }
    h.last_run = { ...h.last_run, completed_at: goTime(), phase: "Succeeded" };
    cfg.emit({ type: "hook", event, kind: h.kind ?? "", name: h.name ?? "", phase: "succeeded" });
    done.push({ h, objs });
  }
  for (const { h, objs } of done) if (policies(h).includes("hook-succeeded")) await deleteHook(cfg, h, objs, event, false);
}

/** The release's hooks from a render, with helm's empty last run. */
export function releaseHooks(hooks: { name: string; kind: string; path: string; manifest: string; events: string[]; weight: number; deletePolicies: string[] }[]): ReleaseHook[] {
  return hooks.map((h) => ({
    name: h.name,
    kind: h.kind,
    path: h.path,
    manifest: h.manifest,
    events: [...h.events],
    last_run: { started_at: ZERO_TIME, completed_at: ZERO_TIME, phase: "" },
    weight: h.weight,
    delete_policies: [...h.deletePolicies],
  }));
}

