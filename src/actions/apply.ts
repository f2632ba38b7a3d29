// Putting a release's objects on the cluster and taking them off again.
// New releases use server-side apply (field manager "chartroom", forced, as
// helm 4 does); releases helm 3 made keep helm 3's client-side three-way
// merge so fields changed by others survive.
import { acceptsStrategicMerge, type KubeClient, type KubeObject, threeWayPatch } from "../kube/index.js";
import { sortByKind, uninstallOrder } from "../render/manifests.js";
import { ActionError } from "./config.js";
import type { Emit } from "./events.js";
import { keepPolicy, objectKey, ownershipProblem, withOwnership } from "./objects.js";

export type ApplyMethod = "ssa" | "csa";

/** Live copies of `objs`, by objectKey: one LIST per kind and namespace when several share it, else a GET. */
export async function fetchLive(kube: KubeClient, objs: KubeObject[]): Promise<Map<string, KubeObject>> {
  const groups = new Map<string, KubeObject[]>();
  for (const o of objs) {
    const g = `${o.apiVersion}|${o.kind}|${o.metadata.namespace ?? ""}`;
    groups.set(g, [...(groups.get(g) ?? []), o]);
  }
  const live = new Map<string, KubeObject>();
  await Promise.all(
    [...groups.values()].map(async (group) => {
      const first = group[0]!;
      if (group.length === 1) {
        const obj = await kube.get(refOf(first));
        if (obj) live.set(objectKey(first), obj);
        return;
      }
      const wanted = new Set(group.map((o) => o.metadata.name));
      for (const item of await kube.list(first.apiVersion, first.kind, first.metadata.namespace)) {
        if (wanted.has(item.metadata.name)) live.set(objectKey({ ...item, apiVersion: first.apiVersion }), item);
      }
    }),
  );
  return live;
}

function refOf(o: KubeObject) {
  return { apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, namespace: o.metadata.namespace };
}

export interface ApplyRequest {
  release: string;
  namespace: string;
  /** Objects in install order. */
  objects: KubeObject[];
  /** The previous revision's objects (upgrade/rollback); empty on install. */
  previous: KubeObject[];
  method: ApplyMethod;
  takeOwnership?: boolean;
  /** --force: replace objects instead of patching them. */
  force?: boolean;
  emit: Emit;
  signal?: AbortSignal;
}

/** Refuses objects that exist outside the release (helm's existingResourceConflict), unless taking ownership. */
export function checkAdoption(req: ApplyRequest, live: Map<string, KubeObject>, verb: string): void {
  const previous = new Set(req.previous.map(objectKey));
  for (const o of req.objects) {
    const current = live.get(objectKey(o));
    if (!current || previous.has(objectKey(o)) || req.takeOwnership) continue;
    const problem = ownershipProblem(current, req.release, req.namespace);
    if (problem) throw new ActionError(`rendered manifests contain a resource that already exists. Unable to continue with ${verb}: ${problem}`);
  }
}

/** Applies every object (kinds in order, objects of one kind together). Returns the objects created. */
export async function applyObjects(kube: KubeClient, req: ApplyRequest, live: Map<string, KubeObject>): Promise<KubeObject[]> {
  const created: KubeObject[] = [];
  const previous = new Map(req.previous.map((o) => [objectKey(o), o]));
  const batches: KubeObject[][] = [];
  for (const o of req.objects) {
    const last = batches[batches.length - 1];
    if (last && last[0]!.kind === o.kind) last.push(o);
    else batches.push([o]);
  }
  for (const batch of batches) {
    if (req.signal?.aborted) throw new ActionError("operation cancelled");
    await Promise.all(
      batch.map(async (o) => {
        const key = objectKey(o);
        const current = live.get(key);
        const desired = withOwnership(o, req.release, req.namespace);
        const ev = { kind: o.kind, name: o.metadata.name, namespace: o.metadata.namespace };
        const adopted = current !== undefined && !previous.has(key);
        // Server-side apply skips fetching what the previous revision already had: it exists.
        const existed = current !== undefined || (req.method === "ssa" && previous.has(key));
        if (req.method === "ssa") {
          await kube.apply(desired);
        } else if (!current) {
          await kube.create(desired);
        } else if (req.force) {
          desired.metadata.resourceVersion = current.metadata.resourceVersion;
          await kube.replace(desired);
        } else {
          const original = previous.has(key) ? withOwnership(previous.get(key)!, req.release, req.namespace) : undefined;
          const patch = threeWayPatch(original, desired, current);
          if (!patch) {
            req.emit({ type: "resource", action: "unchanged", ...ev });
            return;
          }
          await kube.patch(refOf(o), patch, acceptsStrategicMerge(o.apiVersion) ? "strategic" : "merge");
        }
        if (!existed) created.push(o);
        req.emit({ type: "resource", action: !existed ? "created" : adopted ? "adopted" : "configured", ...ev });
      }),
    );
  }
  return created;
}

/** Deletes objects in uninstall order; objects marked helm.sh/resource-policy: keep stay. Returns the kept ones. */
export async function deleteObjects(
  kube: KubeClient,
  objs: KubeObject[],
  emit: Emit,
  propagation: "Background" | "Foreground" | "Orphan" = "Background",
): Promise<KubeObject[]> {
  const kept: KubeObject[] = [];
  for (const o of sortByKind([...objs].reverse(), (x) => x.kind, uninstallOrder)) {
    const ev = { kind: o.kind, name: o.metadata.name, namespace: o.metadata.namespace };
    if (keepPolicy(o)) {
      kept.push(o);
      emit({ type: "resource", action: "kept", ...ev });
      continue;
    }
    try {
      if (await kube.delete(refOf(o), propagation)) emit({ type: "resource", action: "deleted", ...ev });
    } catch (err) {
      if ((err as Error).name === "UnknownKindError") continue;
      throw err;
    }
  }
  return kept;
}
