// The client-side three-way merge helm 3 uses on upgrade: what the chart
// changed (old manifest -> new manifest) is applied to the live object, so
// fields someone else added survive. Maps merge key by key; lists are
// compared whole (for built-in kinds the server merges them by their keys
// when the patch is sent as a strategic merge patch).
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isObj(v: unknown): v is { [k: string]: Json } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b) || deepEqual(a, b);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

/**
 * A merge patch taking `current` to `modified`, plus deletions of what
 * `original` had and `modified` dropped. Keys only `current` has are left
 * alone. Returns undefined when nothing needs to change.
 */
export function threeWayPatch(original: unknown, modified: unknown, current: unknown): { [k: string]: Json } | undefined {
  if (!isObj(modified)) return undefined;
  const patch: { [k: string]: Json } = {};
  const orig = isObj(original) ? original : {};
  const cur = isObj(current) ? current : {};
  for (const k of Object.keys(orig)) if (!(k in modified) && k in cur) patch[k] = null;
  for (const [k, m] of Object.entries(modified)) {
    const c = cur[k];
    if (isObj(m) && isObj(c)) {
      const sub = threeWayPatch(orig[k], m, c);
      if (sub) patch[k] = sub;
    } else if (!equal(m, c)) {
      patch[k] = m;
    }
  }
  return Object.keys(patch).length > 0 ? patch : undefined;
}

/** Groups whose kinds accept strategic merge patches (custom resources do not). */
const builtinGroups = new Set([
  "", "apps", "batch", "autoscaling", "policy", "networking.k8s.io", "rbac.authorization.k8s.io", "storage.k8s.io",
  "scheduling.k8s.io", "coordination.k8s.io", "discovery.k8s.io", "node.k8s.io", "admissionregistration.k8s.io",
  "certificates.k8s.io", "events.k8s.io",
]);

export function acceptsStrategicMerge(apiVersion: string): boolean {
  return builtinGroups.has(apiVersion.includes("/") ? apiVersion.split("/")[0]! : "");
}
