// OpenAPI documents, enough for client validation to pass. kubectl and helm
// read /openapi/v3 to learn that the server validates fields itself
// (`fieldValidation` on PATCH), so they skip client-side schema checks; PATCH
// operations do not advertise strategic merge, so kubectl computes its
// three-way patches from its built-in types. /openapi/v2 is requested as
// protobuf: an empty message is a valid (empty) document.
import { type KindRegistry, type ResourceType, apiVersionOf } from "./kinds.js";

const PATCH_TYPES = ["application/json-patch+json", "application/merge-patch+json", "application/apply-patch+yaml"];
const QUERY = ["dryRun", "fieldManager", "fieldValidation", "force", "pretty"];

function definitionName(rt: ResourceType): string {
  const g = rt.group === "" ? "core" : rt.group.replace(/\.k8s\.io$/, "").split(".").reverse().join(".");
  return rt.crd ? `${rt.group.split(".").reverse().join(".")}.${rt.version}.${rt.kind}` : `io.k8s.api.${g}.${rt.version}.${rt.kind}`;
}

function gvk(rt: ResourceType): { group: string; version: string; kind: string } {
  return { group: rt.group, version: rt.version, kind: rt.kind };
}

function itemPath(rt: ResourceType): string {
  const base = rt.group ? `/apis/${rt.group}/${rt.version}` : `/api/${rt.version}`;
  return rt.namespaced ? `${base}/namespaces/{namespace}/${rt.resource}/{name}` : `${base}/${rt.resource}/{name}`;
}

function gvPath(rt: ResourceType): string {
  return rt.group ? `apis/${rt.group}/${rt.version}` : `api/${rt.version}`;
}

function objectSchema(rt: ResourceType): any {
  return {
    type: "object",
    description: `${rt.kind} (${apiVersionOf(rt)})`,
    properties: {
      apiVersion: { type: "string" },
      kind: { type: "string" },
      metadata: { type: "object" },
    },
    "x-kubernetes-group-version-kind": [gvk(rt)],
  };
}

export function openapiV2(kinds: KindRegistry): any {
  const definitions: Record<string, any> = {};
  const paths: Record<string, any> = {};
  for (const rt of kinds.all()) {
    if (rt.verbs) continue;
    definitions[definitionName(rt)] = objectSchema(rt);
    paths[itemPath(rt)] = {
      patch: {
        consumes: PATCH_TYPES,
        produces: ["application/json"],
        parameters: QUERY.map((name) => ({ name, in: "query", type: "string", uniqueItems: true })),
        responses: { "200": { description: "OK", schema: { $ref: `#/definitions/${definitionName(rt)}` } } },
        "x-kubernetes-action": "patch",
        "x-kubernetes-group-version-kind": gvk(rt),
      },
    };
  }
  return { swagger: "2.0", info: { title: "Kubernetes", version: "v1.32.4" }, paths, definitions };
}

export function openapiV3Root(kinds: KindRegistry): any {
  const paths: Record<string, any> = {};
  for (const rt of kinds.all()) {
    const p = gvPath(rt);
    paths[p] = { serverRelativeURL: `/openapi/v3/${p}` };
  }
  return { paths };
}

export function openapiV3GroupVersion(kinds: KindRegistry, gv: string): any | undefined {
  const types = kinds.all().filter((rt) => gvPath(rt) === gv && !rt.verbs);
  if (types.length === 0) return undefined;
  const paths: Record<string, any> = {};
  const schemas: Record<string, any> = {};
  for (const rt of types) {
    const ref = { $ref: `#/components/schemas/${definitionName(rt)}` };
    schemas[definitionName(rt)] = objectSchema(rt);
    paths[itemPath(rt)] = {
      get: { responses: { "200": { description: "OK", content: { "application/json": { schema: ref } } } }, "x-kubernetes-action": "get", "x-kubernetes-group-version-kind": gvk(rt) },
      patch: {
        parameters: QUERY.map((name) => ({ name, in: "query", schema: { type: "string", uniqueItems: true } })),
        requestBody: { content: Object.fromEntries(PATCH_TYPES.map((t) => [t, { schema: { type: "object" } }])), required: true },
        responses: { "200": { description: "OK", content: { "application/json": { schema: ref } } } },
        "x-kubernetes-action": "patch",
        "x-kubernetes-group-version-kind": gvk(rt),
      },
    };
  }
  return { openapi: "3.0.0", info: { title: "Kubernetes", version: "v1.32.4" }, paths, components: { schemas } };
}
