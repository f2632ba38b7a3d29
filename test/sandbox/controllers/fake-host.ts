// An in-memory ControllerHost with a hand-driven clock, so controller tests
// are deterministic: nothing happens until the test advances time.
import type { ControllerHandle, ControllerHost, HostEvent, KubeObject, Scheduler } from "../../../src/sandbox/controllers/host.js";
import { startControllers } from "../../../src/sandbox/controllers/index.js";

export class FakeClock implements Scheduler {
  ms = Date.parse("2026-01-01T00:00:00Z");
  private seq = 0;
  timers = new Map<number, { at: number; fn: () => void }>();

  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.timers.set(id, { at: this.ms + ms, fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** The earliest armed timer, if any. */
  nextDue(): { id: number; at: number } | undefined {
    let best: { id: number; at: number } | undefined;
    for (const [id, t] of this.timers) if (!best || t.at < best.at || (t.at === best.at && id < best.id)) best = { id, at: t.at };
    return best;
  }
}

export class ConflictError extends Error {
  code = 409;
}

export class FakeHost implements ControllerHost {
  objects = new Map<string, KubeObject>();
  private subs = new Set<(ev: HostEvent) => void>();
  private rv = 0;
  private uid = 0;

  constructor(readonly clock: FakeClock) {}

  private key(kind: string, ns: string | undefined, name: string) {
    return `${kind}/${ns ?? ""}/${name}`;
  }

  private emit(type: HostEvent["type"], object: KubeObject) {
    for (const fn of this.subs) fn({ type, object: structuredClone(object) });
  }

  list(_apiVersion: string, kind: string, namespace?: string): KubeObject[] {
    return [...this.objects.values()].filter((o) => o.kind === kind && (namespace === undefined || o.metadata.namespace === namespace)).map((o) => structuredClone(o));
  }

  get(_apiVersion: string, kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const o = this.objects.get(this.key(kind, namespace, name));
    return o && structuredClone(o);
  }

  /** Set to refuse creates, as admission or a quota would; returns the error message. */
  refuse?: (obj: KubeObject) => string | undefined;

  create(obj: KubeObject): KubeObject {
    const refusal = this.refuse?.(obj);
    if (refusal) throw new Error(refusal);
    const o = structuredClone(obj);
    if (!o.metadata.name) o.metadata.name = `${o.metadata.generateName}${(++this.uid).toString(36).padStart(5, "x")}`;
    const k = this.key(o.kind, o.metadata.namespace, o.metadata.name);
    if (this.objects.has(k)) throw new ConflictError(`${o.kind} "${o.metadata.name}" already exists`);
    o.metadata.uid = `uid-${++this.uid}`;
    o.metadata.resourceVersion = String(++this.rv);
    o.metadata.creationTimestamp = new Date(this.clock.ms).toISOString().replace(/\.\d{3}Z$/, "Z");
    o.metadata.generation = 1;
    this.objects.set(k, o);
    this.emit("ADDED", o);
    return structuredClone(o);
  }

  private replace(obj: KubeObject, statusOnly: boolean): KubeObject {
    const k = this.key(obj.kind, obj.metadata.namespace, obj.metadata.name!);
    const cur = this.objects.get(k);
    if (!cur) throw new Error(`${obj.kind} "${obj.metadata.name}" not found`);
    if (obj.metadata.resourceVersion && obj.metadata.resourceVersion !== cur.metadata.resourceVersion) {
      throw new ConflictError(`Operation cannot be fulfilled on ${obj.kind} "${obj.metadata.name}": the object has been modified`);
    }
    const next = statusOnly
      ? { ...structuredClone(cur), status: structuredClone(obj.status) }
      : { ...structuredClone(obj), status: structuredClone(cur.status) };
    next.metadata = statusOnly ? cur.metadata : { ...structuredClone(obj.metadata), uid: cur.metadata.uid, creationTimestamp: cur.metadata.creationTimestamp };
    if (!statusOnly && JSON.stringify(cur.spec) !== JSON.stringify(obj.spec)) next.metadata.generation = (cur.metadata.generation ?? 1) + 1;
    else next.metadata.generation = cur.metadata.generation;
    next.metadata = { ...next.metadata, resourceVersion: String(++this.rv) };
    this.objects.set(k, next);
    this.emit("MODIFIED", next);
    return structuredClone(next);
  }

  update(obj: KubeObject): KubeObject {
    return this.replace(obj, false);
  }

  updateStatus(obj: KubeObject): KubeObject {
    return this.replace(obj, true);
  }

  /** Deletes at once and garbage-collects dependents (background propagation). */
  delete(_apiVersion: string, kind: string, namespace: string | undefined, name: string): void {
    const k = this.key(kind, namespace, name);
    const o = this.objects.get(k);
    if (!o) throw new Error(`${kind} "${name}" not found`);
    this.objects.delete(k);
    this.emit("DELETED", o);
    for (const dep of [...this.objects.values()]) {
      if (dep.metadata.ownerReferences?.some((r) => r.uid === o.metadata.uid)) this.delete("", dep.kind, dep.metadata.namespace, dep.metadata.name!);
    }
  }

  subscribe(fn: (ev: HostEvent) => void): () => void {
    this.subs.add(fn);
    return () => this.subs.delete(fn);
  }

  now(): Date {
    return new Date(this.clock.ms);
  }
}

export interface Harness {
  clock: FakeClock;
  host: FakeHost;
  handle: ControllerHandle;
  errors: unknown[];
  /** Runs timers due within `ms` in order, letting the controllers settle after each. */
  advance(ms: number): Promise<void>;
  pods(namespace?: string): KubeObject[];
  get(kind: string, name: string, namespace?: string): KubeObject;
}

/** Starts controllers over a fresh cluster, or over `over`'s stored objects (a restarted sandbox). */
export async function startHarness(options: Parameters<typeof startControllers>[1] = {}, over?: Harness): Promise<Harness> {
  const clock = over?.clock ?? new FakeClock();
  const host = over?.host ?? new FakeHost(clock);
  const errors: unknown[] = [];
  const handle = startControllers(host, { scheduler: clock, onError: (e) => errors.push(e), ...options });
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await handle.idle();
      await new Promise((r) => setImmediate(r));
    }
  };
  await settle();
  return {
    clock,
    host,
    handle,
    errors,
    async advance(ms: number) {
      const end = clock.ms + ms;
      await settle();
      for (let next = clock.nextDue(); next && next.at <= end; next = clock.nextDue()) {
        const t = clock.timers.get(next.id)!;
        clock.timers.delete(next.id);
        clock.ms = Math.max(clock.ms, next.at);
        t.fn();
        await settle();
      }
      clock.ms = end;
      await settle();
    },
    pods: (ns = "default") => host.list("v1", "Pod", ns),
    get(kind, name, ns = "default") {
      const apiVersion = "";
      const o = host.get(apiVersion, kind, kind === "Node" ? undefined : ns, name);
      if (!o) throw new Error(`${kind} ${name} not found`);
      return o;
    },
  };
}

export function deployment(name: string, image: string, replicas = 1, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: "default" },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "main", image }] } },
      ...extra,
    },
  };
}
