// Strict field validation (`fieldValidation=Strict`, kubectl's and helm's
// default) for the fields every built-in object shares: its top-level fields
// and its metadata. Deeper typos pass, as no schemas are kept.
import { badRequest } from "./errors.js";
import type { ResourceType } from "./kinds.js";

const META = new Set([
  "name",
  "generateName",
  "namespace",
  "selfLink",
  "uid",
  "resourceVersion",
  "generation",
  "creationTimestamp",
  "deletionTimestamp",
  "deletionGracePeriodSeconds",
  "labels",
  "annotations",
  "ownerReferences",
  "finalizers",
  "managedFields",
]);

const COMMON = ["apiVersion", "kind", "metadata"];
const SPEC_STATUS = [...COMMON, "spec", "status"];

const TOP: Record<string, string[]> = {
  ConfigMap: [...COMMON, "data", "binaryData", "immutable"],
  Secret: [...COMMON, "data", "stringData", "type", "immutable"],
  ServiceAccount: [...COMMON, "secrets", "imagePullSecrets", "automountServiceAccountToken"],
  Endpoints: [...COMMON, "subsets"],
  Event: [
    ...COMMON,
    "involvedObject",
    "reason",
    "message",
    "source",
    "firstTimestamp",
    "lastTimestamp",
    "count",
    "type",
    "eventTime",
    "series",
    "action",
    "related",
    "reportingComponent",
    "reportingInstance",
    "regarding",
    "note",
    "reportingController",
    "deprecatedSource",
    "deprecatedFirstTimestamp",
    "deprecatedLastTimestamp",
    "deprecatedCount",
  ],
  Role: [...COMMON, "rules"],
  ClusterRole: [...COMMON, "rules", "aggregationRule"],
  RoleBinding: [...COMMON, "subjects", "roleRef"],
  ClusterRoleBinding: [...COMMON, "subjects", "roleRef"],
  StorageClass: [...COMMON, "provisioner", "parameters", "reclaimPolicy", "mountOptions", "allowVolumeExpansion", "volumeBindingMode", "allowedTopologies"],
  PriorityClass: [...COMMON, "value", "globalDefault", "description", "preemptionPolicy"],
  MutatingWebhookConfiguration: [...COMMON, "webhooks"],
  ValidatingWebhookConfiguration: [...COMMON, "webhooks"],
  EndpointSlice: [...COMMON, "addressType", "endpoints", "ports"],
  ControllerRevision: [...COMMON, "data", "revision"],
  PodTemplate: [...COMMON, "template"],
  IngressClass: [...COMMON, "spec"],
  LimitRange: [...COMMON, "spec"],
  NetworkPolicy: [...COMMON, "spec"],
  Lease: [...COMMON, "spec"],
  CSIDriver: [...COMMON, "spec"],
};

/** Unknown field paths in `obj`, or none for custom resources (their schemas may keep anything). */
export function unknownFields(rt: ResourceType, obj: any): string[] {
  if (rt.crd || rt.verbs) return [];
  const allowed = new Set(TOP[rt.kind] ?? SPEC_STATUS);
  const out: string[] = [];
  for (const k of Object.keys(obj)) if (!allowed.has(k)) out.push(k);
  const meta = obj.metadata;
  if (meta && typeof meta === "object") for (const k of Object.keys(meta)) if (!META.has(k)) out.push(`metadata.${k}`);
  return out;
}

/** Applies the fieldValidation directive; returns warnings for `Warn`. */
export function checkFields(rt: ResourceType, obj: any, directive: string | null): string[] {
  if (directive === "Ignore" || obj === null || typeof obj !== "object" || Array.isArray(obj)) return [];
  const unknown = unknownFields(rt, obj);
  if (unknown.length === 0) return [];
  const list = unknown.map((f) => `unknown field "${f}"`);
  if (directive === "Strict") {
    throw badRequest(`${rt.kind} in version "${rt.version}" cannot be handled as a ${rt.kind}: strict decoding error: ${list.join(", ")}`);
  }
  return list;
}
