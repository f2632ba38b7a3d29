// Is an object ready? kstatus's rules for the kinds helm waits on, each with
// a reason a person can act on ("deployment/web 1/3 ready: pod web-abc
// CrashLoopBackOff"). Pure: the caller fetches the object and its pods.
import type { KubeObject } from "./client.js";

export interface Readiness {
  ready: boolean;
  /** A terminal failure: waiting longer will not help (a failed Job). */
  failed?: boolean;
  reason: string;
  /** Ready (or complete) out of desired, for workloads: "1/3". */
  count?: string;
  /** What holds it back, in kubectl's words: "CrashLoopBackOff", "ImagePullBackOff", "Pending". */
  problem?: string;
}

type Any = Record<string, any>;

export function objectId(o: Pick<KubeObject, "kind" | "metadata">): string {
  return `${o.kind.toLowerCase()}/${o.metadata.name}`;
}

/** Why a pod is not ready, from its container states (CrashLoopBackOff, ImagePullBackOff...). */
export function podProblem(pod: Any): string | undefined {
  const statuses: Any[] = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
  for (const c of statuses) {
    const waiting = c.state?.waiting?.reason;
    if (waiting && waiting !== "ContainerCreating" && waiting !== "PodInitializing") return waiting;
    const term = c.state?.terminated;
    if (term && term.exitCode !== 0 && pod.spec?.restartPolicy === "Always") return term.reason ?? "Error";
  }
  if (pod.status?.phase === "Failed") return pod.status.reason ?? "Failed";
  const sched = (pod.status?.conditions ?? []).find((c: Any) => c.type === "PodScheduled" && c.status === "False");
  if (sched) return sched.reason ?? "Unschedulable";
  return undefined;
}

function condition(o: Any, type: string): Any | undefined {
  return (o.status?.conditions ?? []).find((c: Any) => c.type === type);
}

function podsNote(pods: Any[] | undefined): string {
  const p = problemPod(pods);
  return p ? `: pod ${p.name} ${p.why}` : "";
}

function problemPod(pods: Any[] | undefined): { name: string; why: string } | undefined {
  for (const p of pods ?? []) {
    const why = podProblem(p);
    if (why) return { name: p.metadata.name, why };
  }
  return undefined;
}

/** Adds the structured count and problem that the reason text already carries. */
function counted(r: Readiness, ready: number, want: number, pods: Any[] | undefined): Readiness {
  const problem = r.ready ? undefined : problemPod(pods)?.why;
  return { ...r, count: `${ready}/${want}`, ...(problem ? { problem } : {}) };
}

function observed(o: Any): boolean {
  const g = o.metadata?.generation;
  return g === undefined || o.status?.observedGeneration === undefined || o.status.observedGeneration >= g;
}

