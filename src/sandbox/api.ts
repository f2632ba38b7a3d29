// The storage operations behind every verb: create, update (main resource and
// status), patch and server-side apply, with the metadata bookkeeping of a real
// API server (uid, resourceVersion, generation, managedFields, defaults,
// validation, no-op detection). HTTP handlers and the controllers share it.
import { randomUUID } from "node:crypto";
import { applyDefaults } from "./defaults.js";
import {
  ApiError,
  alreadyExists,
  badRequest,
  conflict,
  forbidden,
  invalid,
  notFound,
  STALE,
  unsupportedMediaType,
} from "./errors.js";
import { type KindRegistry, type ResourceType, apiVersionOf, storageKey } from "./kinds.js";
import { type ManagedEntry, recordUpdate, serverSideApply, type Writer } from "./managed.js";
import { jsonPatch, mergePatch } from "./patch/json.js";
import { type Schema, schemaFor } from "./patch/meta.js";
import { strategicMerge } from "./patch/strategic.js";
import type { Store } from "./store.js";
import { validateName, validateObject, validateUpdate } from "./validate.js";

export interface WriteOptions {
  dryRun?: boolean;
  fieldManager?: string;
  subresource?: string;
  force?: boolean;
}

export type PatchType = "json" | "merge" | "strategic" | "apply";

const NAME_CHARS = "bcdfghjklmnpqrstvwxz2456789";

export function nowStamp(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}

function randomSuffix(): string {
  let s = "";
  for (let i = 0; i < 5; i++) s += NAME_CHARS[Math.floor(Math.random() * NAME_CHARS.length)];
  return s;
}

function comparable(obj: any): string {
  const { managedFields: _m, resourceVersion: _r, ...meta } = obj.metadata ?? {};
  return JSON.stringify({ ...obj, metadata: meta });
}

function specOf(obj: any): string {
  const { metadata: _m, status: _s, ...rest } = obj;
  return JSON.stringify(rest);
}

export class Api {
  private ipCounter = 10;
  /** Hooks run after a successful write (CRD registration, namespace setup, GC). */
  afterWrite: Array<(rt: ResourceType, prev: any | undefined, next: any) => void> = [];
  /** Deletion with finalizers and propagation; set by the garbage collector. */
  finalize: (rt: ResourceType, obj: any) => void = () => {};

  constructor(
    readonly store: Store,
    readonly kinds: KindRegistry,
    readonly clock: () => Date = () => new Date(),
  ) {}

  schema(rt: ResourceType): Schema {
    return schemaFor(rt.group, rt.kind, rt.crd !== undefined);
  }

  get(rt: ResourceType, ns: string | undefined, name: string): any {
    const obj = this.store.get(storageKey(rt), rt.namespaced ? ns : undefined, name);
    if (!obj) throw notFound(rt.resource, rt.group, name);
    return obj;
  }

  private writer(rt: ResourceType, opts: WriteOptions): Writer {
    return {
      manager: opts.fieldManager || "unknown",
      apiVersion: apiVersionOf(rt),
      time: nowStamp(this.clock()),
      subresource: opts.subresource,
    };
  }

  private checkNamespace(rt: ResourceType, ns: string | undefined, name: string): void {
    if (!rt.namespaced) return;
    const nsType = this.kinds.lookup("", "v1", "namespaces")!;
    const owner = this.store.get(storageKey(nsType), undefined, ns ?? "");
    if (!owner) throw notFound("namespaces", "", ns ?? "");
    if (owner.metadata.deletionTimestamp) {
      throw forbidden(rt.resource, rt.group, name, `unable to create new content in namespace ${ns} because it is being terminated`);
    }
  }

  private prepare(rt: ResourceType, ns: string | undefined, body: any): any {
    if (body === null || typeof body !== "object" || Array.isArray(body)) throw badRequest("the request body must be a JSON object");
    const obj = structuredClone(body);
    obj.metadata = obj.metadata && typeof obj.metadata === "object" ? obj.metadata : {};
    const want = apiVersionOf(rt);
    if (obj.apiVersion !== undefined && obj.apiVersion !== want && !rt.crd) {
      throw badRequest(`the API version in the data (${obj.apiVersion}) does not match the expected API version (${want})`);
    }
    if (obj.kind !== undefined && obj.kind !== rt.kind) {
      throw badRequest(`the kind in the data (${obj.kind}) does not match the expected kind (${rt.kind})`);
    }
    obj.apiVersion = want;
    obj.kind = rt.kind;
    if (rt.namespaced) {
      if (obj.metadata.namespace && ns && obj.metadata.namespace !== ns) {
        throw badRequest("the namespace of the provided object does not match the namespace sent on the request");
      }
      obj.metadata.namespace = ns ?? obj.metadata.namespace;
    } else delete obj.metadata.namespace;
    return obj;
  }

