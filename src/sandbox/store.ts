// The object store: one global resourceVersion counter, objects keyed by
// storage key and namespace/name, a bounded event history so watches can
// resume from a resourceVersion, and an optional durable log.

export type EventType = "ADDED" | "MODIFIED" | "DELETED";

export interface StoreEvent {
  type: EventType;
  skey: string;
  object: any;
  rv: number;
  /** The state before a MODIFIED, so watches can tell an object entering or leaving their selector. */
  prev?: any;
}

interface Entry {
  object: any;
  json?: string;
}

export interface Durability {
  put(skey: string, obj: any): void;
  remove(skey: string, ns: string, name: string, rv: number): void;
}

const HISTORY = 4096;

export function objectKey(ns: string | undefined, name: string): string {
  return ns ? `${ns}/${name}` : name;
}

export class Store {
  rv = 0;
  private buckets = new Map<string, Map<string, Entry>>();
  private history: StoreEvent[] = [];
  private subscribers = new Set<(ev: StoreEvent) => void>();
  durability?: Durability;

  private bucket(skey: string): Map<string, Entry> {
    let b = this.buckets.get(skey);
    if (!b) this.buckets.set(skey, (b = new Map()));
    return b;
  }

  get(skey: string, ns: string | undefined, name: string): any | undefined {
    return this.buckets.get(skey)?.get(objectKey(ns, name))?.object;
  }

  /** The object serialised once per version: GETs and lists reuse it. */
  json(skey: string, ns: string | undefined, name: string): string | undefined {
    const e = this.buckets.get(skey)?.get(objectKey(ns, name));
    if (!e) return undefined;
    return (e.json ??= JSON.stringify(e.object));
  }

  jsonOf(skey: string, obj: any): string {
    const e = this.buckets.get(skey)?.get(objectKey(obj.metadata.namespace, obj.metadata.name));
    if (e && e.object === obj) return (e.json ??= JSON.stringify(obj));
    return JSON.stringify(obj);
  }

  /** Objects sorted by namespace/name, as etcd's key order gives them. */
  list(skey: string, ns?: string): any[] {
    const b = this.buckets.get(skey);
    if (!b) return [];
    const keys = [...b.keys()].sort();
    const out: any[] = [];
    const prefix = ns ? `${ns}/` : "";
    for (const k of keys) if (!ns || k.startsWith(prefix)) out.push(b.get(k)!.object);
    return out;
  }

  count(skey: string): number {
    return this.buckets.get(skey)?.size ?? 0;
  }

  storageKeys(): string[] {
    return [...this.buckets.keys()];
  }

  /** Stores `obj` (which the caller must not mutate afterwards) under a new resourceVersion. */
  put(skey: string, obj: any, type: "ADDED" | "MODIFIED"): any {
    const rv = ++this.rv;
    obj.metadata.resourceVersion = String(rv);
    const bucket = this.bucket(skey);
    const key = objectKey(obj.metadata.namespace, obj.metadata.name);
    const prev = bucket.get(key)?.object;
    bucket.set(key, { object: obj });
    this.durability?.put(skey, obj);
    this.emit({ type, skey, object: obj, rv, prev });
    return obj;
  }

  remove(skey: string, obj: any): any {
    const rv = ++this.rv;
    const gone = { ...obj, metadata: { ...obj.metadata, resourceVersion: String(rv) } };
    this.buckets.get(skey)?.delete(objectKey(obj.metadata.namespace, obj.metadata.name));
    this.durability?.remove(skey, obj.metadata.namespace ?? "", obj.metadata.name, rv);
    this.emit({ type: "DELETED", skey, object: gone, rv });
    return gone;
  }

  /** Restores an object from disk without events or a new resourceVersion. */
  load(skey: string, obj: any): void {
    this.bucket(skey).set(objectKey(obj.metadata.namespace, obj.metadata.name), { object: obj });
    const rv = Number(obj.metadata.resourceVersion) || 0;
    if (rv > this.rv) this.rv = rv;
  }

  unload(skey: string, ns: string, name: string, rv: number): void {
    this.buckets.get(skey)?.delete(objectKey(ns || undefined, name));
    if (rv > this.rv) this.rv = rv;
  }

  dropBucket(skey: string): void {
    this.buckets.delete(skey);
  }

  subscribe(fn: (ev: StoreEvent) => void): () => void {
    this.subscribers.add(fn);
    return () => this.subscribers.delete(fn);
  }

  /**
   * Events after `rv`, or undefined when the history no longer reaches back
   * that far (the watcher gets 410 Gone, as from a compacted etcd).
   */
  since(rv: number): StoreEvent[] | undefined {
    if (rv >= this.rv) return [];
    const first = this.history[0];
    if (!first || first.rv > rv + 1) return undefined;
    const out: StoreEvent[] = [];
    for (const ev of this.history) if (ev.rv > rv) out.push(ev);
    return out;
  }

  private emit(ev: StoreEvent): void {
    this.history.push(ev);
    if (this.history.length > HISTORY * 2) {
      this.history = this.history.slice(-HISTORY);
    }
    for (const fn of this.subscribers) fn(ev);
  }
}
