// The registry of served resources: every built-in kind a Helm chart may
// install, plus those that CustomResourceDefinitions add at run time.

export type Subresource = "status" | "scale" | "log";

export interface ResourceType {
  group: string;
  version: string;
  /** Plural, lower-case: `deployments`. */
  resource: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  subresources: Subresource[];
  /** Whether metadata.generation tracks spec changes. */
  generation: boolean;
  /** Versions of a CRD other than the storage one share its objects. */
  crd?: { name: string; printerColumns: PrinterColumn[]; storageVersion: string };
  /** Verbs other than the full CRUD set (for create-only review resources). */
  verbs?: string[];
}

export interface PrinterColumn {
  name: string;
  type: string;
  jsonPath: string;
  description?: string;
  priority?: number;
  format?: string;
}

export const ALL_VERBS = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

type Spec = [
  group: string,
  version: string,
  resource: string,
  kind: string,
  namespaced: boolean,
  shortNames?: string[],
  flags?: string,
];

// flags: a = category "all", s = status subresource, c = scale subresource, l = log subresource, g = generation
const BUILTIN: Spec[] = [
  ["", "v1", "namespaces", "Namespace", false, ["ns"], "s"],
  ["", "v1", "pods", "Pod", true, ["po"], "asl"],
  ["", "v1", "services", "Service", true, ["svc"], "as"],
  ["", "v1", "endpoints", "Endpoints", true, ["ep"]],
  ["", "v1", "configmaps", "ConfigMap", true, ["cm"]],
  ["", "v1", "secrets", "Secret", true],
  ["", "v1", "serviceaccounts", "ServiceAccount", true, ["sa"]],
  ["", "v1", "persistentvolumeclaims", "PersistentVolumeClaim", true, ["pvc"], "s"],
  ["", "v1", "persistentvolumes", "PersistentVolume", false, ["pv"], "s"],
  ["", "v1", "nodes", "Node", false, ["no"], "s"],
  ["", "v1", "events", "Event", true, ["ev"]],
  ["", "v1", "resourcequotas", "ResourceQuota", true, ["quota"], "s"],
  ["", "v1", "limitranges", "LimitRange", true, ["limits"]],
  ["", "v1", "replicationcontrollers", "ReplicationController", true, ["rc"], "ascg"],
  ["", "v1", "podtemplates", "PodTemplate", true],
  ["apps", "v1", "deployments", "Deployment", true, ["deploy"], "ascg"],
  ["apps", "v1", "replicasets", "ReplicaSet", true, ["rs"], "ascg"],
  ["apps", "v1", "statefulsets", "StatefulSet", true, ["sts"], "ascg"],
  ["apps", "v1", "daemonsets", "DaemonSet", true, ["ds"], "asg"],
  ["apps", "v1", "controllerrevisions", "ControllerRevision", true],
  ["batch", "v1", "jobs", "Job", true, [], "asg"],
  ["batch", "v1", "cronjobs", "CronJob", true, ["cj"], "asg"],
  ["autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler", true, ["hpa"], "asg"],
  ["networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", true, ["netpol"], "g"],
  ["networking.k8s.io", "v1", "ingresses", "Ingress", true, ["ing"], "sg"],
  ["networking.k8s.io", "v1", "ingressclasses", "IngressClass", false],
  ["policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", true, ["pdb"], "sg"],
  ["rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", false],
  ["rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", false],
  ["rbac.authorization.k8s.io", "v1", "roles", "Role", true],
  ["rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", true],
  ["storage.k8s.io", "v1", "storageclasses", "StorageClass", false, ["sc"]],
  ["storage.k8s.io", "v1", "csidrivers", "CSIDriver", false],
  ["apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", false, ["crd", "crds"], "sg"],
  ["apiregistration.k8s.io", "v1", "apiservices", "APIService", false, [], "s"],
  ["admissionregistration.k8s.io", "v1", "mutatingwebhookconfigurations", "MutatingWebhookConfiguration", false, [], "g"],
  ["admissionregistration.k8s.io", "v1", "validatingwebhookconfigurations", "ValidatingWebhookConfiguration", false, [], "g"],
  ["coordination.k8s.io", "v1", "leases", "Lease", true],
  ["scheduling.k8s.io", "v1", "priorityclasses", "PriorityClass", false, ["pc"]],
  ["events.k8s.io", "v1", "events", "Event", true, ["ev"]],
  ["discovery.k8s.io", "v1", "endpointslices", "EndpointSlice", true],
];