/** `pods` are the pods the object selects, when the caller fetched them (workloads only). */
export function readiness(obj: KubeObject, pods?: Any[]): Readiness {
  const o = obj as Any;
  const id = objectId(obj);
  const s = o.status ?? {};
  switch (obj.kind) {
    case "Deployment": {
      const want = o.spec?.replicas ?? 1;
      const ready = s.readyReplicas ?? 0;
      const updated = s.updatedReplicas ?? 0;
      const progressing = condition(o, "Progressing");
      if (progressing?.reason === "ProgressDeadlineExceeded") return { ready: false, failed: true, reason: `${id} exceeded its progress deadline${podsNote(pods)}` };
      // Old pods still counted in status.replicas mean the rollout is not over.
      const ok = observed(o) && updated >= want && ready >= want && (s.availableReplicas ?? 0) >= want && (s.replicas ?? updated) <= updated;
      // During a rollout old pods are still ready; count only the new ones.
      const readyNew = Math.max(0, ready - Math.max(0, (s.replicas ?? 0) - updated));
      const n = Math.min(ok ? want : readyNew, want);
      return counted({ ready: ok, reason: `${id} ${n}/${want} ready${ok ? "" : podsNote(pods)}` }, n, want, pods);
    }
    case "StatefulSet": {
      const want = o.spec?.replicas ?? 1;
      const ready = s.readyReplicas ?? 0;
      const partition = o.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
      const updatedOk = o.spec?.updateStrategy?.type === "OnDelete" || (s.updatedReplicas ?? 0) >= want - partition;
      const ok = observed(o) && ready >= want && updatedOk && (partition > 0 || !s.updateRevision || s.currentRevision === s.updateRevision || (s.updatedReplicas ?? 0) >= want);
      return counted({ ready: ok, reason: `${id} ${Math.min(ready, want)}/${want} ready${ok ? "" : podsNote(pods)}` }, Math.min(ready, want), want, pods);
    }
    case "DaemonSet": {
      const want = s.desiredNumberScheduled ?? 0;
      const ready = s.numberReady ?? 0;
      const ok = observed(o) && (s.updatedNumberScheduled ?? 0) >= want && ready >= want;
      return counted({ ready: ok, reason: `${id} ${ready}/${want} ready${ok ? "" : podsNote(pods)}` }, ready, want, pods);
    }
    case "ReplicaSet":
    case "ReplicationController": {
      const want = o.spec?.replicas ?? 1;
      const ready = s.readyReplicas ?? 0;
      const ok = observed(o) && ready >= want;
      return counted({ ready: ok, reason: `${id} ${ready}/${want} ready${ok ? "" : podsNote(pods)}` }, ready, want, pods);
    }
    case "Job": {
      const failed = condition(o, "Failed");
      const want = o.spec?.completions ?? 1;
      if (failed?.status === "True") {
        const reason = failed.reason ?? "BackoffLimitExceeded";
        return { ready: false, failed: true, reason: `${id} failed: ${reason}${failed.message ? ` (${failed.message})` : ""}`, count: `${s.succeeded ?? 0}/${want}`, problem: reason };
      }
      const complete = condition(o, "Complete")?.status === "True";
      return counted({ ready: complete, reason: `${id} ${s.succeeded ?? 0}/${want} complete${complete ? "" : podsNote(pods)}` }, s.succeeded ?? 0, want, pods);
    }
    case "Pod": {
      if (s.phase === "Succeeded") return { ready: true, reason: `${id} succeeded` };
      if (s.phase === "Failed") {
        const why = s.reason ?? podProblem(o) ?? "Error";
        return { ready: false, failed: true, reason: `${id} failed: ${why}`, problem: why };
      }
      const ok = condition(o, "Ready")?.status === "True";
      const why = podProblem(o);
      const r: Readiness = { ready: ok, reason: `${id} ${ok ? "ready" : `not ready${why ? `: ${why}` : ` (${s.phase ?? "Pending"})`}`}` };
      return ok ? r : { ...r, problem: why ?? s.phase ?? "Pending" };
    }
    case "PersistentVolumeClaim":
      return { ready: s.phase === "Bound", reason: `${id} ${(s.phase ?? "Pending").toLowerCase()}` };
    case "Service": {
      if (o.spec?.type !== "LoadBalancer") return { ready: true, reason: `${id} ready` };
      const ok = (s.loadBalancer?.ingress ?? []).length > 0;
      return { ready: ok, reason: `${id} ${ok ? "has an ingress address" : "waiting for a load balancer address"}` };
    }
    case "CustomResourceDefinition": {
      const ok = condition(o, "Established")?.status === "True";
      return { ready: ok, reason: `${id} ${ok ? "established" : "not established yet"}` };
    }
    default: {
      const ready = condition(o, "Ready");
      if (!ready) return { ready: true, reason: `${id} ready` };
      const ok = ready.status === "True";
      return { ready: ok, reason: `${id} ${ok ? "ready" : `not ready${ready.reason ? `: ${ready.reason}` : ""}`}` };
    }
  }
}

/** The label selector of a workload's pods, as a query string. */
export function podSelector(obj: KubeObject): string | undefined {
  const sel = (obj as Any).spec?.selector;
  if (!sel) return undefined;
  const labels: Record<string, string> = sel.matchLabels ?? (sel.matchExpressions ? undefined : sel);
  if (!labels || typeof labels !== "object") return undefined;
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(",");
}
