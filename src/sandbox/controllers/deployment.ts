// Deployment -> ReplicaSets: finds or creates the ReplicaSet of the current
// template, then scales new and old ReplicaSets within maxSurge and
// maxUnavailable (RollingUpdate) or old-to-zero-first (Recreate).
import type { Ctx } from "./context.js";
import { deploymentStatus, desiredReplicas, fenceposts, HASH_LABEL, REVISION } from "./deployment-status.js";
import type { KubeObject } from "./host.js";
import { byCreation, clone, isControlledBy, keyOf, ownerRef, sameJSON, templateHash } from "./objects.js";
import { isActive, ownedBy, podsOf } from "./workload.js";

const SOURCE = { component: "deployment-controller" };
const DESIRED = "deployment.kubernetes.io/desired-replicas";
const MAX = "deployment.kubernetes.io/max-replicas";
/** Deployment annotations that describe the Deployment itself and are not copied to its ReplicaSets. */
const NOT_COPIED = new Set(["kubectl.kubernetes.io/last-applied-configuration", REVISION, DESIRED, MAX, "deployment.kubernetes.io/revision-history"]);

function withoutHash(template: any): unknown {
  const t = clone(template ?? {});
  if (t.metadata?.labels) delete t.metadata.labels[HASH_LABEL];
  return t;
}

function revisionOf(rs: KubeObject): number {
  return Number.parseInt(rs.metadata.annotations?.[REVISION] ?? "0", 10) || 0;
}

function rsAnnotations(d: KubeObject, revision: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (!NOT_COPIED.has(k)) out[k] = v;
  const desired = desiredReplicas(d);
  return { ...out, [REVISION]: String(revision), [DESIRED]: String(desired), [MAX]: String(desired + fenceposts(d).surge) };
}

export async function reconcileDeployment(ctx: Ctx, namespace: string, name: string): Promise<void> {
  const { host } = ctx;
  const d = await host.get("apps/v1", "Deployment", namespace, name);
  if (!d || d.metadata.deletionTimestamp) return;
  const all = (await ownedBy(ctx, d, "apps/v1", "ReplicaSet")).sort(byCreation);
  const template = withoutHash(d.spec?.template);
  const collisions = d.status?.collisionCount ?? 0;
  const hash = templateHash(template, collisions);
  let newRS = all.find((rs) => sameJSON(withoutHash(rs.spec?.template), template)) ?? all.find((rs) => rs.metadata.labels?.[HASH_LABEL] === hash);
  const old = all.filter((rs) => rs !== newRS);
  const nextRevision = Math.max(0, ...old.map(revisionOf)) + 1;
  let created = false;

  if (!d.spec?.paused) {
    if (!newRS) {
      newRS = await createNewRS(ctx, d, hash, nextRevision, old);
      if (!newRS) return;
      created = true;
      all.push(newRS);
    } else if (revisionOf(newRS) < nextRevision || newRS.metadata.annotations?.[DESIRED] !== String(desiredReplicas(d))) {
      newRS = await host.update({ ...newRS, metadata: { ...newRS.metadata, annotations: { ...newRS.metadata.annotations, ...rsAnnotations(d, Math.max(revisionOf(newRS), nextRevision)) } } });
      all[all.findIndex((rs) => rs.metadata.uid === newRS!.metadata.uid)] = newRS;
    }
    if (d.metadata.annotations?.[REVISION] !== newRS.metadata.annotations?.[REVISION]) {
      const fresh = (await host.get("apps/v1", "Deployment", namespace, name)) ?? d;
      const annotations = { ...fresh.metadata.annotations, [REVISION]: newRS.metadata.annotations![REVISION] };
      Object.assign(d, await host.update({ ...fresh, metadata: { ...fresh.metadata, annotations } }));
    }
    if (!created) {
      if (d.spec?.strategy?.type === "Recreate") await recreate(ctx, d, newRS, old);
      else if (!(await scaleNew(ctx, d, newRS, all))) await scaleOld(ctx, d, newRS, old, all);
      await cleanupHistory(ctx, d, old);
    }
  } else {
    // A paused Deployment rolls nothing out but still follows scaling when one ReplicaSet is active.
    const active = all.filter((rs) => (rs.spec?.replicas ?? 0) > 0);
    const target = active.length === 1 ? active[0] : active.length === 0 ? (newRS ?? all.at(-1)) : undefined;
    if (target) await scaleRS(ctx, d, target, desiredReplicas(d));
  }

  const latest = (await host.list("apps/v1", "ReplicaSet", namespace)).filter((rs) => isControlledBy(rs, d));
  const latestNew = latest.find((rs) => rs.metadata.uid === newRS?.metadata.uid);
  const current = (await host.get("apps/v1", "Deployment", namespace, name)) ?? d;
  const { status, recheckIn } = deploymentStatus({ d: current, all: latest, newRS: latestNew, created, now: ctx.stamp(), nowMs: ctx.nowMs() });
  if (!sameJSON(status, current.status ?? {})) await host.updateStatus({ ...current, status });
  if (recheckIn !== undefined) ctx.queue.addAfter(keyOf("Deployment", namespace, name), recheckIn + 10);
}