  create(rt: ResourceType, ns: string | undefined, body: any, opts: WriteOptions = {}, managed?: ManagedEntry[]): any {
    const obj = this.prepare(rt, ns, body);
    const meta = obj.metadata;
    if (!meta.name && meta.generateName) meta.name = `${meta.generateName}${randomSuffix()}`;
    if (!meta.name) {
      throw invalid(rt.kind, rt.group, "", [
        { type: "FieldValueRequired", field: "metadata.name", message: "Required value: name or generateName is required" },
      ]);
    }
    const causes = [...validateName(rt.kind, meta.name), ...validateObject(rt.kind, obj)];
    if (causes.length) throw invalid(rt.kind, rt.group, meta.name, causes);
    this.checkNamespace(rt, meta.namespace, meta.name);
    const skey = storageKey(rt);
    if (this.store.get(skey, meta.namespace, meta.name)) {
      if (meta.generateName && !body.metadata?.name) return this.create(rt, ns, body, opts, managed);
      throw alreadyExists(rt.resource, rt.group, meta.name);
    }
    meta.uid = randomUUID();
    meta.creationTimestamp = nowStamp(this.clock());
    delete meta.resourceVersion;
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    delete meta.managedFields;
    delete meta.selfLink;
    if (rt.generation || rt.crd) meta.generation = 1;
    else delete meta.generation;
    if (rt.subresources.includes("status") && !["Namespace", "Node", "PersistentVolume", "CustomResourceDefinition"].includes(rt.kind)) {
      delete obj.status;
    }
    applyDefaults(rt.kind, obj, this, true);
    if (managed) obj.metadata.managedFields = managed;
    else recordUpdate(undefined, obj, this.schema(rt), this.writer(rt, opts));
    if (opts.dryRun) return obj;
    this.store.put(skey, obj, "ADDED");
    for (const hook of this.afterWrite) hook(rt, undefined, obj);
    return obj;
  }

  clusterIP(): string {
    const n = this.ipCounter++;
    return `10.96.${Math.floor(n / 250) % 256}.${(n % 250) + 1}`;
  }

  update(rt: ResourceType, ns: string | undefined, name: string, body: any, opts: WriteOptions = {}): any {
    const prev = this.get(rt, ns, name);
    const obj = this.prepare(rt, ns, body);
    if (obj.metadata.name && obj.metadata.name !== name) {
      throw badRequest(`the name of the object (${obj.metadata.name}) does not match the name on the URL (${name})`);
    }
    obj.metadata.name = name;
    return this.commit(rt, prev, obj, opts);
  }

