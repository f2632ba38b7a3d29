// Deletion: finalizers and deletionTimestamp, the garbage collector over
// ownerReferences (background, foreground and orphan propagation), and
// namespace termination that empties the namespace before it disappears.
import type { Api } from "./api.js";
import { nowStamp } from "./api.js";
import { conflict } from "./errors.js";
import { type ResourceType, storageKey } from "./kinds.js";
import type { StoreEvent } from "./store.js";

export type Propagation = "Background" | "Foreground" | "Orphan";

export interface DeleteOptions {
  propagationPolicy?: Propagation;
  dryRun?: boolean;
  preconditions?: { uid?: string; resourceVersion?: string };
}

interface Ref {
  skey: string;
  ns?: string;
  name: string;
}

const FOREGROUND = "foregroundDeletion";
const ORPHAN = "orphan";

export class Collector {
  /** owner uid -> dependents */
  private dependents = new Map<string, Map<string, Ref>>();
  /** dependent id -> owner uids it is indexed under */
  private ownersOf = new Map<string, string[]>();
  private uids = new Set<string>();
  private typesByKey = new Map<string, ResourceType>();
  private timers = new Set<NodeJS.Timeout>();

  constructor(private readonly api: Api) {
    api.store.subscribe((ev) => this.index(ev));
    api.finalize = (rt, obj) => this.remove(rt, obj);
  }

  stop(): void {
    for (const t of this.timers) clearTimeout(t);
  }

  /** Rebuilds the dependents index from objects restored from disk. */
  reindex(): void {
    for (const skey of this.api.store.storageKeys()) {
      for (const obj of this.api.store.list(skey)) this.index({ type: "ADDED", skey, object: obj, rv: 0 });
    }
  }

  private index(ev: StoreEvent): void {
    const meta = ev.object.metadata;
    const id = `${ev.skey}|${meta.namespace ?? ""}|${meta.name}`;
    for (const uid of this.ownersOf.get(id) ?? []) this.dependents.get(uid)?.delete(id);
    this.ownersOf.delete(id);
    if (ev.type === "DELETED") {
      this.uids.delete(meta.uid);
      return;
    }
    this.uids.add(meta.uid);
    const refs = meta.ownerReferences ?? [];
    if (refs.length) this.ownersOf.set(id, refs.map((r: any) => r.uid));
    if (ev.type === "ADDED" && refs.length && !refs.some((r: any) => this.uids.has(r.uid))) this.collectOrphan(ev.skey, meta);
    for (const ref of refs) {
      let deps = this.dependents.get(ref.uid);
      if (!deps) this.dependents.set(ref.uid, (deps = new Map()));
      deps.set(id, { skey: ev.skey, ns: meta.namespace, name: meta.name });
    }
  }

