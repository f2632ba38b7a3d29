// ControllerRevisions: the template history of StatefulSets and DaemonSets.
// `kubectl rollout history|undo` read and re-apply them, and a partitioned
// StatefulSet recreates pods below the partition from the current one.
import type { Ctx } from "./context.js";
import type { KubeObject } from "./host.js";
import { clone, isControlledBy, ownerRef } from "./objects.js";

const HASH_LABEL = "controller.kubernetes.io/hash";

async function revisionsOf(ctx: Ctx, owner: KubeObject): Promise<KubeObject[]> {
  const all = await ctx.host.list("apps/v1", "ControllerRevision", owner.metadata.namespace);
  return all.filter((r) => isControlledBy(r, owner)).sort((a, b) => ((a.revision as number) ?? 0) - ((b.revision as number) ?? 0));
}

/**
 * Makes sure the revision `${owner}-${hash}` exists and is the newest, as the
 * real controllers do on every template change (a rollback renumbers the old revision).
 */
export async function ensureRevision(ctx: Ctx, owner: KubeObject, hash: string): Promise<void> {
  const name = `${owner.metadata.name}-${hash}`;
  const revisions = await revisionsOf(ctx, owner);
  const newest = Math.max(0, ...revisions.map((r) => (r.revision as number) ?? 0));
  const existing = revisions.find((r) => r.metadata.name === name);
  if (!existing) {
    // The patch kubectl rollout undo applies: the whole template, replacing the current one.
    const template = { ...clone(owner.spec?.template ?? {}), $patch: "replace" };
    await ctx.host.create({
      apiVersion: "apps/v1",
      kind: "ControllerRevision",
      metadata: {
        name,
        namespace: owner.metadata.namespace,
        labels: { ...(owner.spec?.selector?.matchLabels ?? {}), [HASH_LABEL]: hash },
        ownerReferences: [ownerRef(owner)],
      },
      data: { spec: { template } },
      revision: newest + 1,
    });
  } else if (((existing.revision as number) ?? 0) < newest) {
    await ctx.host.update({ ...existing, revision: newest + 1 });
  }
  const limit = owner.spec?.revisionHistoryLimit ?? 10;
  const current = owner.status?.currentRevision;
  const stale = revisions.filter((r) => r.metadata.name !== name && r.metadata.name !== current);
  for (const r of stale.slice(0, Math.max(0, stale.length - limit))) {
    await ctx.host.delete("apps/v1", "ControllerRevision", owner.metadata.namespace, r.metadata.name!);
  }
}

/** The pod template stored in a revision, without the patch directive. */
export async function templateOfRevision(ctx: Ctx, owner: KubeObject, name: string): Promise<any | undefined> {
  const rev = await ctx.host.get("apps/v1", "ControllerRevision", owner.metadata.namespace, name);
  if (!rev || !isControlledBy(rev, owner)) return undefined;
  const template = clone((rev.data as any)?.spec?.template);
  if (template) delete template.$patch;
  return template;
}
