// What the control plane does on its own around writes: default namespaces and
// their `default` ServiceAccount, CRDs that register their resources (and
// take their objects with them when deleted), PVCs that bind at once.
import type { Api } from "./api.js";
import { type KindRegistry, type ResourceType, storageKey } from "./kinds.js";

const SYSTEM = { fieldManager: "kube-controller-manager" };

function typesOfCrd(crd: any): ResourceType[] {
  const spec = crd.spec ?? {};
  const names = spec.names ?? {};
  const versions: any[] = (spec.versions ?? []).filter((v: any) => v.served !== false);
  const storage = versions.find((v) => v.storage)?.name ?? versions[0]?.name;
  return versions.map((v) => ({
    group: spec.group,
    version: v.name,
    resource: names.plural,
    singular: names.singular ?? String(names.kind ?? "").toLowerCase(),
    kind: names.kind,
    namespaced: spec.scope !== "Cluster",
    shortNames: names.shortNames ?? [],
    categories: names.categories ?? [],
    subresources: [...(v.subresources?.status ? (["status"] as const) : []), ...(v.subresources?.scale ? (["scale"] as const) : [])],
    generation: true,
    crd: { name: crd.metadata.name, printerColumns: v.additionalPrinterColumns ?? [], storageVersion: storage },
  }));
}

function condition(type: string, reason: string, message: string, now: string): any {
  return { type, status: "True", lastTransitionTime: now, reason, message };
}

export class Lifecycle {
  constructor(
    private readonly api: Api,
    private readonly kinds: KindRegistry,
  ) {
    api.afterWrite.push((rt, prev, next) => this.onWrite(rt, prev, next));
  }

  private type(group: string, resource: string): ResourceType {
    const rt = this.kinds.all().find((t) => t.group === group && t.resource === resource && !t.crd);
    if (!rt) throw new Error(`built-in resource ${resource} missing`);
    return rt;
  }

