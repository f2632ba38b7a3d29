// The validation a chart author meets first: names, selectors matching
// template labels, required containers and ports, and immutable fields.
import type { StatusCause } from "./errors.js";

const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_NAMED = new Set(["Namespace", "Service"]);
const PATH_SEGMENT_NAMED = new Set(["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"]);

export function validateName(kind: string, name: string): StatusCause[] {
  if (PATH_SEGMENT_NAMED.has(kind)) {
    if (name === "." || name === ".." || /[/%]/.test(name)) {
      return [{ type: "FieldValueInvalid", field: "metadata.name", message: `Invalid value: "${name}": may not contain '/' or '%'` }];
    }
    return [];
  }
  const label = LABEL_NAMED.has(kind);
  const max = label ? 63 : 253;
  if (name.length > max) {
    return [{ type: "FieldValueInvalid", field: "metadata.name", message: `Invalid value: "${name}": must be no more than ${max} characters` }];
  }
  if (!(label ? LABEL : SUBDOMAIN).test(name)) {
    const what = label
      ? "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
      : "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
    return [{ type: "FieldValueInvalid", field: "metadata.name", message: `Invalid value: "${name}": ${what}` }];
  }
  return [];
}

function goMap(m: Record<string, string>): string {
  return `map[string]string{${Object.entries(m)
    .map(([k, v]) => `"${k}":"${v}"`)
    .join(", ")}}`;
}

function selectorMatches(sel: any, labels: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(sel?.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of sel?.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, e.key);
    const inV = has && (e.values ?? []).includes(labels[e.key]);
    if ((e.operator === "In" && !inV) || (e.operator === "NotIn" && inV)) return false;
    if ((e.operator === "Exists" && !has) || (e.operator === "DoesNotExist" && has)) return false;
  }
  return true;
}

function containers(list: unknown, field: string, out: StatusCause[]): void {
  if (!Array.isArray(list) || list.length === 0) {
    out.push({ type: "FieldValueRequired", field, message: "Required value" });
    return;
  }
  list.forEach((c: any, i) => {
    if (!c?.name) out.push({ type: "FieldValueRequired", field: `${field}[${i}].name`, message: "Required value" });
    if (!c?.image) out.push({ type: "FieldValueRequired", field: `${field}[${i}].image`, message: "Required value" });
  });
}

const WORKLOADS = new Set(["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet"]);

export function validateObject(kind: string, obj: any): StatusCause[] {
  const out: StatusCause[] = [];
  const spec = obj.spec ?? {};
  if (WORKLOADS.has(kind)) {
    if (!spec.selector) out.push({ type: "FieldValueRequired", field: "spec.selector", message: "Required value" });
    else {
      const labels = spec.template?.metadata?.labels ?? {};
      if (!selectorMatches(spec.selector, labels)) {
        out.push({
          type: "FieldValueInvalid",
          field: "spec.template.metadata.labels",
          message: `Invalid value: ${goMap(labels)}: \`selector\` does not match template \`labels\``,
        });
      }
    }
    containers(spec.template?.spec?.containers, "spec.template.spec.containers", out);
  } else if (kind === "Pod") {
    containers(spec.containers, "spec.containers", out);
  } else if (kind === "Job") {
    containers(spec.template?.spec?.containers, "spec.template.spec.containers", out);
  } else if (kind === "Service") {
    const headless = spec.clusterIP === "None";
    if (spec.type !== "ExternalName" && !headless && (!Array.isArray(spec.ports) || spec.ports.length === 0)) {
      out.push({ type: "FieldValueRequired", field: "spec.ports", message: "Required value" });
    }
    (Array.isArray(spec.ports) ? spec.ports : []).forEach((p: any, i: number) => {
      if (!(Number.isInteger(p?.port) && p.port >= 1 && p.port <= 65535)) {
        out.push({ type: "FieldValueInvalid", field: `spec.ports[${i}].port`, message: `Invalid value: ${p?.port}: must be between 1 and 65535, inclusive` });
      }
    });
  } else if (kind === "ConfigMap" || kind === "Secret") {
    for (const k of Object.keys({ ...(obj.data ?? {}), ...(obj.binaryData ?? {}) })) {
      if (!/^[-._a-zA-Z0-9]+$/.test(k)) {
        out.push({
          type: "FieldValueInvalid",
          field: `data[${k}]`,
          message: `Invalid value: "${k}": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
        });
      }
    }
  }
  return out;
}

const IMMUTABLE: Record<string, string[]> = {
  Deployment: ["spec.selector"],
  ReplicaSet: ["spec.selector"],
  StatefulSet: ["spec.selector", "spec.serviceName", "spec.volumeClaimTemplates"],
  DaemonSet: ["spec.selector"],
  Job: ["spec.selector", "spec.template", "spec.completions"],
  Service: ["spec.clusterIP"],
  PersistentVolumeClaim: ["spec.storageClassName", "spec.volumeName", "spec.accessModes"],
};

function at(obj: any, path: string): unknown {
  return path.split(".").reduce((cur, k) => (cur == null ? undefined : cur[k]), obj);
}

export function validateUpdate(kind: string, prev: any, next: any): StatusCause[] {
  const out: StatusCause[] = [];
  for (const path of IMMUTABLE[kind] ?? []) {
    const a = at(prev, path);
    const b = at(next, path);
    if (a !== undefined && JSON.stringify(a) !== JSON.stringify(b)) {
      out.push({ type: "FieldValueInvalid", field: path, message: `Invalid value: ${JSON.stringify(b)}: field is immutable` });
    }
  }
  return out;
}
