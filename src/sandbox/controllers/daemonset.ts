// DaemonSet: one pod per eligible Node (nodeSelector honoured), replaced
// node by node on a template change within rollingUpdate.maxUnavailable.
import type { Ctx } from "./context.js";
import type { KubeObject } from "./host.js";
import { schedulableNodes } from "./nodes.js";
import { byCreation, keyOf, matchesSelector, resolveIntOrPercent, sameJSON, templateHash } from "./objects.js";
import { ensureRevision } from "./revisions.js";
import { availability, isActive, isPodReady, podFromTemplate, podsOf } from "./workload.js";

const SOURCE = { component: "daemonset-controller" };
const REVISION_LABEL = "controller-revision-hash";

export async function reconcileDaemonSet(ctx: Ctx, namespace: string, name: string): Promise<void> {
  const { host } = ctx;
  const ds = await host.get("apps/v1", "DaemonSet", namespace, name);
  if (!ds || ds.metadata.deletionTimestamp) return;
  const spec = ds.spec ?? {};
  const hash = templateHash(spec.template ?? {});
  await ensureRevision(ctx, ds, hash);
  const nodeSelector = spec.template?.spec?.nodeSelector as Record<string, string> | undefined;
  const nodes = (await schedulableNodes(ctx)).filter((n) => matchesSelector({ matchLabels: nodeSelector }, n.metadata.labels)).map((n) => n.metadata.name!);
  const avail = availability(spec.minReadySeconds ?? 0, ctx.nowMs());
  const available = avail.available;
  const all = (await podsOf(ctx, ds)).filter(isActive).sort(byCreation);
  const byNode = new Map<string, KubeObject[]>();
  for (const p of all) byNode.set(p.spec?.nodeName ?? "", [...(byNode.get(p.spec?.nodeName ?? "") ?? []), p]);
  const del = async (p: KubeObject) => {
    await host.delete("v1", "Pod", namespace, p.metadata.name!);
    await ctx.events.record(ds, "Normal", "SuccessfulDelete", `Deleted pod: ${p.metadata.name}`, SOURCE);
  };

  const generation = String(ds.metadata.generation ?? 1);
  for (const node of nodes) {
    const here = byNode.get(node) ?? [];
    if (here.length === 0) {
      const pod = await host.create(
        podFromTemplate(ds, spec.template, {
          generateName: `${name}-`,
          nodeName: node,
          labels: { [REVISION_LABEL]: hash, "pod-template-generation": generation },
        }),
      );
      await ctx.events.record(ds, "Normal", "SuccessfulCreate", `Created pod: ${pod.metadata.name}`, SOURCE);
    }
    for (const extra of here.slice(1)) await del(extra);
  }
  for (const [node, here] of byNode) if (!nodes.includes(node)) for (const p of here) await del(p);

  if ((spec.updateStrategy?.type ?? "RollingUpdate") === "RollingUpdate") {
    const maxUnavailable = Math.max(1, resolveIntOrPercent(spec.updateStrategy?.rollingUpdate?.maxUnavailable, nodes.length, true, 1));
    const onNodes = nodes.map((n) => byNode.get(n)?.[0]).filter((p): p is KubeObject => p !== undefined);
    let unavailable = nodes.length - onNodes.filter(available).length;
    for (const p of onNodes) {
      if (p.metadata.labels?.[REVISION_LABEL] === hash) continue;
      // An old pod that is already unavailable costs nothing to replace.
      if (!available(p)) await del(p);
      else if (unavailable < maxUnavailable) {
        await del(p);
        unavailable++;
      }
    }
  }

  const pods = (await podsOf(ctx, ds)).filter(isActive);
  const onEligible = pods.filter((p) => nodes.includes(p.spec?.nodeName ?? ""));
  const status: Record<string, unknown> = {
    observedGeneration: ds.metadata.generation ?? 1,
    desiredNumberScheduled: nodes.length,
    currentNumberScheduled: new Set(onEligible.map((p) => p.spec?.nodeName)).size,
    numberMisscheduled: pods.length - onEligible.length,
    numberReady: onEligible.filter(isPodReady).length,
    updatedNumberScheduled: onEligible.filter((p) => p.metadata.labels?.[REVISION_LABEL] === hash).length,
    numberAvailable: onEligible.filter(available).length,
  };
  status.numberUnavailable = nodes.length - (status.numberAvailable as number);
  for (const k of ["updatedNumberScheduled", "numberAvailable", "numberUnavailable"]) if (status[k] === 0) delete status[k];
  const wake = avail.wakeIn();
  if (wake !== undefined) ctx.queue.addAfter(keyOf("DaemonSet", namespace, name), wake);
  const fresh = (await host.get("apps/v1", "DaemonSet", namespace, name)) ?? ds;
  if (!sameJSON(status, fresh.status ?? {})) await host.updateStatus({ ...fresh, status });
}
