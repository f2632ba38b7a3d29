// Job: runs pods to completion within parallelism, retries failures with a
// growing delay up to backoffLimit, and finishes with Complete or Failed
// conditions as helm's hook watcher and kstatus expect.
import type { Ctx } from "./context.js";
import type { KubeObject } from "./host.js";
import { type Condition, getCondition, keyOf, sameJSON, setCondition } from "./objects.js";
import { isActive, isPodReady, podFromTemplate, podsOf } from "./workload.js";

const SOURCE = { component: "job-controller" };
const INDEX = "batch.kubernetes.io/job-completion-index";
const SANDBOX_PREFIX = "sandbox.chartroom.dev/";

function finishedAt(pod: KubeObject): number {
  const t = (pod.status?.containerStatuses ?? []).map((c: any) => Date.parse(c.state?.terminated?.finishedAt ?? "")).filter((n: number) => !Number.isNaN(n));
  return t.length ? Math.max(...t) : 0;
}

/** "0-2,4" from [0,1,2,4], the form of status.completedIndexes. */
function compressIndexes(ids: number[]): string {
  const out: string[] = [];
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    out.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return out.join(",");
}

const indexOf = (p: KubeObject) => Number(p.metadata.annotations?.[INDEX] ?? "-1");

export function jobFinished(job: KubeObject): boolean {
  return ["Complete", "Failed"].some((t) => getCondition(job, t)?.status === "True");
}

export async function reconcileJob(ctx: Ctx, namespace: string, name: string): Promise<void> {
  const { host } = ctx;
  const job = await host.get("batch/v1", "Job", namespace, name);
  if (!job || job.metadata.deletionTimestamp) return;
  const key = keyOf("Job", namespace, name);
  if (jobFinished(job)) return expireFinished(ctx, job, key);

  const now = ctx.stamp();
  const prev = (job.status ?? {}) as Record<string, any>;
  const spec = job.spec ?? {};
  const pods = await podsOf(ctx, job);
  const active = pods.filter(isActive);
  const succeededPods = pods.filter((p) => p.status?.phase === "Succeeded");
  const failedPods = pods.filter((p) => p.status?.phase === "Failed");
  const restarts = spec.template?.spec?.restartPolicy === "OnFailure"
    ? active.reduce((n, p) => n + (p.status?.containerStatuses ?? []).reduce((m: number, c: any) => m + (c.restartCount ?? 0), 0), 0)
    : 0;
  const indexed = spec.completionMode === "Indexed";
  const succeeded = Math.max(prev.succeeded ?? 0, succeededPods.length);
  const failed = Math.max(prev.failed ?? 0, failedPods.length);
  const completions: number | undefined = spec.completions ?? (spec.parallelism === undefined ? 1 : undefined);
  const parallelism: number = spec.parallelism ?? 1;
  const backoffLimit: number = spec.backoffLimit ?? 6;
  let conds: Condition[] = prev.conditions ?? [];
  const status: Record<string, any> = { ...prev, startTime: prev.startTime ?? now, uncountedTerminatedPods: {} };

  const finish = async (type: "Complete" | "Failed", reason: string, message: string) => {
    for (const p of active) await host.delete("v1", "Pod", namespace, p.metadata.name!);
    const interim = type === "Complete" ? "SuccessCriteriaMet" : "FailureTarget";
    conds = setCondition(conds, { type: interim, status: "True", reason, message }, now);
    conds = setCondition(conds, { type, status: "True", reason, message }, now);
    if (type === "Complete") status.completionTime = now;
    await ctx.events.record(job, type === "Complete" ? "Normal" : "Warning", type === "Complete" ? "Completed" : reason, type === "Complete" ? "Job completed" : message, SOURCE);
  };

  let wantActive = 0;
  if (spec.suspend) {
    for (const p of active) await host.delete("v1", "Pod", namespace, p.metadata.name!);
    conds = setCondition(conds, { type: "Suspended", status: "True", reason: "JobSuspended", message: "Job suspended" }, now);
    delete status.startTime;
  } else if (failed + restarts > backoffLimit) {
    await finish("Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit");
  } else if (spec.activeDeadlineSeconds && Date.parse(status.startTime) + spec.activeDeadlineSeconds * 1000 <= ctx.nowMs()) {
    await finish("Failed", "DeadlineExceeded", "Job was active longer than specified deadline");
  } else if (completions !== undefined ? succeeded >= completions : succeeded > 0 && active.length === 0) {
    await finish("Complete", "CompletionsReached", "Reached expected number of succeeded pods");
  } else {
    if (getCondition(job, "Suspended")) conds = setCondition(conds, { type: "Suspended", status: "False", reason: "JobResumed", message: "Job resumed" }, now);
    wantActive = completions !== undefined ? Math.min(parallelism, completions - succeeded) : succeeded > 0 ? 0 : parallelism;
    await manage(ctx, job, active, failedPods, succeededPods, wantActive, failed, key);
    if (spec.activeDeadlineSeconds) ctx.queue.addAfter(key, Date.parse(status.startTime) + spec.activeDeadlineSeconds * 1000 - ctx.nowMs());
  }

  const stillActive = jobFinished({ ...job, status: { conditions: conds } }) || spec.suspend ? [] : active;
  Object.assign(status, { conditions: conds, active: stillActive.length, ready: stillActive.filter(isPodReady).length, succeeded, failed });
  if (indexed) status.completedIndexes = compressIndexes(succeededPods.map(indexOf).filter((i) => i >= 0));
  for (const k of ["active", "succeeded", "failed"]) if (status[k] === 0) delete status[k];
  if (indexed && !status.completedIndexes) delete status.completedIndexes;
  if (!sameJSON(status, prev)) await host.updateStatus({ ...job, status });
  if (jobFinished({ ...job, status })) await expireFinished(ctx, { ...job, status }, key);
}

