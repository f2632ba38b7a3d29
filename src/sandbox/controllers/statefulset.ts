// StatefulSet: stable pod names name-0..name-(n-1), created in order (each
// waits for the previous to be Running and Ready unless podManagementPolicy is
// Parallel), removed from the highest ordinal, updated from the highest
// ordinal down to the partition, one pod at a time.
import type { Ctx } from "./context.js";
import type { KubeObject } from "./host.js";
import { clone, keyOf, sameJSON, templateHash } from "./objects.js";
import { ensureRevision, templateOfRevision } from "./revisions.js";
import { availability, isActive, isPodReady, podFromTemplate, podsOf } from "./workload.js";

const SOURCE = { component: "statefulset-controller" };
const REVISION_LABEL = "controller-revision-hash";

function ordinal(sts: KubeObject, pod: KubeObject): number {
  const prefix = `${sts.metadata.name}-`;
  const n = pod.metadata.name!.startsWith(prefix) ? pod.metadata.name!.slice(prefix.length) : "";
  return /^\d+$/.test(n) ? Number(n) : -1;
}

async function ensureClaims(ctx: Ctx, sts: KubeObject, podName: string): Promise<{ name: string; persistentVolumeClaim: { claimName: string } }[]> {
  const volumes = [];
  for (const t of (sts.spec?.volumeClaimTemplates ?? []) as KubeObject[]) {
    const claimName = `${t.metadata?.name}-${podName}`;
    volumes.push({ name: t.metadata.name!, persistentVolumeClaim: { claimName } });
    if (await ctx.host.get("v1", "PersistentVolumeClaim", sts.metadata.namespace, claimName)) continue;
    await ctx.host.create({
      apiVersion: "v1",
      kind: "PersistentVolumeClaim",
      metadata: {
        name: claimName,
        namespace: sts.metadata.namespace,
        labels: { ...(sts.spec?.selector?.matchLabels ?? {}), ...(t.metadata?.labels ?? {}) },
        ...(t.metadata?.annotations ? { annotations: t.metadata.annotations } : {}),
      },
      spec: clone(t.spec ?? {}),
    });
    await ctx.events.record(sts, "Normal", "SuccessfulCreate", `create Claim ${claimName} Pod ${podName} in StatefulSet ${sts.metadata.name} success`, SOURCE);
  }
  return volumes;
}