function fromSpec([group, version, resource, kind, namespaced, shortNames = [], flags = ""]: Spec): ResourceType {
  return {
    group,
    version,
    resource,
    singular: kind.toLowerCase(),
    kind,
    namespaced,
    shortNames,
    categories: flags.includes("a") ? ["all"] : [],
    subresources: [
      ...(flags.includes("s") ? (["status"] as const) : []),
      ...(flags.includes("c") ? (["scale"] as const) : []),
      ...(flags.includes("l") ? (["log"] as const) : []),
    ],
    generation: flags.includes("g"),
  };
}

const REVIEWS: ResourceType[] = [
  ["authorization.k8s.io", "selfsubjectaccessreviews", "SelfSubjectAccessReview"],
  ["authorization.k8s.io", "selfsubjectrulesreviews", "SelfSubjectRulesReview"],
  ["authentication.k8s.io", "selfsubjectreviews", "SelfSubjectReview"],
].map(([group, resource, kind]) => ({
  group,
  version: "v1",
  resource,
  singular: kind.toLowerCase(),
  kind,
  namespaced: false,
  shortNames: [],
  categories: [],
  subresources: [],
  generation: false,
  verbs: ["create"],
}));

/** A group/version/resource-addressed registry; CRDs register and unregister here. */
export class KindRegistry {
  private byGVR = new Map<string, ResourceType>();
  private listeners = new Set<() => void>();
  private grouped?: Map<string, Map<string, ResourceType[]>>;

  constructor() {
    for (const spec of BUILTIN) this.add(fromSpec(spec));
    for (const rt of REVIEWS) this.add(rt);
  }

  add(rt: ResourceType): void {
    this.byGVR.set(`${rt.group}/${rt.version}/${rt.resource}`, rt);
    this.changed();
  }

  removeWhere(pred: (rt: ResourceType) => boolean): void {
    for (const [k, rt] of this.byGVR) if (pred(rt)) this.byGVR.delete(k);
    this.changed();
  }

  onChange(fn: () => void): void {
    this.listeners.add(fn);
  }

  private changed(): void {
    this.grouped = undefined;
    for (const fn of this.listeners) fn();
  }

  lookup(group: string, version: string, resource: string): ResourceType | undefined {
    return this.byGVR.get(`${group}/${version}/${resource}`);
  }

  byKind(apiVersion: string, kind: string): ResourceType | undefined {
    const [group, version] = splitApiVersion(apiVersion);
    for (const rt of this.byGVR.values()) {
      if (rt.kind === kind && rt.group === group && rt.version === version) return rt;
    }
    return undefined;
  }

  all(): ResourceType[] {
    return [...this.byGVR.values()];
  }

  /** Group -> versions (preferred first) -> resources, in registration order. */
  groups(): Map<string, Map<string, ResourceType[]>> {
    if (this.grouped) return this.grouped;
    const out = new Map<string, Map<string, ResourceType[]>>();
    for (const rt of this.byGVR.values()) {
      let versions = out.get(rt.group);
      if (!versions) out.set(rt.group, (versions = new Map()));
      let list = versions.get(rt.version);
      if (!list) versions.set(rt.version, (list = []));
      list.push(rt);
    }
    this.grouped = out;
    return out;
  }
}

export function splitApiVersion(apiVersion: string): [group: string, version: string] {
  const i = apiVersion.indexOf("/");
  return i < 0 ? ["", apiVersion] : [apiVersion.slice(0, i), apiVersion.slice(i + 1)];
}

export function apiVersionOf(rt: { group: string; version: string }): string {
  return rt.group ? `${rt.group}/${rt.version}` : rt.version;
}

/** Objects of every served version of one resource live under one storage key. */
export function storageKey(rt: ResourceType): string {
  return `${rt.group}/${rt.resource}`;
}
