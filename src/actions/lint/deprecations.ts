// helm lint's deprecated-API warning: an object whose apiVersion and kind name
// a Kubernetes type marked deprecated at or before the target release gets
// the apiserver's deprecation message.
import { deprecatedApiTable } from "./deprecated-apis.js";

interface Lifecycle {
  deprecated: [number, number];
  removed?: [number, number];
  replacement?: string;
}

/** The Kubernetes release helm v3.17.3 checks against without --kube-version (its client-go's). */
export const defaultDeprecationVersion: [number, number] = [1, 32];

let table: Map<string, Lifecycle> | undefined;

function lifecycles(): Map<string, Lifecycle> {
  if (table) return table;
  table = new Map();
  const release = (s: string) => s.split(".").map(Number) as [number, number];
  for (const line of deprecatedApiTable.split("\n")) {
    if (line === "") continue;
    const [gv, kind, dep, rem, repGv, repKind] = line.split(" ") as string[];
    table.set(`${gv} ${kind}`, {
      deprecated: release(dep!),
      removed: rem === "-" ? undefined : release(rem!),
      replacement: repGv ? `${repGv} ${repKind}` : undefined,
    });
  }
  return table;
}

/** schema.ParseGroupVersion + GroupVersion.String(); undefined for a malformed apiVersion. */
function groupVersion(apiVersion: string): string | undefined {
  const parts = apiVersion.split("/");
  if (parts.length === 1) return apiVersion;
  if (parts.length === 2) return parts[0] === "" ? parts[1] : apiVersion;
  return undefined;
}

/** The warning for a deprecated apiVersion/kind at release major.minor, or undefined. */
export function deprecationWarning(apiVersion: string, kind: string, at: [number, number] = defaultDeprecationVersion): string | undefined {
  if (apiVersion === "" || kind === "") return undefined;
  const gv = groupVersion(apiVersion);
  if (gv === undefined) return undefined;
  const lc = lifecycles().get(`${gv} ${kind}`);
  if (!lc) return undefined;
  const [dMaj, dMin] = lc.deprecated;
  const [maj, min] = at;
  // No version to compare with means "deprecated", as in the apiserver.
  if (!(maj === 0 && min === 0) && (dMaj > maj || (dMaj === maj && dMin > min))) return undefined;
  let msg = `${gv} ${kind} is deprecated in v${dMaj}.${dMin}+`;
  if (lc.removed) msg += `, unavailable in v${lc.removed[0]}.${lc.removed[1]}+`;
  if (lc.replacement) msg += `; use ${lc.replacement}`;
  return msg;
}
