// The ControllerHost the simulated controllers run against, over the store.
import type { Api } from "./api.js";
import type { ControllerHost, HostEvent, KubeObject } from "./controllers/host.js";
import type { Collector } from "./gc.js";
import { type KindRegistry, type ResourceType, storageKey } from "./kinds.js";

export function controllerHost(api: Api, gc: Collector, kinds: KindRegistry): ControllerHost {
  const typeOf = (apiVersion: string, kind: string): ResourceType => {
    const rt = kinds.byKind(apiVersion, kind);
    if (!rt) throw new Error(`no resource for ${apiVersion} ${kind}`);
    return rt;
  };
  const ns = (rt: ResourceType, namespace: string | undefined) => (rt.namespaced ? namespace : undefined);
  const opts = { fieldManager: "kube-controller-manager" };
  return {
    list(apiVersion, kind, namespace) {
      const rt = typeOf(apiVersion, kind);
      return api.store.list(storageKey(rt), ns(rt, namespace)) as KubeObject[];
    },
    get(apiVersion, kind, namespace, name) {
      const rt = typeOf(apiVersion, kind);
      return api.store.get(storageKey(rt), ns(rt, namespace), name) as KubeObject | undefined;
    },
    create(obj) {
      const rt = typeOf(obj.apiVersion, obj.kind);
      return api.create(rt, ns(rt, obj.metadata.namespace), obj, opts);
    },
    update(obj) {
      const rt = typeOf(obj.apiVersion, obj.kind);
      return api.update(rt, ns(rt, obj.metadata.namespace), obj.metadata.name!, obj, opts);
    },
    updateStatus(obj) {
      const rt = typeOf(obj.apiVersion, obj.kind);
      return api.update(rt, ns(rt, obj.metadata.namespace), obj.metadata.name!, obj, { ...opts, subresource: "status" });
    },
    delete(apiVersion, kind, namespace, name) {
      const rt = typeOf(apiVersion, kind);
      gc.delete(rt, ns(rt, namespace), name, { propagationPolicy: "Background" });
    },
    subscribe(fn: (ev: HostEvent) => void) {
      return api.store.subscribe((ev) => fn({ type: ev.type, object: ev.object }));
    },
    now: () => api.clock(),
  };
}
