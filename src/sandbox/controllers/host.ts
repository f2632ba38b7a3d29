// The contract between the sandbox's store and its simulated controllers.
// The core implements ControllerHost as an adapter over its store; the
// controllers (started with `startControllers(host, options)` from
// `./index.js`) only ever see this interface, so they can be tested against
// an in-memory fake. Keep changes additive: the core codes against it.

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  [key: string]: unknown;
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec?: any;
  status?: any;
  [key: string]: unknown;
}

export type WatchEventType = "ADDED" | "MODIFIED" | "DELETED";

export interface HostEvent {
  type: WatchEventType;
  object: KubeObject;
}

/** A result the adapter may return directly or as a promise; controllers always await it. */
export type MaybePromise<T> = T | Promise<T>;

/**
 * What the controllers need from the store. Objects passed in and returned
 * are plain JSON; the controllers never mutate a returned object in place
 * (they clone first), so the adapter may hand out its own copies or not.
 *
 * Failures (NotFound, AlreadyExists, Conflict on a stale resourceVersion)
 * are thrown; controllers treat them as "re-read and try again later".
 */
export interface ControllerHost {
  /** Current objects of one kind; all namespaces when `namespace` is undefined. */
  list(apiVersion: string, kind: string, namespace?: string): MaybePromise<KubeObject[]>;
  get(apiVersion: string, kind: string, namespace: string | undefined, name: string): MaybePromise<KubeObject | undefined>;
  /** Creates the object; the store assigns uid, resourceVersion, creationTimestamp, generation and fills `generateName`. */
  create(obj: KubeObject): MaybePromise<KubeObject>;
  /** Full update of metadata and spec (status is ignored by the store as for a real main resource). */
  update(obj: KubeObject): MaybePromise<KubeObject>;
  /** Update through the status subresource: only `status` changes; generation is not bumped. */
  updateStatus(obj: KubeObject): MaybePromise<KubeObject>;
  /** Deletes with background propagation; the core's garbage collector removes dependents. */
  delete(apiVersion: string, kind: string, namespace: string | undefined, name: string): MaybePromise<void>;
  /** Every change to every object, after it is stored. Returns an unsubscribe function. */
  subscribe(fn: (ev: HostEvent) => void): () => void;
  /**
   * Optional: binds a pod to a node as the pods/binding subresource does. When
   * absent the controllers set spec.nodeName with update(), which the store
   * must then accept for a pod whose nodeName is still empty.
   */
  bind?(namespace: string, name: string, nodeName: string): MaybePromise<void>;
  /** The wall clock stamped into timestamps (startTime, lastTransitionTime...). */
  now(): Date;
}

/** Timer functions, injectable so tests can drive time by hand. */
export interface Scheduler {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Milliseconds each simulated pod phase takes. */
export interface PodDelays {
  /** Pending (unscheduled) -> scheduled onto a node. */
  schedule: number;
  /** Scheduled -> image pulled (ContainerCreating meanwhile). */
  pull: number;
  /** Pulled -> containers running. */
  start: number;
  /** Running -> Ready (readiness probe passing). */
  ready: number;
  /** A Job pod's containers run this long before they exit. */
  jobRun: number;
  /** First crash-loop back-off; doubles per restart up to `maxBackoff`. */
  backoff: number;
  maxBackoff: number;
}

export interface ControllerOptions {
  /** Node names the sandbox pretends to have; created as v1 Node objects. Default `["sandbox-node"]`. */
  nodes?: string[];
  delays?: Partial<PodDelays>;
  scheduler?: Scheduler;
  /** First two octets of pod IPs, with the trailing dot (default `10.244.`). */
  podIPPrefix?: string;
  /** Kubelet version reported by the simulated Nodes (default `v1.32.0`). */
  kubeletVersion?: string;
  /** Reports errors the controllers swallow (a failed reconcile is retried). */
  onError?: (err: unknown, where: string) => void;
}

export interface ControllerHandle {
  stop(): void;
  /** Resolves once no reconcile is queued or running (armed timers aside); for tests. */
  idle(): Promise<void>;
}