async function createNewRS(ctx: Ctx, d: KubeObject, hash: string, revision: number, old: KubeObject[]): Promise<KubeObject | undefined> {
  const desired = desiredReplicas(d);
  const name = `${d.metadata.name}-${hash}`;
  const taken = await ctx.host.get("apps/v1", "ReplicaSet", d.metadata.namespace, name);
  if (taken) {
    // A ReplicaSet of that name holds another template: bump collisionCount so the next hash differs.
    await ctx.host.updateStatus({ ...d, status: { ...(d.status ?? {}), collisionCount: (d.status?.collisionCount ?? 0) + 1 } });
    return undefined;
  }
  const oldActive = old.reduce((n, rs) => n + (rs.spec?.replicas ?? 0), 0);
  let replicas = desired;
  if (oldActive > 0) {
    if (d.spec?.strategy?.type === "Recreate") replicas = 0;
    else replicas = Math.max(0, Math.min(desired, desired + fenceposts(d).surge - oldActive));
  }
  const template = clone(d.spec?.template ?? {});
  template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [HASH_LABEL]: hash } };
  const selector = clone(d.spec?.selector ?? {});
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [HASH_LABEL]: hash };
  const rs = await ctx.host.create({
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: {
      name,
      namespace: d.metadata.namespace,
      labels: { ...(template.metadata.labels ?? {}) },
      annotations: rsAnnotations(d, revision),
      ownerReferences: [ownerRef(d)],
    },
    spec: { replicas, minReadySeconds: d.spec?.minReadySeconds ?? 0, selector, template },
  });
  if (replicas > 0) await ctx.events.record(d, "Normal", "ScalingReplicaSet", `Scaled up replica set ${name} from 0 to ${replicas}`, SOURCE);
  return rs;
}

async function scaleRS(ctx: Ctx, d: KubeObject, rs: KubeObject, to: number): Promise<KubeObject> {
  const from = rs.spec?.replicas ?? 0;
  if (from === to) return rs;
  const desired = desiredReplicas(d);
  const annotations = { ...rs.metadata.annotations, [DESIRED]: String(desired), [MAX]: String(desired + fenceposts(d).surge) };
  const updated = await ctx.host.update({ ...rs, metadata: { ...rs.metadata, annotations }, spec: { ...rs.spec, replicas: to } });
  const dir = to > from ? "up" : "down";
  await ctx.events.record(d, "Normal", "ScalingReplicaSet", `Scaled ${dir} replica set ${rs.metadata.name} from ${from} to ${to}`, SOURCE);
  return updated;
}

/** Scales the new ReplicaSet up as far as maxSurge allows (or down to the desired count). */
async function scaleNew(ctx: Ctx, d: KubeObject, newRS: KubeObject, all: KubeObject[]): Promise<boolean> {
  const desired = desiredReplicas(d);
  const cur = newRS.spec?.replicas ?? 0;
  if (cur === desired) return false;
  if (cur > desired) {
    await scaleRS(ctx, d, newRS, desired);
    return true;
  }
  const total = all.reduce((n, rs) => n + (rs.spec?.replicas ?? 0), 0);
  const room = desired + fenceposts(d).surge - total;
  if (room <= 0) return false;
  await scaleRS(ctx, d, newRS, cur + Math.min(room, desired - cur));
  return true;
}

/** Scales old ReplicaSets down while keeping desired - maxUnavailable pods available. */
async function scaleOld(ctx: Ctx, d: KubeObject, newRS: KubeObject, old: KubeObject[], all: KubeObject[]): Promise<void> {
  const oldCount = old.reduce((n, rs) => n + (rs.spec?.replicas ?? 0), 0);
  if (oldCount === 0) return;
  const allCount = all.reduce((n, rs) => n + (rs.spec?.replicas ?? 0), 0);
  const minAvailable = desiredReplicas(d) - fenceposts(d).unavailable;
  const newUnavailable = (newRS.spec?.replicas ?? 0) - (newRS.status?.availableReplicas ?? 0);
  let budget = allCount - minAvailable - newUnavailable;
  if (budget <= 0) return;
  // Unhealthy old pods go first: removing them costs no availability.
  for (const rs of old) {
    if (budget <= 0) break;
    const replicas = rs.spec?.replicas ?? 0;
    const unhealthy = Math.min(replicas - (rs.status?.availableReplicas ?? 0), budget);
    if (unhealthy <= 0) continue;
    Object.assign(rs, await scaleRS(ctx, d, rs, replicas - unhealthy));
    budget -= unhealthy;
  }
  const available = all.reduce((n, rs) => n + (rs.status?.availableReplicas ?? 0), 0);
  let healthyBudget = Math.min(budget, available - minAvailable);
  for (const rs of old) {
    if (healthyBudget <= 0) break;
    const replicas = rs.spec?.replicas ?? 0;
    const n = Math.min(replicas, healthyBudget);
    if (n <= 0) continue;
    Object.assign(rs, await scaleRS(ctx, d, rs, replicas - n));
    healthyBudget -= n;
  }
}

async function recreate(ctx: Ctx, d: KubeObject, newRS: KubeObject, old: KubeObject[]): Promise<void> {
  for (const rs of old) if ((rs.spec?.replicas ?? 0) > 0) await scaleRS(ctx, d, rs, 0);
  for (const rs of old) if ((await podsOf(ctx, rs)).some((p) => isActive(p) || p.metadata.deletionTimestamp)) return;
  await scaleRS(ctx, d, newRS, desiredReplicas(d));
}

/** Deletes scaled-down old ReplicaSets beyond revisionHistoryLimit (default 10), oldest first. */
async function cleanupHistory(ctx: Ctx, d: KubeObject, old: KubeObject[]): Promise<void> {
  const limit = d.spec?.revisionHistoryLimit ?? 10;
  const idle = old.filter((rs) => (rs.spec?.replicas ?? 0) === 0 && (rs.status?.replicas ?? 0) === 0).sort((a, b) => revisionOf(a) - revisionOf(b));
  for (const rs of idle.slice(0, Math.max(0, idle.length - limit))) await ctx.host.delete("apps/v1", "ReplicaSet", d.metadata.namespace, rs.metadata.name!);
}
