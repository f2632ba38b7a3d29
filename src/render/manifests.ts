// Splitting rendered files into documents and ordering them as helm's
// releaseutil does: hooks apart, then kinds in install order, stably.
import { parseYaml } from "../yaml/parse.js";

export const installOrder: readonly string[] = [
  "PriorityClass", "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy",
  "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList", "ConfigMap", "StorageClass",
  "PersistentVolume", "PersistentVolumeClaim", "CustomResourceDefinition", "ClusterRole", "ClusterRoleList",
  "ClusterRoleBinding", "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding", "RoleBindingList",
  "Service", "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment",
  "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress", "APIService",
];

export const uninstallOrder: readonly string[] = [
  "APIService", "Ingress", "IngressClass", "Service", "CronJob", "Job", "StatefulSet",
  "HorizontalPodAutoscaler", "Deployment", "ReplicaSet", "ReplicationController", "Pod", "DaemonSet",
  "RoleBindingList", "RoleBinding", "RoleList", "Role", "ClusterRoleBindingList", "ClusterRoleBinding",
  "ClusterRoleList", "ClusterRole", "CustomResourceDefinition", "PersistentVolumeClaim", "PersistentVolume",
  "StorageClass", "ConfigMap", "SecretList", "Secret", "ServiceAccount", "PodDisruptionBudget",
  "PodSecurityPolicy", "LimitRange", "ResourceQuota", "NetworkPolicy", "Namespace", "PriorityClass",
];

export type HookEvent =
  | "pre-install" | "post-install" | "pre-delete" | "post-delete" | "pre-upgrade"
  | "post-upgrade" | "pre-rollback" | "post-rollback" | "test";

const hookEvents: Record<string, HookEvent> = {
  "pre-install": "pre-install",
  "post-install": "post-install",
  "pre-delete": "pre-delete",
  "post-delete": "post-delete",
  "pre-upgrade": "pre-upgrade",
  "post-upgrade": "post-upgrade",
  "pre-rollback": "pre-rollback",
  "post-rollback": "post-rollback",
  test: "test",
  // helm 2's name for test hooks, still accepted
  "test-success": "test",
};

export interface ManifestHead {
  apiVersion?: string;
  kind?: string;
  name?: string;
  annotations?: Record<string, string>;
}

export interface Manifest {
  /** Template path, e.g. "mychart/templates/deployment.yaml". */
  name: string;
  content: string;
  head: ManifestHead;
}

/** release.Hook without its run-time state. */
export interface Hook {
  name: string;
  kind: string;
  path: string;
  manifest: string;
  events: HookEvent[];
  weight: number;
  deletePolicies: string[];
}

export class ManifestParseError extends Error {
  override name = "ManifestParseError";
  readonly userFacing = true;
}

/** Go's \s: [\t\n\f\r ] (JS's is wider). */
function goSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}

/**
 * releaseutil.SplitManifests, as an ordered list: the text split on helm's
 * separator `(?:^|\s*\n)---\s*` (RE2, leftmost-first), empty parts dropped.
 * Written as a scan: the regular expression backtracks over every run of
 * blanks, which made large charts' output quadratic.
 */
export function splitManifests(bigFile: string): string[] {
  const text = goTrimSpace(bigFile);
  const out: string[] = [];
  const push = (d: string) => {
    if (d !== "") out.push(goTrimSpace(d));
  };
  let from = 0;
  let searchAt = 0;
  for (;;) {
    const dash = text.indexOf("---", searchAt);
    if (dash === -1) break;
    searchAt = dash + 1;
    let start: number;
    if (dash === 0) start = 0;
    else if (text.charCodeAt(dash - 1) === 10 && dash - 1 >= from) {
      // Leftmost: the match begins where the run of blanks ending in this newline begins.
      start = dash - 1;
      while (start > from && goSpace(text.charCodeAt(start - 1))) start--;
    } else continue;
    let end = dash + 3;
    while (end < text.length && goSpace(text.charCodeAt(end))) end++;
    push(text.slice(from, start));
    from = end;
    searchAt = end;
  }
  push(text.slice(from));
  return out;
}

/** Unicode white space as Go's unicode.IsSpace defines it. */
function isGoUnicodeSpace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) || c === 32 || c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

