// `status`'s per-resource readiness table: each object of the release's
// manifest with whether it is ready and why not.
import { checkOne } from "../kube/index.js";
import type { Release } from "../storage/index.js";
import type { ActionConfig } from "./config.js";
import { parseObjects, setNamespaces } from "./objects.js";

export interface ResourceStatus {
  kind: string;
  name: string;
  namespace?: string;
  ready: boolean;
  reason: string;
}

export async function readinessOf(cfg: ActionConfig, rel: Release): Promise<ResourceStatus[]> {
  const objs = parseObjects(rel.manifest ?? "");
  await setNamespaces(cfg.kube, objs, rel.namespace);
  return Promise.all(
    objs.map(async (o) => {
      const ref = { apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, namespace: o.metadata.namespace };
      const r = await checkOne(cfg.kube, ref);
      return { kind: o.kind, name: o.metadata.name, namespace: o.metadata.namespace, ready: r.ready, reason: r.reason };
    }),
  );
}
