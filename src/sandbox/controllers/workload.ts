// Pods as the workload controllers see them: made from templates, counted as
// active, ready or available, and ranked for deletion.
import type { Ctx } from "./context.js";
import type { KubeObject } from "./host.js";
import { clone, controllerOf, getCondition, isControlledBy, isTerminating, type LabelSelector, matchesSelector, ownerRef } from "./objects.js";

export const CONTROLLER_MANAGER = { component: "replicaset-controller" };

export interface PodTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: any;
}

export interface PodIdentity {
  name?: string;
  generateName?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  nodeName?: string;
  /** Extra fields merged into the pod spec (hostname, subdomain, volumes...). */
  spec?: Record<string, unknown>;
}

export function podFromTemplate(owner: KubeObject, template: PodTemplate | undefined, id: PodIdentity): KubeObject {
  const spec = { ...clone(template?.spec ?? {}), ...(id.spec ?? {}) };
  if (id.nodeName) spec.nodeName = id.nodeName;
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      ...(id.name ? { name: id.name } : { generateName: id.generateName }),
      namespace: owner.metadata.namespace,
      labels: { ...(template?.metadata?.labels ?? {}), ...(id.labels ?? {}) },
      annotations: { ...(template?.metadata?.annotations ?? {}), ...(id.annotations ?? {}) },
      ownerReferences: [ownerRef(owner)],
    },
    spec,
  };
}

export async function podsOf(ctx: Ctx, owner: KubeObject): Promise<KubeObject[]> {
  return ownedBy(ctx, owner, "v1", "Pod");
}

/**
 * The objects of a kind that `owner` controls. Orphans its selector matches
 * (say, left by `kubectl delete --cascade=orphan`) are adopted first, as the
 * real controllers' ref managers do.
 */
export async function ownedBy(ctx: Ctx, owner: KubeObject, apiVersion: string, kind: string): Promise<KubeObject[]> {
  const all = await ctx.host.list(apiVersion, kind, owner.metadata.namespace);
  const selector = owner.spec?.selector as LabelSelector | undefined;
  const canAdopt = !owner.metadata.deletionTimestamp && selector && (Object.keys(selector.matchLabels ?? {}).length > 0 || (selector.matchExpressions ?? []).length > 0);
  const mine: KubeObject[] = [];
  for (const o of all) {
    if (isControlledBy(o, owner)) mine.push(o);
    else if (canAdopt && !controllerOf(o) && !isTerminating(o) && matchesSelector(selector, o.metadata.labels)) {
      mine.push(await ctx.host.update({ ...o, metadata: { ...o.metadata, ownerReferences: [...(o.metadata.ownerReferences ?? []), ownerRef(owner)] } }));
    }
  }
  return mine;
}

export function isActive(pod: KubeObject): boolean {
  const phase = pod.status?.phase;
  return !isTerminating(pod) && phase !== "Succeeded" && phase !== "Failed";
}

export function isPodReady(pod: KubeObject): boolean {
  return getCondition(pod, "Ready")?.status === "True";
}

/** Ready for at least minReadySeconds; `wakeIn` reports how long until a ready pod becomes available. */
export function isPodAvailable(pod: KubeObject, minReadySeconds: number, nowMs: number, wakeIn?: (ms: number) => void): boolean {
  if (!isPodReady(pod)) return false;
  if (!minReadySeconds) return true;
  const since = Date.parse(getCondition(pod, "Ready")?.lastTransitionTime ?? "");
  if (Number.isNaN(since)) return true;
  const left = since + minReadySeconds * 1000 - nowMs;
  if (left <= 0) return true;
  wakeIn?.(left);
  return false;
}

/** An availability check that remembers the soonest moment a ready pod turns available, to requeue then. */
export function availability(minReadySeconds: number, nowMs: number): { available: (p: KubeObject) => boolean; wakeIn: () => number | undefined } {
  let wake: number | undefined;
  return {
    available: (p) =>
      isPodAvailable(p, minReadySeconds, nowMs, (ms) => {
        wake = Math.min(wake ?? ms, ms);
      }),
    wakeIn: () => wake,
  };
}

function rank(pod: KubeObject): number[] {
  const s = pod.status ?? {};
  const restarts = Math.max(0, ...(s.containerStatuses ?? []).map((c: { restartCount?: number }) => c.restartCount ?? 0));
  return [pod.spec?.nodeName ? 1 : 0, s.phase === "Running" ? 2 : s.phase === "Pending" ? 1 : 0, isPodReady(pod) ? 1 : 0, -restarts];
}

/**
 * Orders pods the way the ReplicaSet controller picks victims: unscheduled before
 * scheduled, pending before running, not ready before ready, more restarts
 * first, then the newest.
 */
export function deletionOrder(pods: KubeObject[]): KubeObject[] {
  return [...pods].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i] - rb[i];
    const ta = a.metadata.creationTimestamp ?? "";
    const tb = b.metadata.creationTimestamp ?? "";
    return ta === tb ? 0 : ta > tb ? -1 : 1;
  });
}