  /** Stores `next` as the new state of `prev` with the checks and bookkeeping of an update. */
  private commit(rt: ResourceType, prev: any, next: any, opts: WriteOptions, managed?: ManagedEntry[]): any {
    const rv = next.metadata.resourceVersion;
    if (rv !== undefined && rv !== "" && rv !== prev.metadata.resourceVersion) {
      throw conflict(rt.resource, rt.group, prev.metadata.name, STALE);
    }
    if (opts.subresource === "status") {
      next = { ...structuredClone(prev), status: next.status };
    } else {
      const keep = ["uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "namespace"];
      for (const k of keep) {
        if (prev.metadata[k] === undefined) delete next.metadata[k];
        else next.metadata[k] = prev.metadata[k];
      }
      if (rt.subresources.includes("status")) {
        if (prev.status === undefined) delete next.status;
        else next.status = structuredClone(prev.status);
      }
      if (prev.metadata.deletionTimestamp) {
        const added = (next.metadata.finalizers ?? []).filter((f: string) => !(prev.metadata.finalizers ?? []).includes(f));
        if (added.length) {
          throw forbidden(rt.resource, rt.group, prev.metadata.name, `no new finalizers can be added if the object is being deleted, found new finalizers []string{"${added.join('", "')}"}`);
        }
      }
      applyDefaults(rt.kind, next, this, false);
      const causes = [...validateObject(rt.kind, next), ...validateUpdate(rt.kind, prev, next)];
      if (causes.length) throw invalid(rt.kind, rt.group, prev.metadata.name, causes);
      if ((rt.generation || rt.crd) && specOf(prev) !== specOf(next)) {
        next.metadata.generation = (prev.metadata.generation ?? 1) + 1;
      }
    }
    next.metadata.resourceVersion = prev.metadata.resourceVersion;
    next.metadata.managedFields = prev.metadata.managedFields;
    const noop = comparable(prev) === comparable(next);
    if (managed) {
      if (noop && JSON.stringify(managed) === JSON.stringify(prev.metadata.managedFields)) return prev;
      next.metadata.managedFields = managed;
    } else {
      if (noop) return prev;
      recordUpdate(prev, next, this.schema(rt), this.writer(rt, opts));
    }
    if (opts.dryRun) return next;
    const skey = storageKey(rt);
    if (next.metadata.deletionTimestamp && !(next.metadata.finalizers?.length > 0)) {
      delete next.metadata.resourceVersion;
      this.finalize(rt, next);
      return next;
    }
    this.store.put(skey, next, "MODIFIED");
    for (const hook of this.afterWrite) hook(rt, prev, next);
    return next;
  }

  patch(rt: ResourceType, ns: string | undefined, name: string, type: PatchType, body: any, opts: WriteOptions = {}): any {
    const skey = storageKey(rt);
    const prev = this.store.get(skey, rt.namespaced ? ns : undefined, name);
    if (type === "apply") return this.apply(rt, ns, name, prev, body, opts);
    if (!prev) throw notFound(rt.resource, rt.group, name);
    let next: any;
    if (type === "json") next = jsonPatch(prev, body);
    else if (type === "merge") next = mergePatch(prev, body);
    else {
      const schema = this.schema(rt);
      if (!schema.known) {
        throw unsupportedMediaType("application/strategic-merge-patch+json", [
          "application/json-patch+json",
          "application/merge-patch+json",
          "application/apply-patch+yaml",
        ]);
      }
      next = strategicMerge(prev, body, schema);
    }
    if (next === null || typeof next !== "object" || Array.isArray(next)) throw badRequest("the patch produced an invalid object");
    next = structuredClone(next);
    next.metadata ??= {};
    if (next.metadata.name !== name) {
      throw badRequest(`the name of the object (${next.metadata.name}) does not match the name on the URL (${name})`);
    }
    next.apiVersion = apiVersionOf(rt);
    next.kind = rt.kind;
    return this.commit(rt, prev, next, opts);
  }

  private apply(rt: ResourceType, ns: string | undefined, name: string, prev: any, body: any, opts: WriteOptions): any {
    if (!opts.fieldManager) {
      throw badRequest("PATCH, application/apply-patch+yaml: fieldManager is required for apply requests");
    }
    const applied = this.prepare(rt, ns, body);
    if (applied.metadata.name && applied.metadata.name !== name) {
      throw badRequest(`the name of the object (${applied.metadata.name}) does not match the name on the URL (${name})`);
    }
    applied.metadata.name = name;
    const w = this.writer(rt, opts);
    if (!prev) {
      const merged = serverSideApply(undefined, applied, this.schema(rt), w, true);
      const managed = merged.metadata.managedFields;
      delete merged.metadata.managedFields;
      return this.create(rt, ns, merged, opts, managed);
    }
    const rv = applied.metadata.resourceVersion;
    if (rv && rv !== prev.metadata.resourceVersion) throw conflict(rt.resource, rt.group, name, STALE);
    const merged = serverSideApply(prev, applied, this.schema(rt), w, opts.force === true);
    const managed = merged.metadata.managedFields ?? [];
    merged.metadata.resourceVersion = prev.metadata.resourceVersion;
    return this.commit(rt, prev, merged, opts, managed);
  }

  static isNotFound(err: unknown): boolean {
    return err instanceof ApiError && err.code === 404;
  }
}
