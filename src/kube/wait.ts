// Waiting for objects to become ready (helm's --wait), polling as helm does,
// reporting each change of an object's readiness as it happens.
import type { KubeClient, KubeObject, ObjectRef } from "./client.js";
import { objectId, podSelector, type Readiness, readiness } from "./readiness.js";

export class WaitTimeoutError extends Error {
  override name = "WaitTimeoutError";
  readonly userFacing = true;
}

export class ResourceFailedError extends Error {
  override name = "ResourceFailedError";
  readonly userFacing = true;
}

export interface WaitOptions {
  timeoutMs: number;
  /** Jobs must complete too (helm's --wait-for-jobs). */
  waitForJobs?: boolean;
  signal?: AbortSignal;
  onChange?: (ref: ObjectRef, r: Readiness) => void;
  /** First poll interval; it grows to 2s as helm's poll interval. */
  intervalMs?: number;
}

const workloads = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job"]);

export async function checkOne(kube: KubeClient, ref: ObjectRef, withPods = true): Promise<Readiness> {
  const obj = await kube.get<KubeObject>(ref);
  if (!obj) return { ready: false, reason: `${ref.kind.toLowerCase()}/${ref.name} not found` };
  let pods: KubeObject[] | undefined;
  const base = readiness(obj);
  if (!base.ready && withPods && workloads.has(obj.kind)) {
    const sel = podSelector(obj);
    if (sel) pods = await kube.list("v1", "Pod", obj.metadata.namespace, sel);
    return readiness(obj, pods);
  }
  return base;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(t);
      resolve();
    }, { once: true });
  });
}

/** Resolves when every object is ready; throws WaitTimeoutError naming the first one still waiting. */
export async function waitForReady(kube: KubeClient, refs: ObjectRef[], o: WaitOptions): Promise<void> {
  const deadline = Date.now() + o.timeoutMs;
  const pending = new Map(refs.filter((r) => o.waitForJobs || r.kind !== "Job").map((r) => [`${r.namespace}/${objectId({ kind: r.kind, metadata: { name: r.name } })}`, r]));
  const last = new Map<string, string>();
  let interval = o.intervalMs ?? 200;
  while (pending.size > 0) {
    if (o.signal?.aborted) throw o.signal.reason ?? new Error("aborted");
    const results = await Promise.all([...pending].map(async ([key, ref]) => [key, ref, await checkOne(kube, ref)] as const));
    for (const [key, ref, r] of results) {
      if (last.get(key) !== r.reason) {
        last.set(key, r.reason);
        o.onChange?.(ref, r);
      }
      if (r.failed) throw new ResourceFailedError(r.reason);
      if (r.ready) pending.delete(key);
    }
    if (pending.size === 0) break;
    if (Date.now() >= deadline) {
      const first = [...pending.keys()][0]!;
      throw new WaitTimeoutError(`context deadline exceeded: ${last.get(first)}`);
    }
    await sleep(Math.min(interval, Math.max(0, deadline - Date.now())), o.signal);
    interval = Math.min(interval * 2, 2000);
  }
}
