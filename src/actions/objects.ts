// Manifests as objects: parsing, identity, and the ownership marks helm puts
// on everything a release owns.
import { splitManifests } from "../render/manifests.js";
import { parseYaml } from "../yaml/parse.js";
import type { KubeClient, KubeObject } from "../kube/index.js";
import { ActionError } from "./config.js";

export const RELEASE_NAME_ANNO = "meta.helm.sh/release-name";
export const RELEASE_NS_ANNO = "meta.helm.sh/release-namespace";
export const MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
export const RESOURCE_POLICY_ANNO = "helm.sh/resource-policy";

/**
 * A manifest stream -> objects, each document read as Kubernetes' decoder
 * (sigs.k8s.io/yaml: go-yaml v2, then JSON) reads it.
 */
export function parseObjects(manifest: string): KubeObject[] {
  const out: KubeObject[] = [];
  for (const text of splitManifests(manifest)) {
    let v: KubeObject | null;
    try {
      v = parseYaml(text) as KubeObject | null;
    } catch (err) {
      throw new ActionError(`unable to build kubernetes objects from release manifest: ${(err as Error).message}`, undefined, { cause: err });
    }
    if (!v || typeof v !== "object" || Array.isArray(v)) continue;
    if (!v.kind || !v.apiVersion) {
      throw new ActionError(`unable to build kubernetes objects from release manifest: error validating data: [apiVersion not set, kind not set]`);
    }
    v.metadata ??= { name: "" };
    out.push(v);
  }
  return out;
}

export function groupOf(apiVersion: string): string {
  return apiVersion.includes("/") ? apiVersion.split("/")[0]! : "";
}

/** Identity across versions: group, kind, namespace, name (helm compares resources this way). */
export function objectKey(o: KubeObject): string {
  return `${groupOf(o.apiVersion)}/${o.kind}/${o.metadata.namespace ?? ""}/${o.metadata.name}`;
}

/** Fills in the release namespace on namespaced objects that have none. */
export async function setNamespaces(kube: KubeClient, objs: KubeObject[], namespace: string): Promise<void> {
  for (const o of objs) {
    if (await kube.isNamespaced(o.apiVersion, o.kind)) o.metadata.namespace ||= namespace;
    else delete o.metadata.namespace;
  }
}

export function withOwnership(o: KubeObject, release: string, namespace: string): KubeObject {
  const copy = structuredClone(o);
  copy.metadata.labels = { ...(copy.metadata.labels ?? {}), [MANAGED_BY_LABEL]: "Helm" };
  copy.metadata.annotations = { ...(copy.metadata.annotations ?? {}), [RELEASE_NAME_ANNO]: release, [RELEASE_NS_ANNO]: namespace };
  return copy;
}

/** helm's checkOwnership message, or undefined when the object already belongs to the release. */
export function ownershipProblem(live: KubeObject, release: string, namespace: string): string | undefined {
  const errs: string[] = [];
  const labels = live.metadata.labels ?? {};
  const annos = live.metadata.annotations ?? {};
  const check = (kind: "label" | "annotation", map: Record<string, string>, key: string, want: string) => {
    if (!(key in map)) errs.push(`${kind} validation error: missing key "${key}": must be set to "${want}"`);
    else if (map[key] !== want) errs.push(`${kind} validation error: key "${key}" must equal "${want}": current value is "${map[key]}"`);
  };
  check("label", labels, MANAGED_BY_LABEL, "Helm");
  check("annotation", annos, RELEASE_NAME_ANNO, release);
  check("annotation", annos, RELEASE_NS_ANNO, namespace);
  if (errs.length === 0) return undefined;
  const where = live.metadata.namespace ? ` in namespace "${live.metadata.namespace}"` : "";
  return `${live.kind} "${live.metadata.name}"${where} exists and cannot be imported into the current release: invalid ownership metadata; ${errs.join("; ")}`;
}

export function keepPolicy(o: KubeObject): boolean {
  return (o.metadata.annotations?.[RESOURCE_POLICY_ANNO] ?? "").toLowerCase() === "keep";
}
