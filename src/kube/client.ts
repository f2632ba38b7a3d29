// The cluster as the rest of chartroom sees it: objects by apiVersion/kind,
// server-side apply, patches, deletes, and the server's version and API set.
import { type ClusterAccess, loadKubeConfig, type KubeTarget, resolveNamespace } from "./config.js";
import { Discovery, type ResourceInfo } from "./discovery.js";
import { isNotFound, type RequestCounter, Transport } from "./request.js";

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    uid?: string;
    resourceVersion?: string;
    ownerReferences?: { kind: string; name: string; uid: string; controller?: boolean }[];
    deletionTimestamp?: string;
    generation?: number;
    creationTimestamp?: string;
    [k: string]: unknown;
  };
  [k: string]: unknown;
}

export interface ObjectRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

export interface KubeList<T = KubeObject> {
  items: T[];
  metadata?: { continue?: string; resourceVersion?: string };
}

/** Core kinds whose paths never change: storage and waiting skip discovery for them. */
const coreResources: Record<string, string> = { Secret: "secrets", ConfigMap: "configmaps", Pod: "pods", Namespace: "namespaces", Event: "events" };

export const FIELD_MANAGER = "chartroom";

export class KubeClient {
  readonly transport: Transport;
  readonly discovery: Discovery;
  readonly namespace: string;

  constructor(
    readonly access: ClusterAccess,
    namespace: string,
    counter?: RequestCounter,
  ) {
    this.transport = new Transport(access, counter);
    this.discovery = new Discovery(this.transport);
    this.namespace = namespace;
  }

  static fromTarget(t: KubeTarget, counter?: RequestCounter): KubeClient {
    const access = loadKubeConfig(t);
    return new KubeClient(access, resolveNamespace(access, t), counter);
  }

  async resource(apiVersion: string, kind: string): Promise<ResourceInfo> {
    if (apiVersion === "v1" && coreResources[kind]) {
      return { group: "", version: "v1", kind, resource: coreResources[kind]!, namespaced: kind !== "Namespace" };
    }
    return this.discovery.resourceFor(apiVersion, kind);
  }

  /** The collection or object path; namespaced kinds fall back to `ns`, cluster-scoped ones ignore it. */
  async path(apiVersion: string, kind: string, ns: string | undefined, name?: string): Promise<string> {
    const r = await this.resource(apiVersion, kind);
    const base = r.group ? `/apis/${r.group}/${r.version}` : `/api/${r.version}`;
    const nsPart = r.namespaced && ns ? `/namespaces/${encodeURIComponent(ns)}` : "";
    return `${base}${nsPart}/${r.resource}${name ? `/${encodeURIComponent(name)}` : ""}`;
  }

  async isNamespaced(apiVersion: string, kind: string): Promise<boolean> {
    return (await this.resource(apiVersion, kind)).namespaced;
  }

  async get<T = KubeObject>(ref: ObjectRef): Promise<T | undefined> {
    try {
      return await this.transport.request<T>("GET", await this.path(ref.apiVersion, ref.kind, ref.namespace, ref.name));
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  /** Every object of a kind; `ns` undefined lists across namespaces. */
  async list<T = KubeObject>(apiVersion: string, kind: string, ns: string | undefined, labelSelector?: string): Promise<T[]> {
    const path = await this.path(apiVersion, kind, ns);
    const items: T[] = [];
    let cont: string | undefined;
    do {
      const page: KubeList<T> = await this.transport.request("GET", path, { query: { labelSelector, limit: 500, continue: cont } });
      items.push(...page.items);
      cont = page.metadata?.continue || undefined;
    } while (cont);
    return items;
  }

  /** Names, labels and annotations only (PartialObjectMetadataList): cheap when the bodies are large. */
  async listMetadata(apiVersion: string, kind: string, ns: string | undefined, labelSelector?: string): Promise<KubeObject[]> {
    const path = await this.path(apiVersion, kind, ns);
    const accept = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json";
    const items: KubeObject[] = [];
    let cont: string | undefined;
    do {
      const page: KubeList = await this.transport.request("GET", path, { accept, query: { labelSelector, limit: 5000, continue: cont } });
      items.push(...page.items);
      cont = page.metadata?.continue || undefined;
    } while (cont);
    return items;
  }

  async create<T extends KubeObject>(obj: T, opts: { dryRun?: boolean } = {}): Promise<T> {
    const path = await this.path(obj.apiVersion, obj.kind, obj.metadata.namespace);
    return this.transport.request<T>("POST", path, { body: obj, query: { fieldManager: FIELD_MANAGER, dryRun: opts.dryRun ? "All" : undefined } });
  }

  async replace<T extends KubeObject>(obj: T): Promise<T> {
    const path = await this.path(obj.apiVersion, obj.kind, obj.metadata.namespace, obj.metadata.name);
    return this.transport.request<T>("PUT", path, { body: obj, query: { fieldManager: FIELD_MANAGER } });
  }

  /** Server-side apply as field manager `chartroom`, taking over conflicting fields (helm 4's --force-conflicts). */
  async apply<T extends KubeObject>(obj: KubeObject, opts: { force?: boolean; dryRun?: boolean } = {}): Promise<T> {
    const path = await this.path(obj.apiVersion, obj.kind, obj.metadata.namespace, obj.metadata.name);
    return this.transport.request<T>("PATCH", path, {
      body: obj,
      contentType: "application/apply-patch+yaml",
      query: { fieldManager: FIELD_MANAGER, force: opts.force ?? true, dryRun: opts.dryRun ? "All" : undefined },
    });
  }

  async patch<T = KubeObject>(ref: ObjectRef, patch: unknown, type: "merge" | "strategic" | "json" = "merge"): Promise<T> {
    const contentType = { merge: "application/merge-patch+json", strategic: "application/strategic-merge-patch+json", json: "application/json-patch+json" }[type];
    const path = await this.path(ref.apiVersion, ref.kind, ref.namespace, ref.name);
    return this.transport.request<T>("PATCH", path, { body: patch, contentType, query: { fieldManager: FIELD_MANAGER } });
  }

  /** Deletes; false when it was already gone. */
  async delete(ref: ObjectRef, propagationPolicy: "Background" | "Foreground" | "Orphan" = "Background"): Promise<boolean> {
    try {
      const path = await this.path(ref.apiVersion, ref.kind, ref.namespace, ref.name);
      await this.transport.request("DELETE", path, { body: { kind: "DeleteOptions", apiVersion: "v1", propagationPolicy } });
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }

  /** The server's gitVersion, e.g. "v1.32.0". */
  async serverVersion(): Promise<string> {
    const v = await this.transport.request<{ gitVersion: string }>("GET", "/version");
    return v.gitVersion;
  }
}
