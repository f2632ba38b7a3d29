// CronJob: never fires on its schedule (a sandbox must stay quiet and
// deterministic); it runs a Job when asked, by setting the trigger annotation
// to a new value. Status (active, lastScheduleTime, lastSuccessfulTime) and
// history limits behave as the real controller's.
import type { Ctx } from "./context.js";
import type { KubeObject } from "./host.js";
import { byCreation, clone, getCondition, isControlledBy, ownerRef, sameJSON } from "./objects.js";

/** Set (or change) this annotation on a CronJob to run it once now. */
export const TRIGGER_ANNOTATION = "sandbox.chartroom.dev/trigger";
/** The trigger value last acted on, recorded by the controller. */
const TRIGGERED_ANNOTATION = "sandbox.chartroom.dev/triggered";
const SOURCE = { component: "cronjob-controller" };

const finishedAs = (job: KubeObject, type: string) => getCondition(job, type)?.status === "True";

export async function reconcileCronJob(ctx: Ctx, namespace: string, name: string): Promise<void> {
  const { host } = ctx;
  let cj = await host.get("batch/v1", "CronJob", namespace, name);
  if (!cj || cj.metadata.deletionTimestamp) return;
  const ann = cj.metadata.annotations ?? {};
  const trigger = ann[TRIGGER_ANNOTATION];
  const status: Record<string, any> = { ...(cj.status ?? {}) };
  if (trigger !== undefined && trigger !== ann[TRIGGERED_ANNOTATION] && !cj.spec?.suspend) {
    cj = await host.update({ ...cj, metadata: { ...cj.metadata, annotations: { ...ann, [TRIGGERED_ANNOTATION]: trigger } } });
    const job = await runJob(ctx, cj);
    status.lastScheduleTime = ctx.stamp();
    await ctx.events.record(cj, "Normal", "SuccessfulCreate", `Created job ${job.metadata.name}`, SOURCE);
  }

  const jobs = (await host.list("batch/v1", "Job", namespace)).filter((j) => isControlledBy(j, cj)).sort(byCreation);
  for (const j of jobs) {
    const outcome = finishedAs(j, "Complete") ? "Complete" : finishedAs(j, "Failed") ? "Failed" : undefined;
    const wasActive = (cj.status?.active ?? []).some((r: { uid?: string }) => r.uid === j.metadata.uid);
    if (outcome && wasActive) await ctx.events.record(cj, "Normal", "SawCompletedJob", `Saw completed job: ${j.metadata.name}, condition: ${outcome}`, SOURCE);
  }
  const running = jobs.filter((j) => !finishedAs(j, "Complete") && !finishedAs(j, "Failed"));
  status.active = running.map((j) => ({ apiVersion: "batch/v1", kind: "Job", name: j.metadata.name, namespace, uid: j.metadata.uid, resourceVersion: j.metadata.resourceVersion }));
  if (status.active.length === 0) delete status.active;
  const lastOk = jobs.filter((j) => finishedAs(j, "Complete")).map((j) => j.status?.completionTime as string).sort().pop();
  if (lastOk) status.lastSuccessfulTime = lastOk;
  if (!sameJSON(status, cj.status ?? {})) await host.updateStatus({ ...cj, status });

  for (const [type, limit] of [
    ["Complete", cj.spec?.successfulJobsHistoryLimit ?? 3],
    ["Failed", cj.spec?.failedJobsHistoryLimit ?? 1],
  ] as const) {
    const done = jobs.filter((j) => finishedAs(j, type));
    for (const j of done.slice(0, Math.max(0, done.length - limit))) await host.delete("batch/v1", "Job", namespace, j.metadata.name!);
  }
}

async function runJob(ctx: Ctx, cj: KubeObject): Promise<KubeObject> {
  const tpl = clone(cj.spec?.jobTemplate ?? {});
  const scheduled = ctx.host.now();
  // The real controller names a Job after its scheduled time in minutes since the epoch.
  let name = `${cj.metadata.name}-${Math.floor(scheduled.getTime() / 60_000)}`;
  for (let n = 1; await ctx.host.get("batch/v1", "Job", cj.metadata.namespace, name); n++) name = `${cj.metadata.name}-${Math.floor(scheduled.getTime() / 60_000)}-${n}`;
  return ctx.host.create({
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: {
      name,
      namespace: cj.metadata.namespace,
      labels: { ...(tpl.metadata?.labels ?? {}) },
      annotations: { ...(tpl.metadata?.annotations ?? {}), "batch.kubernetes.io/cronjob-scheduled-timestamp": scheduled.toISOString().replace(/\.\d{3}Z$/, "Z") },
      ownerReferences: [ownerRef(cj)],
    },
    spec: tpl.spec ?? {},
  });
}