  /** Default namespaces, the `kubernetes` Service and a default StorageClass, as a fresh cluster has. */
  bootstrap(): void {
    const ns = this.type("", "namespaces");
    for (const name of ["default", "kube-system", "kube-public", "kube-node-lease"]) {
      if (!this.api.store.get(storageKey(ns), undefined, name)) this.api.create(ns, undefined, { metadata: { name } }, SYSTEM);
    }
    const svc = this.type("", "services");
    if (!this.api.store.get(storageKey(svc), "default", "kubernetes")) {
      this.api.create(
        svc,
        "default",
        {
          metadata: { name: "kubernetes", labels: { component: "apiserver", provider: "kubernetes" } },
          spec: { clusterIP: "10.96.0.1", ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }] },
        },
        { fieldManager: "kube-apiserver" },
      );
    }
    const sc = this.type("storage.k8s.io", "storageclasses");
    if (!this.api.store.get(storageKey(sc), undefined, "standard")) {
      this.api.create(
        sc,
        undefined,
        {
          metadata: { name: "standard", annotations: { "storageclass.kubernetes.io/is-default-class": "true" } },
          provisioner: "chartroom.dev/sandbox",
          reclaimPolicy: "Delete",
          volumeBindingMode: "Immediate",
        },
        SYSTEM,
      );
    }
  }

  /** Re-registers the resources of CRDs restored from disk. */
  restoreCrds(): void {
    const crdType = this.type("apiextensions.k8s.io", "customresourcedefinitions");
    for (const crd of this.api.store.list(storageKey(crdType))) for (const rt of typesOfCrd(crd)) this.kinds.add(rt);
  }

  private onWrite(rt: ResourceType, prev: any | undefined, next: any | undefined): void {
    if (rt.crd) return;
    if (rt.kind === "Namespace" && !prev && next) this.namespaceCreated(next.metadata.name);
    else if (rt.kind === "CustomResourceDefinition") this.crdWritten(rt, prev, next);
    else if (rt.kind === "PersistentVolumeClaim" && next && !next.spec?.volumeName) this.bind(rt, next);
  }

  private namespaceCreated(ns: string): void {
    const sa = this.type("", "serviceaccounts");
    if (!this.api.store.get(storageKey(sa), ns, "default")) this.api.create(sa, ns, { metadata: { name: "default" } }, SYSTEM);
    const cm = this.type("", "configmaps");
    if (!this.api.store.get(storageKey(cm), ns, "kube-root-ca.crt")) {
      this.api.create(
        cm,
        ns,
        { metadata: { name: "kube-root-ca.crt", annotations: { "kubernetes.io/description": "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. This certificate is not used by the sandbox, which serves plain HTTP." } }, data: { "ca.crt": "" } },
        SYSTEM,
      );
    }
  }

  private crdWritten(rt: ResourceType, prev: any | undefined, next: any | undefined): void {
    if (prev) {
      const old = typesOfCrd(prev);
      this.kinds.removeWhere((t) => t.crd?.name === prev.metadata.name);
      if (!next) {
        for (const t of old.slice(0, 1)) {
          const skey = storageKey(t);
          for (const obj of this.api.store.list(skey)) this.api.store.remove(skey, obj);
          this.api.store.dropBucket(skey);
        }
        return;
      }
    }
    if (!next || next.metadata.deletionTimestamp) return;
    for (const t of typesOfCrd(next)) this.kinds.add(t);
    const established = (next.status?.conditions ?? []).some((c: any) => c.type === "Established" && c.status === "True");
    if (established && JSON.stringify(next.status.acceptedNames) === JSON.stringify(next.spec?.names)) return;
    const now = next.metadata.creationTimestamp;
    const status = {
      conditions: [
        condition("NamesAccepted", "NoConflicts", "no conflicts found", now),
        condition("Established", "InitialNamesAccepted", "the initial names have been accepted", now),
      ],
      acceptedNames: next.spec?.names ?? {},
      storedVersions: (next.spec?.versions ?? []).filter((v: any) => v.storage).map((v: any) => v.name),
    };
    const updated = structuredClone(next);
    updated.status = status;
    this.api.store.put(storageKey(rt), updated, "MODIFIED");
  }

  private bind(rt: ResourceType, pvc: any): void {
    const pvType = this.type("", "persistentvolumes");
    const volumeName = `pvc-${pvc.metadata.uid}`;
    const storage = pvc.spec?.resources?.requests?.storage ?? "1Gi";
    const className = pvc.spec?.storageClassName ?? "standard";
    if (!this.api.store.get(storageKey(pvType), undefined, volumeName)) {
      this.api.create(
        pvType,
        undefined,
        {
          metadata: { name: volumeName, annotations: { "pv.kubernetes.io/provisioned-by": "chartroom.dev/sandbox" } },
          spec: {
            capacity: { storage },
            accessModes: pvc.spec?.accessModes ?? ["ReadWriteOnce"],
            persistentVolumeReclaimPolicy: "Delete",
            storageClassName: className,
            volumeMode: pvc.spec?.volumeMode ?? "Filesystem",
            hostPath: { path: `/var/lib/sandbox/${volumeName}` },
            claimRef: { kind: "PersistentVolumeClaim", namespace: pvc.metadata.namespace, name: pvc.metadata.name, uid: pvc.metadata.uid, apiVersion: "v1" },
          },
          status: { phase: "Bound" },
        },
        SYSTEM,
      );
    }
    const bound = structuredClone(pvc);
    bound.spec = { ...bound.spec, volumeName, storageClassName: className };
    bound.metadata.annotations = { ...(bound.metadata.annotations ?? {}), "pv.kubernetes.io/bind-completed": "yes" };
    bound.status = { phase: "Bound", accessModes: bound.spec.accessModes ?? ["ReadWriteOnce"], capacity: { storage } };
    this.api.store.put(storageKey(rt), bound, "MODIFIED");
  }
}
