// Deployment status and conditions, in the shape `kubectl rollout status`,
// helm's ready checker and kstatus read: counts summed over the ReplicaSets,
// Available from the minimum-availability rule, Progressing from progress
// since the last sync (or the lack of it past progressDeadlineSeconds).
import type { KubeObject } from "./host.js";
import { type Condition, resolveIntOrPercent, setCondition } from "./objects.js";

export const REVISION = "deployment.kubernetes.io/revision";
export const HASH_LABEL = "pod-template-hash";

export function desiredReplicas(d: KubeObject): number {
  return d.spec?.replicas ?? 1;
}

/** maxSurge and maxUnavailable resolved against spec.replicas, as ResolveFenceposts does. */
export function fenceposts(d: KubeObject): { surge: number; unavailable: number } {
  const strategy = d.spec?.strategy ?? {};
  if (strategy.type === "Recreate") return { surge: 0, unavailable: 0 };
  const desired = desiredReplicas(d);
  const ru = strategy.rollingUpdate ?? {};
  const surge = resolveIntOrPercent(ru.maxSurge, desired, true, "25%");
  let unavailable = resolveIntOrPercent(ru.maxUnavailable, desired, false, "25%");
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable: Math.min(unavailable, desired) };
}

const sum = (rss: KubeObject[], f: (rs: KubeObject) => number | undefined) => rss.reduce((n, rs) => n + (f(rs) ?? 0), 0);

export interface StatusInput {
  d: KubeObject;
  all: KubeObject[];
  newRS?: KubeObject;
  /** The new ReplicaSet was created in this sync. */
  created: boolean;
  now: string;
  nowMs: number;
}

function progressed(prev: Record<string, number>, next: Record<string, number>): boolean {
  return (
    (next.updatedReplicas ?? 0) > (prev.updatedReplicas ?? 0) ||
    (next.replicas ?? 0) < (prev.replicas ?? 0) ||
    (next.readyReplicas ?? 0) > (prev.readyReplicas ?? 0) ||
    (next.availableReplicas ?? 0) > (prev.availableReplicas ?? 0)
  );
}

/**
 * The next status; `recheckIn` is set when the progress deadline will expire
 * without further events, so the caller can requeue.
 */
export function deploymentStatus(input: StatusInput): { status: Record<string, unknown>; recheckIn?: number } {
  const { d, all, newRS, created, now, nowMs } = input;
  const prev = (d.status ?? {}) as Record<string, any>;
  const desired = desiredReplicas(d);
  const counts: Record<string, number> = {
    replicas: sum(all, (rs) => rs.status?.replicas),
    updatedReplicas: newRS?.status?.replicas ?? 0,
    readyReplicas: sum(all, (rs) => rs.status?.readyReplicas),
    availableReplicas: sum(all, (rs) => rs.status?.availableReplicas),
  };
  counts.unavailableReplicas = Math.max(0, sum(all, (rs) => rs.spec?.replicas) - counts.availableReplicas);
  let conds: Condition[] = prev.conditions ?? [];
  const { unavailable } = fenceposts(d);
  conds = setCondition(
    conds,
    counts.availableReplicas >= desired - unavailable
      ? { type: "Available", status: "True", reason: "MinimumReplicasAvailable", message: "Deployment has minimum availability." }
      : { type: "Available", status: "False", reason: "MinimumReplicasUnavailable", message: "Deployment does not have minimum availability." },
    now,
    true,
  );
  // A ReplicaSet that cannot create pods surfaces on its Deployment, as the real controller copies it up.
  const rsFailure = (newRS?.status?.conditions as Condition[] | undefined)?.find((c) => c.type === "ReplicaFailure" && c.status === "True");
  conds = rsFailure
    ? setCondition(conds, { type: "ReplicaFailure", status: "True", reason: rsFailure.reason, message: rsFailure.message }, now, true)
    : conds.filter((c) => c.type !== "ReplicaFailure");
  let recheckIn: number | undefined;
  const rsName = newRS?.metadata.name ?? "";
  const deadline = d.spec?.progressDeadlineSeconds ?? 600;
  const cur = conds.find((c) => c.type === "Progressing");
  if (d.spec?.paused) {
    conds = setCondition(conds, { type: "Progressing", status: "Unknown", reason: "DeploymentPaused", message: "Deployment is paused" }, now, true);
  } else {
    const complete =
      newRS !== undefined &&
      counts.updatedReplicas === desired &&
      counts.replicas === desired &&
      counts.availableReplicas === desired;
    let next: Omit<Condition, "lastTransitionTime" | "lastUpdateTime"> | undefined;
    if (complete) {
      next = { type: "Progressing", status: "True", reason: "NewReplicaSetAvailable", message: `ReplicaSet "${rsName}" has successfully progressed.` };
    } else if (created) {
      next = { type: "Progressing", status: "True", reason: "NewReplicaSetCreated", message: `Created new replica set "${rsName}"` };
    } else if (progressed(prev, counts) || !cur || cur.reason === "DeploymentPaused") {
      next = { type: "Progressing", status: "True", reason: "ReplicaSetUpdated", message: `ReplicaSet "${rsName}" is progressing.` };
    } else if (cur.status === "True") {
      const since = Date.parse(cur.lastUpdateTime ?? cur.lastTransitionTime ?? now);
      const left = since + deadline * 1000 - nowMs;
      if (left <= 0) next = { type: "Progressing", status: "False", reason: "ProgressDeadlineExceeded", message: `ReplicaSet "${rsName}" has timed out progressing.` };
      else recheckIn = left;
    }
    if (next) {
      conds = setCondition(conds, next, now, true);
      // Progress restarts the deadline clock even when reason and message repeat.
      if (next.reason === "ReplicaSetUpdated") conds = conds.map((c) => (c.type === "Progressing" ? { ...c, lastUpdateTime: now } : c));
      if (next.reason !== "NewReplicaSetAvailable" && next.reason !== "ProgressDeadlineExceeded") recheckIn = deadline * 1000;
    }
  }
  const status: Record<string, unknown> = {
    observedGeneration: d.metadata.generation ?? 1,
    ...counts,
    conditions: conds,
  };
  if (prev.collisionCount !== undefined) status.collisionCount = prev.collisionCount;
  for (const k of ["readyReplicas", "availableReplicas", "unavailableReplicas", "updatedReplicas", "replicas"]) if (status[k] === 0) delete status[k];
  return { status, recheckIn };
}
