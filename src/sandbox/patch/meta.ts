// Patch metadata of the built-in kinds: which lists merge by key (containers
// by name, ports by containerPort...), which primitive lists merge as sets,
// and which maps retain only the keys sent. Strategic merge patch and
// server-side apply both consult it; fields not listed are atomic.

export interface FieldMeta {
  /** Merge keys of a list of maps; the first is strategic merge patch's patchMergeKey. */
  keys?: string[];
  /** Strategic merge: merge lists (by key, or as a set of primitives). */
  merge?: boolean;
  /** Strategic merge: `$retainKeys` applies to this map. */
  retainKeys?: boolean;
  /** Type of the value (or of list items). */
  type?: string;
}

export type TypeMeta = Record<string, FieldMeta>;

const byName = (type?: string): FieldMeta => ({ keys: ["name"], merge: true, type });
const byType = (): FieldMeta => ({ keys: ["type"], merge: true });

const TYPES: Record<string, TypeMeta> = {
  ObjectMeta: { finalizers: { merge: true }, ownerReferences: { keys: ["uid"], merge: true } },
  PodTemplateSpec: { metadata: { type: "ObjectMeta" }, spec: { type: "PodSpec" } },
  PodSpec: {
    containers: byName("Container"),
    initContainers: byName("Container"),
    ephemeralContainers: byName("Container"),
    volumes: { keys: ["name"], merge: true, type: "Volume" },
    imagePullSecrets: byName(),
    hostAliases: { keys: ["ip"], merge: true },
    topologySpreadConstraints: { keys: ["topologyKey", "whenUnsatisfiable"], merge: true },
    resourceClaims: byName(),
    schedulingGates: byName(),
  },
  Volume: { "": { retainKeys: true } },
  Container: {
    ports: { keys: ["containerPort", "protocol"], merge: true },
    env: byName(),
    volumeMounts: { keys: ["mountPath"], merge: true },
    volumeDevices: { keys: ["devicePath"], merge: true },
    resizePolicy: { keys: ["resourceName"] },
  },
  PodStatus: { conditions: byType(), resourceClaimStatuses: byName() },
  WorkloadStatus: { conditions: byType() },
  DeploymentSpec: { template: { type: "PodTemplateSpec" }, strategy: { retainKeys: true } },
  WorkloadSpec: { template: { type: "PodTemplateSpec" } },
  DaemonSetSpec: { template: { type: "PodTemplateSpec" }, updateStrategy: { retainKeys: true } },
  JobTemplateSpec: { metadata: { type: "ObjectMeta" }, spec: { type: "WorkloadSpec" } },
  CronJobSpec: { jobTemplate: { type: "JobTemplateSpec" } },
  ServiceSpec: { ports: { keys: ["port", "protocol"], merge: true } },
  NodeSpec: { taints: { keys: ["key", "effect"], merge: true } },
  NodeStatus: { conditions: byType(), addresses: byType() },
  ConditionsStatus: { conditions: byType() },
};

const WORKLOAD = { spec: { type: "WorkloadSpec" }, status: { type: "WorkloadStatus" } };

const ROOTS: Record<string, TypeMeta> = {
  Pod: { spec: { type: "PodSpec" }, status: { type: "PodStatus" } },
  PodTemplate: { template: { type: "PodTemplateSpec" } },
  Deployment: { spec: { type: "DeploymentSpec" }, status: { type: "WorkloadStatus" } },
  ReplicaSet: WORKLOAD,
  ReplicationController: WORKLOAD,
  StatefulSet: WORKLOAD,
  Job: WORKLOAD,
  DaemonSet: { spec: { type: "DaemonSetSpec" }, status: { type: "WorkloadStatus" } },
  CronJob: { spec: { type: "CronJobSpec" } },
  Service: { spec: { type: "ServiceSpec" } },
  Node: { spec: { type: "NodeSpec" }, status: { type: "NodeStatus" } },
  Namespace: { status: { type: "ConditionsStatus" } },
  PersistentVolumeClaim: { status: { type: "ConditionsStatus" } },
  HorizontalPodAutoscaler: { status: { type: "ConditionsStatus" } },
  CustomResourceDefinition: { status: { type: "ConditionsStatus" } },
};

/** The patch metadata of one map-typed node: a field -> meta lookup. */
export class Schema {
  constructor(
    private readonly fields: TypeMeta,
    /** Known built-in kind: strategic merge patch applies. */
    readonly known: boolean,
  ) {}

  field(name: string): FieldMeta {
    return this.fields[name] ?? {};
  }

  /** The schema of a field's value (or of its list items). */
  child(name: string): Schema {
    const t = this.fields[name]?.type;
    return new Schema(t ? (TYPES[t] ?? {}) : {}, this.known);
  }

  get retainKeys(): boolean {
    return this.fields[""]?.retainKeys === true;
  }
}

const BUILTIN_GROUPS = new Set([
  "",
  "apps",
  "batch",
  "autoscaling",
  "networking.k8s.io",
  "policy",
  "rbac.authorization.k8s.io",
  "storage.k8s.io",
  "apiextensions.k8s.io",
  "apiregistration.k8s.io",
  "admissionregistration.k8s.io",
  "coordination.k8s.io",
  "scheduling.k8s.io",
  "events.k8s.io",
  "discovery.k8s.io",
]);

export function schemaFor(group: string, kind: string, isCustom: boolean): Schema {
  const known = !isCustom && BUILTIN_GROUPS.has(group);
  return new Schema({ metadata: { type: "ObjectMeta" }, ...(known ? ROOTS[kind] : {}) }, known);
}