async function manage(ctx: Ctx, job: KubeObject, active: KubeObject[], failedPods: KubeObject[], succeededPods: KubeObject[], want: number, failed: number, key: string): Promise<void> {
  const { host } = ctx;
  const ns = job.metadata.namespace!;
  if (active.length > want) {
    for (const p of active.slice(want)) await host.delete("v1", "Pod", ns, p.metadata.name!);
    return;
  }
  if (active.length === want) return;
  // After a failure the next pod waits backoff * 2^(failures-1), as the real controller's exponential back-off.
  if (failed > 0) {
    const d = ctx.opts.delays;
    const delay = Math.min(d.backoff * 2 ** (failed - 1), d.maxBackoff);
    const last = Math.max(0, ...failedPods.map(finishedAt));
    const left = last + delay - ctx.nowMs();
    if (last > 0 && left > 0) return ctx.queue.addAfter(key, left);
  }
  const spec = job.spec ?? {};
  const indexed = spec.completionMode === "Indexed";
  const taken = new Set([...active, ...succeededPods].map(indexOf));
  const free: number[] = [];
  if (indexed) for (let i = 0; i < (spec.completions ?? 1) && free.length < want - active.length; i++) if (!taken.has(i)) free.push(i);
  const uid = job.metadata.uid!;
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(job.metadata.annotations ?? {})) if (k.startsWith(SANDBOX_PREFIX)) annotations[k] = v;
  for (let n = active.length; n < want; n++) {
    const index = indexed ? free.shift() : undefined;
    if (indexed && index === undefined) break;
    const ix: Record<string, string> = index === undefined ? {} : { [INDEX]: String(index) };
    const pod = podFromTemplate(job, spec.template, {
      generateName: index === undefined ? `${job.metadata.name}-` : `${job.metadata.name}-${index}-`,
      labels: { "batch.kubernetes.io/controller-uid": uid, "batch.kubernetes.io/job-name": job.metadata.name!, "controller-uid": uid, "job-name": job.metadata.name!, ...ix },
      annotations: { ...annotations, ...ix },
    });
    if (!pod.spec.restartPolicy) pod.spec.restartPolicy = "Never";
    const created = await host.create(pod);
    await ctx.events.record(job, "Normal", "SuccessfulCreate", `Created pod: ${created.metadata.name}`, SOURCE);
  }
}

/** ttlSecondsAfterFinished: the TTL controller deletes finished Jobs (and, by GC, their pods). */
async function expireFinished(ctx: Ctx, job: KubeObject, key: string): Promise<void> {
  const ttl = job.spec?.ttlSecondsAfterFinished;
  if (ttl === undefined || ttl === null) return;
  const cond = getCondition(job, "Complete")?.status === "True" ? getCondition(job, "Complete") : getCondition(job, "Failed");
  const at = Date.parse(job.status?.completionTime ?? cond?.lastTransitionTime ?? "") + ttl * 1000;
  if (Number.isNaN(at)) return;
  if (at > ctx.nowMs()) return ctx.queue.addAfter(key, at - ctx.nowMs());
  await ctx.host.delete("batch/v1", "Job", job.metadata.namespace, job.metadata.name!);
}