  /**
   * An object created for owners that are already gone (a controller racing a
   * cascading delete) is garbage, as the real collector decides.
   */
  private collectOrphan(skey: string, meta: any): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      const rt = this.typeOf(skey);
      const obj = rt && this.api.store.get(skey, meta.namespace, meta.name);
      if (!rt || !obj || obj.metadata.uid !== meta.uid) return;
      if ((obj.metadata.ownerReferences ?? []).some((r: any) => this.uids.has(r.uid))) return;
      try {
        this.delete(rt, meta.namespace, meta.name, { propagationPolicy: "Background" });
      } catch {
        // Deleted meanwhile.
      }
    }, 0);
    this.timers.add(t);
  }

  private typeOf(skey: string): ResourceType | undefined {
    const cached = this.typesByKey.get(skey);
    if (cached && this.api.kinds.lookup(cached.group, cached.version, cached.resource)) return cached;
    const rt = this.api.kinds.all().find((t) => storageKey(t) === skey);
    if (rt) this.typesByKey.set(skey, rt);
    return rt;
  }

  private dependentsOf(uid: string): Array<{ rt: ResourceType; obj: any }> {
    const out: Array<{ rt: ResourceType; obj: any }> = [];
    for (const ref of this.dependents.get(uid)?.values() ?? []) {
      const rt = this.typeOf(ref.skey);
      const obj = rt && this.api.store.get(ref.skey, ref.ns, ref.name);
      if (rt && obj) out.push({ rt, obj });
    }
    return out;
  }

  delete(rt: ResourceType, ns: string | undefined, name: string, opts: DeleteOptions = {}): any {
    const obj = this.api.get(rt, ns, name);
    const pre = opts.preconditions;
    if (pre?.uid && pre.uid !== obj.metadata.uid) {
      throw conflict(rt.resource, rt.group, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${obj.metadata.uid}`);
    }
    if (pre?.resourceVersion && pre.resourceVersion !== obj.metadata.resourceVersion) {
      throw conflict(
        rt.resource,
        rt.group,
        name,
        `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${obj.metadata.resourceVersion}`,
      );
    }
    if (opts.dryRun) return obj;
    const policy = opts.propagationPolicy ?? "Background";
    const finalizers: string[] = [...(obj.metadata.finalizers ?? [])];
    const hasDependents = this.dependentsOf(obj.metadata.uid).length > 0;
    if (policy === "Foreground" && hasDependents && !finalizers.includes(FOREGROUND)) finalizers.push(FOREGROUND);
    if (policy === "Orphan") this.orphan(obj);
    if (rt.kind === "Namespace") return this.terminateNamespace(rt, obj);
    if (obj.metadata.deletionTimestamp) {
      if (finalizers.length === (obj.metadata.finalizers ?? []).length) return obj;
    }
    if (finalizers.length > 0) {
      const next = structuredClone(obj);
      next.metadata.finalizers = finalizers;
      next.metadata.deletionTimestamp ??= nowStamp(this.api.clock());
      next.metadata.deletionGracePeriodSeconds ??= 0;
      this.api.store.put(storageKey(rt), next, "MODIFIED");
      if (finalizers.includes(FOREGROUND)) this.deleteDependents(obj.metadata.uid, "Foreground");
      return next;
    }
    return this.remove(rt, obj);
  }

  private orphan(owner: any): void {
    for (const { rt, obj } of this.dependentsOf(owner.metadata.uid)) {
      const next = structuredClone(obj);
      next.metadata.ownerReferences = next.metadata.ownerReferences.filter((r: any) => r.uid !== owner.metadata.uid);
      if (next.metadata.ownerReferences.length === 0) delete next.metadata.ownerReferences;
      this.api.store.put(storageKey(rt), next, "MODIFIED");
    }
  }

  /** Removes the object for good and lets the collector handle its dependents. */
  remove(rt: ResourceType, obj: any): any {
    const gone = this.api.store.remove(storageKey(rt), obj);
    for (const hook of this.api.afterWrite) hook(rt, obj, undefined);
    this.deleteDependents(obj.metadata.uid, "Background");
    this.releaseOwners(obj);
    return gone;
  }

  private deleteDependents(uid: string, policy: Propagation): void {
    for (const { rt, obj } of this.dependentsOf(uid)) {
      const live = (obj.metadata.ownerReferences ?? []).filter((r: any) => r.uid !== uid && this.ownerExists(r.uid));
      if (live.length > 0) continue;
      try {
        this.delete(rt, obj.metadata.namespace, obj.metadata.name, { propagationPolicy: policy });
      } catch {
        // Already gone: a concurrent delete won.
      }
    }
  }

  private ownerExists(uid: string): boolean {
    return this.uids.has(uid);
  }

  /** A foreground-deleting owner goes away once its last blocking dependent has. */
  private releaseOwners(dependent: any): void {
    for (const ref of dependent.metadata.ownerReferences ?? []) {
      const rt = this.api.kinds.byKind(ref.apiVersion, ref.kind);
      if (!rt) continue;
      const owner = this.api.store.get(storageKey(rt), rt.namespaced ? dependent.metadata.namespace : undefined, ref.name);
      if (!owner || owner.metadata.uid !== ref.uid || !owner.metadata.finalizers?.includes(FOREGROUND)) continue;
      if (this.dependentsOf(ref.uid).length > 0) continue;
      const next = structuredClone(owner);
      next.metadata.finalizers = next.metadata.finalizers.filter((f: string) => f !== FOREGROUND && f !== ORPHAN);
      if (next.metadata.finalizers.length === 0) this.remove(rt, next);
      else this.api.store.put(storageKey(rt), next, "MODIFIED");
    }
  }

  private terminateNamespace(rt: ResourceType, ns: any): any {
    let current = ns;
    if (!ns.metadata.deletionTimestamp) {
      current = structuredClone(ns);
      current.metadata.deletionTimestamp = nowStamp(this.api.clock());
      current.metadata.deletionGracePeriodSeconds = 0;
      current.status = { ...(current.status ?? {}), phase: "Terminating" };
      this.api.store.put(storageKey(rt), current, "MODIFIED");
    }
    this.schedule(rt, ns.metadata.name, 0);
    return current;
  }

  private schedule(rt: ResourceType, name: string, delay: number): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      this.drainNamespace(rt, name);
    }, delay);
    this.timers.add(t);
  }

  private drainNamespace(nsType: ResourceType, name: string): void {
    const ns = this.api.store.get(storageKey(nsType), undefined, name);
    if (!ns?.metadata.deletionTimestamp) return;
    let remaining = 0;
    const seen = new Set<string>();
    for (const rt of this.api.kinds.all()) {
      const skey = storageKey(rt);
      if (!rt.namespaced || seen.has(skey)) continue;
      seen.add(skey);
      for (const obj of this.api.store.list(skey, name)) {
        remaining++;
        if (obj.metadata.deletionTimestamp) continue;
        try {
          this.delete(rt, name, obj.metadata.name, { propagationPolicy: "Background" });
        } catch {
          // Removed meanwhile.
        }
      }
    }
    if (remaining > 0) {
      this.schedule(nsType, name, 50);
      return;
    }
    const next = structuredClone(ns);
    next.spec = { ...(next.spec ?? {}), finalizers: [] };
    if (next.metadata.finalizers?.length) this.api.store.put(storageKey(nsType), next, "MODIFIED");
    else this.remove(nsType, next);
  }
}