export async function reconcileStatefulSet(ctx: Ctx, namespace: string, name: string): Promise<void> {
  const { host } = ctx;
  const sts = await host.get("apps/v1", "StatefulSet", namespace, name);
  if (!sts || sts.metadata.deletionTimestamp) return;
  const spec = sts.spec ?? {};
  const replicas: number = spec.replicas ?? 1;
  const parallel = spec.podManagementPolicy === "Parallel";
  const rolling = (spec.updateStrategy?.type ?? "RollingUpdate") === "RollingUpdate";
  const partition: number = spec.updateStrategy?.rollingUpdate?.partition ?? 0;
  const hash = templateHash(spec.template ?? {}, sts.status?.collisionCount ?? 0);
  const updateRevision = `${name}-${hash}`;
  const prevCurrent: string = sts.status?.currentRevision ?? updateRevision;
  await ensureRevision(ctx, sts, hash);

  const all = await podsOf(ctx, sts);
  const byOrdinal = new Map<number, KubeObject>();
  for (const p of all) if (ordinal(sts, p) >= 0) byOrdinal.set(ordinal(sts, p), p);
  const settled = (p: KubeObject | undefined) => p !== undefined && isActive(p) && p.status?.phase === "Running" && isPodReady(p);
  const terminating = all.some((p) => p.metadata.deletionTimestamp);
  const del = async (p: KubeObject) => {
    await host.delete("v1", "Pod", namespace, p.metadata.name!);
    await ctx.events.record(sts, "Normal", "SuccessfulDelete", `delete Pod ${p.metadata.name} in StatefulSet ${name} successful`, SOURCE);
  };

  // Pods that finished (Succeeded/Failed) are replaced, as the real controller does.
  for (const p of all) if (!p.metadata.deletionTimestamp && !isActive(p)) await del(p);

  let blocked = terminating && !parallel;
  for (let i = 0; i < replicas && !blocked; i++) {
    const pod = byOrdinal.get(i);
    if (!pod || !isActive(pod)) {
      const podName = `${name}-${i}`;
      const volumes = await ensureClaims(ctx, sts, podName);
      // Below the partition a pod comes back at the current revision, not the update.
      const oldTemplate = rolling && i < partition && prevCurrent !== updateRevision ? await templateOfRevision(ctx, sts, prevCurrent) : undefined;
      const tplVolumes = ((oldTemplate ?? spec.template)?.spec?.volumes ?? []) as { name: string }[];
      const extra = volumes.filter((v) => !tplVolumes.some((t) => t.name === v.name));
      await host.create(
        podFromTemplate(sts, oldTemplate ?? spec.template, {
          name: podName,
          labels: { [REVISION_LABEL]: oldTemplate ? prevCurrent : updateRevision, "statefulset.kubernetes.io/pod-name": podName, "apps.kubernetes.io/pod-index": String(i) },
          spec: { hostname: podName, ...(spec.serviceName ? { subdomain: spec.serviceName } : {}), volumes: [...tplVolumes, ...extra] },
        }),
      );
      await ctx.events.record(sts, "Normal", "SuccessfulCreate", `create Pod ${podName} in StatefulSet ${name} successful`, SOURCE);
      if (!parallel) blocked = true;
    } else if (!parallel && !settled(pod)) blocked = true;
  }

  // Scale down from the highest ordinal; ordered mode removes one pod at a time, once the rest are healthy.
  const surplus = [...byOrdinal.entries()].filter(([i, p]) => i >= replicas && !p.metadata.deletionTimestamp).sort((a, b) => b[0] - a[0]);
  if (surplus.length > 0 && !blocked) {
    for (const [, p] of parallel ? surplus : surplus.slice(0, 1)) await del(p);
    blocked = !parallel;
  }

  if (rolling && !blocked && !terminating) {
    const stale = [...byOrdinal.entries()]
      .filter(([i, p]) => i < replicas && i >= partition && isActive(p) && p.metadata.labels?.[REVISION_LABEL] !== updateRevision)
      .sort((a, b) => b[0] - a[0]);
    const allHealthy = [...byOrdinal.entries()].filter(([i]) => i < replicas).every(([, p]) => settled(p));
    if (stale.length > 0 && (allHealthy || parallel)) await del(stale[0][1]);
  }

  const pods = (await podsOf(ctx, sts)).filter((p) => isActive(p));
  const updated = pods.filter((p) => p.metadata.labels?.[REVISION_LABEL] === updateRevision).length;
  const done = updated === replicas && pods.length === replicas;
  const currentRevision = done ? updateRevision : prevCurrent;
  const avail = availability(spec.minReadySeconds ?? 0, ctx.nowMs());
  const status: Record<string, unknown> = {
    observedGeneration: sts.metadata.generation ?? 1,
    replicas: pods.length,
    readyReplicas: pods.filter(isPodReady).length,
    availableReplicas: pods.filter(avail.available).length,
    currentReplicas: pods.filter((p) => p.metadata.labels?.[REVISION_LABEL] === currentRevision).length,
    updatedReplicas: updated,
    currentRevision,
    updateRevision,
    collisionCount: sts.status?.collisionCount ?? 0,
  };
  for (const k of ["readyReplicas", "currentReplicas", "updatedReplicas"]) if (status[k] === 0) delete status[k];
  const wake = avail.wakeIn();
  if (wake !== undefined) ctx.queue.addAfter(keyOf("StatefulSet", namespace, name), wake);
  const fresh = (await host.get("apps/v1", "StatefulSet", namespace, name)) ?? sts;
  if (!sameJSON(status, fresh.status ?? {})) await host.updateStatus({ ...fresh, status });
}
