// ReplicaSet: keeps spec.replicas active pods and reports how many are ready
// and available, which is all the Deployment controller reads.
import type { Ctx } from "./context.js";
import { keyOf, matchesSelector, removeCondition, sameJSON, setCondition } from "./objects.js";
import { availability, CONTROLLER_MANAGER, deletionOrder, isActive, isPodReady, podFromTemplate, podsOf } from "./workload.js";

/** Pods created or deleted per sync, as the controller manager's burst limit. */
const BURST = 500;

export async function reconcileReplicaSet(ctx: Ctx, namespace: string, name: string): Promise<void> {
  const { host } = ctx;
  const rs = await host.get("apps/v1", "ReplicaSet", namespace, name);
  if (!rs || rs.metadata.deletionTimestamp) return;
  const pods = (await podsOf(ctx, rs)).filter(isActive);
  const desired = rs.spec?.replicas ?? 1;
  const diff = desired - pods.length;
  let failure: string | undefined;
  if (diff > 0) {
    for (let i = 0; i < Math.min(diff, BURST); i++) {
      try {
        const pod = await host.create(podFromTemplate(rs, rs.spec?.template, { generateName: `${name}-` }));
        await ctx.events.record(rs, "Normal", "SuccessfulCreate", `Created pod: ${pod.metadata.name}`, CONTROLLER_MANAGER);
      } catch (err) {
        // The API refused the pod (quota, admission, a terminating namespace): say so where kubectl describe looks, and retry.
        failure = err instanceof Error ? err.message : String(err);
        await ctx.events.record(rs, "Warning", "FailedCreate", `Error creating: ${failure}`, CONTROLLER_MANAGER);
        ctx.queue.addAfter(keyOf("ReplicaSet", namespace, name), ctx.opts.delays.maxBackoff);
        break;
      }
    }
  } else if (diff < 0) {
    for (const pod of deletionOrder(pods).slice(0, Math.min(-diff, BURST))) {
      await host.delete("v1", "Pod", namespace, pod.metadata.name!);
      await ctx.events.record(rs, "Normal", "SuccessfulDelete", `Deleted pod: ${pod.metadata.name}`, CONTROLLER_MANAGER);
    }
  }

  const avail = availability(rs.spec?.minReadySeconds ?? 0, ctx.nowMs());
  const available = pods.filter(avail.available).length;
  const wake = avail.wakeIn();
  if (wake !== undefined) ctx.queue.addAfter(keyOf("ReplicaSet", namespace, name), wake);
  const templateLabels = rs.spec?.template?.metadata?.labels ?? {};
  const conditions = failure
    ? setCondition(rs.status?.conditions, { type: "ReplicaFailure", status: "True", reason: "FailedCreate", message: failure }, ctx.stamp())
    : removeCondition(rs.status?.conditions, "ReplicaFailure");
  const status: Record<string, unknown> = {
    ...(rs.status ?? {}),
    conditions,
    replicas: pods.length,
    fullyLabeledReplicas: pods.filter((p) => matchesSelector({ matchLabels: templateLabels }, p.metadata.labels)).length,
    readyReplicas: pods.filter(isPodReady).length,
    availableReplicas: available,
    observedGeneration: rs.metadata.generation ?? 1,
  };
  // The API server omits zero counts; kubectl and helm read absent as 0.
  for (const k of ["fullyLabeledReplicas", "readyReplicas", "availableReplicas"]) if (status[k] === 0) delete status[k];
  if (!conditions?.length) delete status.conditions;
  if (!sameJSON(status, rs.status ?? {})) await host.updateStatus({ ...rs, status });
}