/** strings.TrimSpace: Unicode white space, as Go defines it. */
export function goTrimSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isGoUnicodeSpace(s.charCodeAt(a))) a++;
  while (b > a && isGoUnicodeSpace(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

function baseName(p: string): string {
  const i = p.lastIndexOf("/");
  return i < 0 ? p : p.slice(i + 1);
}

/**
 * releaseutil's SimpleHead: helm's errors for documents that are not YAML
 * maps. (parseYaml reads plain block YAML in one pass, see yaml/fast.ts.)
 */
export function readHead(doc: string, path: string): ManifestHead {
  let parsed: unknown;
  try {
    parsed = parseYaml(doc);
  } catch (err) {
    throw new ManifestParseError(`YAML parse error on ${path}: ${(err as Error).message}`, { cause: err });
  }
  const head: ManifestHead = {};
  if (parsed === null || parsed === undefined) return head;
  if (typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new ManifestParseError(
      `YAML parse error on ${path}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(parsed)} into Go value of type releaseutil.SimpleHead`,
    );
  }
  const o = parsed as Record<string, unknown>;
  if (typeof o.apiVersion === "string") head.apiVersion = o.apiVersion;
  if (typeof o.kind === "string") head.kind = o.kind;
  const md = o.metadata;
  if (md && typeof md === "object" && !Array.isArray(md)) {
    const m = md as Record<string, unknown>;
    if (typeof m.name === "string") head.name = m.name;
    if (m.annotations && typeof m.annotations === "object") {
      const ann: Record<string, string> = {};
      for (const [k, v] of Object.entries(m.annotations as Record<string, unknown>)) {
        if (typeof v !== "string" && v !== null) {
          throw new ManifestParseError(
            `YAML parse error on ${path}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(v)} into Go struct field .metadata.annotations of type string`,
          );
        }
        ann[k] = v ?? "";
      }
      head.annotations = ann;
    }
  }
  return head;
}

function jsonKind(v: unknown): string {
  if (typeof v === "string") return "string";
  if (typeof v === "number") return "number";
  if (typeof v === "boolean") return "bool";
  if (Array.isArray(v)) return "array";
  return "object";
}

export interface SortedManifests {
  hooks: Hook[];
  manifests: Manifest[];
}

/** releaseutil.SortManifests: files by path, documents in file order, then by kind. */
export function sortManifests(files: Map<string, string>, ordering: readonly string[] = installOrder): SortedManifests {
  const hooks: Hook[] = [];
  const manifests: Manifest[] = [];
  const paths = [...files.keys()].sort(compareBytes);
  for (const path of paths) {
    const content = files.get(path)!;
    if (baseName(path).startsWith("_")) continue;
    if (goTrimSpace(content) === "") continue;
    for (const doc of splitManifests(content)) {
      const head = readHead(doc, path);
      const hookAnn = head.annotations?.["helm.sh/hook"];
      if (hookAnn === undefined) {
        manifests.push({ name: path, content: doc, head });
        continue;
      }
      const events: HookEvent[] = [];
      let unknown = false;
      for (const t of hookAnn.split(",")) {
        const e = hookEvents[t.trim().toLowerCase()];
        if (!e) {
          unknown = true;
          break;
        }
        events.push(e);
      }
      if (unknown) continue;
      const weight = goAtoi(head.annotations?.["helm.sh/hook-weight"] ?? "");
      const policies = head.annotations?.["helm.sh/hook-delete-policy"];
      hooks.push({
        name: head.name ?? "",
        kind: head.kind ?? "",
        path,
        manifest: doc,
        events,
        weight,
        deletePolicies: policies === undefined ? [] : policies.split(",").map((p) => p.trim().toLowerCase()),
      });
    }
  }
  return { hooks: sortByKind(hooks, (h) => h.kind, ordering), manifests: sortByKind(manifests, (m) => m.head.kind ?? "", ordering) };
}

/** strconv.Atoi, 0 on any error (as calculateHookWeight). */
function goAtoi(s: string): number {
  if (!/^[+-]?\d+$/.test(s)) return 0;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : 0;
}

export function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Stable sort by kind: known kinds by the ordering, unknown ones after, by name. */
export function sortByKind<T>(items: T[], kindOf: (t: T) => string, ordering: readonly string[]): T[] {
  const rank = new Map(ordering.map((k, i) => [k, i]));
  return items
    .map((item, i) => ({ item, i, kind: kindOf(item) }))
    .sort((a, b) => {
      const ra = rank.get(a.kind);
      const rb = rank.get(b.kind);
      if (ra === undefined && rb === undefined) {
        if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
        return a.i - b.i;
      }
      if (ra === undefined) return 1;
      if (rb === undefined) return -1;
      return ra - rb || a.i - b.i;
    })
    .map((x) => x.item);
}
