// Small helpers over plain Kubernetes objects shared by every controller.
import type { KubeObject, OwnerReference } from "./host.js";

export function clone<T>(v: T): T {
  return structuredClone(v);
}

export function keyOf(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}|${namespace ?? ""}|${name}`;
}

export function ownerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name!,
    uid: owner.metadata.uid!,
    controller: true,
    blockOwnerDeletion: true,
  };
}

export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller);
}

export function isControlledBy(obj: KubeObject, owner: KubeObject): boolean {
  return controllerOf(obj)?.uid === owner.metadata.uid;
}

export function isTerminating(obj: KubeObject): boolean {
  return Boolean(obj.metadata.deletionTimestamp);
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** Label selector semantics of metav1.LabelSelector; an empty selector matches everything. */
export function matchesSelector(sel: LabelSelector | undefined, labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  for (const [k, v] of Object.entries(sel?.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const e of sel?.matchExpressions ?? []) {
    const has = Object.hasOwn(l, e.key);
    const inValues = has && (e.values ?? []).includes(l[e.key]);
    if (e.operator === "In" && !inValues) return false;
    if (e.operator === "NotIn" && inValues) return false;
    if (e.operator === "Exists" && !has) return false;
    if (e.operator === "DoesNotExist" && has) return false;
  }
  return true;
}

/**
 * Resolves an IntOrString such as maxSurge ("25%" or 1) against a total, rounding
 * percentages up or down as the deployment controller does.
 */
export function resolveIntOrPercent(v: unknown, total: number, roundUp: boolean, dflt: number | string): number {
  const val = v === undefined || v === null ? dflt : v;
  if (typeof val === "number") return val;
  const m = /^(\d+)%$/.exec(String(val));
  if (!m) {
    const n = Number.parseInt(String(val), 10);
    return Number.isNaN(n) ? 0 : n;
  }
  const exact = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** JSON with sorted keys, so equal objects hash and compare equal whatever their key order. */
export function canonicalJSON(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJSON).join(",")}]`;
  if (v && typeof v === "object") {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJSON(x)}`).join(",")}}`;
  }
  return JSON.stringify(v);
}

function fnv32a(s: string): number {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(s, "utf8")) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

// The alphabet Kubernetes uses for pod-template-hash values (no vowels, no
// confusable characters), so our hashes look like theirs: "5d4f8c9b7".
const SAFE = "bcdfghjklmnpqrstvwxz2456789";

/** A stable pod-template-hash: FNV-32a of the canonical template (plus collision count), safe-encoded. */
export function templateHash(template: unknown, collisionCount = 0): string {
  const digits = String(fnv32a(canonicalJSON(template) + (collisionCount ? `#${collisionCount}` : "")));
  let out = "";
  for (const ch of digits) out += SAFE[ch.charCodeAt(0) % SAFE.length];
  return out;
}

export interface Condition {
  type: string;
  status: "True" | "False" | "Unknown";
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastUpdateTime?: string;
  lastProbeTime?: string | null;
}

/**
 * Sets a condition, keeping lastTransitionTime when the status does not change.
 * `withUpdateTime` adds lastUpdateTime (Deployments carry it, most kinds do not).
 */
export function setCondition(
  conditions: Condition[] | undefined,
  next: Omit<Condition, "lastTransitionTime" | "lastUpdateTime">,
  now: string,
  withUpdateTime = false,
): Condition[] {
  const list = conditions ? [...conditions] : [];
  const i = list.findIndex((c) => c.type === next.type);
  const prev = i >= 0 ? list[i] : undefined;
  const keepTransition = prev && prev.status === next.status;
  const unchanged = keepTransition && prev.reason === next.reason && prev.message === next.message;
  const cond: Condition = {
    ...next,
    ...(withUpdateTime ? { lastUpdateTime: unchanged ? (prev.lastUpdateTime ?? now) : now } : {}),
    lastTransitionTime: keepTransition ? (prev.lastTransitionTime ?? now) : now,
  };
  if (i >= 0) list[i] = cond;
  else list.push(cond);
  return list;
}

export function getCondition(obj: KubeObject | undefined, type: string): Condition | undefined {
  return (obj?.status?.conditions as Condition[] | undefined)?.find((c) => c.type === type);
}

export function removeCondition(conditions: Condition[] | undefined, type: string): Condition[] {
  return (conditions ?? []).filter((c) => c.type !== type);
}

export function sameJSON(a: unknown, b: unknown): boolean {
  return canonicalJSON(a) === canonicalJSON(b);
}

export function byCreation(a: KubeObject, b: KubeObject): number {
  const ta = a.metadata.creationTimestamp ?? "";
  const tb = b.metadata.creationTimestamp ?? "";
  if (ta !== tb) return ta < tb ? -1 : 1;
  return (a.metadata.name ?? "") < (b.metadata.name ?? "") ? -1 : 1;
}

/** RFC 3339 at second precision, as Kubernetes serialises metav1.Time. */
export function rfc3339(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}
