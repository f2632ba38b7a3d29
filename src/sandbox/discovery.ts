// Discovery documents: the legacy per-group-version form and the aggregated
// form (apidiscovery.k8s.io/v2) that kubectl 1.26+ asks for first.
import { ALL_VERBS, type KindRegistry, type ResourceType } from "./kinds.js";

const SUB_VERBS = ["get", "patch", "update"];
const subVerbs = (sub: string) => (sub === "log" ? ["get"] : SUB_VERBS);

function verbsOf(rt: ResourceType): string[] {
  return rt.verbs ?? ALL_VERBS;
}

function subKind(rt: ResourceType, sub: string): { group: string; version: string; kind: string } {
  if (sub === "scale") return { group: "autoscaling", version: "v1", kind: "Scale" };
  return { group: rt.group, version: rt.version, kind: rt.kind };
}

export function apiVersions(hostPort: string): any {
  return {
    kind: "APIVersions",
    versions: ["v1"],
    serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress: hostPort }],
  };
}

function orderedVersions(versions: Map<string, ResourceType[]>): string[] {
  const list = [...versions.keys()];
  const preferred = [...versions.values()].flat().find((rt) => rt.crd)?.crd?.storageVersion;
  return preferred && list.includes(preferred) ? [preferred, ...list.filter((v) => v !== preferred)] : list;
}

function groupEntry(name: string, versions: Map<string, ResourceType[]>): any {
  const ordered = orderedVersions(versions);
  const gv = (v: string) => ({ groupVersion: `${name}/${v}`, version: v });
  return { name, versions: ordered.map(gv), preferredVersion: gv(ordered[0]) };
}

export function apiGroupList(kinds: KindRegistry): any {
  const groups = [...kinds.groups()].filter(([g]) => g !== "").map(([g, v]) => groupEntry(g, v));
  return { kind: "APIGroupList", apiVersion: "v1", groups };
}

export function apiGroup(kinds: KindRegistry, group: string): any | undefined {
  const versions = kinds.groups().get(group);
  if (!versions || group === "") return undefined;
  return { kind: "APIGroup", apiVersion: "v1", ...groupEntry(group, versions) };
}

export function apiResourceList(kinds: KindRegistry, group: string, version: string): any | undefined {
  const list = kinds.groups().get(group)?.get(version);
  if (!list) return undefined;
  const resources: any[] = [];
  for (const rt of list) {
    const entry: any = { name: rt.resource, singularName: rt.singular, namespaced: rt.namespaced, kind: rt.kind, verbs: verbsOf(rt) };
    if (rt.shortNames.length) entry.shortNames = rt.shortNames;
    if (rt.categories.length) entry.categories = rt.categories;
    resources.push(entry);
    for (const sub of rt.subresources) {
      const k = subKind(rt, sub);
      const e: any = { name: `${rt.resource}/${sub}`, singularName: "", namespaced: rt.namespaced, kind: k.kind, verbs: subVerbs(sub) };
      if (sub === "scale") Object.assign(e, { group: k.group, version: k.version });
      resources.push(e);
    }
  }
  return { kind: "APIResourceList", apiVersion: "v1", groupVersion: group ? `${group}/${version}` : version, resources };
}

function aggregatedResource(rt: ResourceType): any {
  const entry: any = {
    resource: rt.resource,
    responseKind: { group: rt.group, version: rt.version, kind: rt.kind },
    scope: rt.namespaced ? "Namespaced" : "Cluster",
    singularResource: rt.singular,
    verbs: verbsOf(rt),
  };
  if (rt.shortNames.length) entry.shortNames = rt.shortNames;
  if (rt.categories.length) entry.categories = rt.categories;
  if (rt.subresources.length) {
    entry.subresources = rt.subresources.map((sub) => ({ subresource: sub, responseKind: subKind(rt, sub), verbs: subVerbs(sub) }));
  }
  return entry;
}

/** `core` selects /api (the legacy group) or /apis (every named group). */
export function aggregated(kinds: KindRegistry, core: boolean, apiVersion: string): any {
  const items: any[] = [];
  for (const [group, versions] of kinds.groups()) {
    if ((group === "") !== core) continue;
    items.push({
      metadata: group ? { name: group, creationTimestamp: null } : { creationTimestamp: null },
      versions: orderedVersions(versions).map((v) => ({
        version: v,
        resources: versions.get(v)!.map(aggregatedResource),
        freshness: "Current",
      })),
    });
  }
  return { kind: "APIGroupDiscoveryList", apiVersion, metadata: {}, items };
}

/** Which aggregated discovery version the Accept header asks for, if any. */
export function wantsAggregated(accept: string | undefined): string | undefined {
  if (!accept?.includes("as=APIGroupDiscoveryList")) return undefined;
  for (const part of accept.split(",")) {
    if (!part.includes("as=APIGroupDiscoveryList") || !part.includes("g=apidiscovery.k8s.io")) continue;
    if (part.includes("v=v2beta1")) return "v2beta1";
    if (/v=v2(;|$)/.test(part.replace(/\s/g, ""))) return "v2";
  }
  return undefined;
}
