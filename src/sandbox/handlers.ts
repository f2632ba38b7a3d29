// The verbs on resource URLs: get, list, watch, create, update, patch,
// delete, deletecollection, and the status and scale subresources.
import type { IncomingMessage, ServerResponse } from "node:http";
import { parse as parseYaml } from "yaml";
import type { Api, PatchType, WriteOptions } from "./api.js";
import { badRequest, methodNotAllowed, notFound, unsupportedMediaType } from "./errors.js";
import type { Collector, DeleteOptions, Propagation } from "./gc.js";
import { decodeProtobuf } from "./protobuf.js";
import { apiVersionOf, storageKey, type ResourceType } from "./kinds.js";
import { sendJson } from "./respond.js";
import type { ResourceRoute } from "./route.js";
import { fieldMatcher, labelMatcher, type Matcher } from "./selectors.js";
import { toTable, type IncludeObject } from "./tables.js";
import { checkFields } from "./strict.js";
import { serveWatch } from "./watch.js";

export interface HandlerContext {
  api: Api;
  gc: Collector;
}

const PATCH_TYPES: Record<string, PatchType> = {
  "application/json-patch+json": "json",
  "application/merge-patch+json": "merge",
  "application/strategic-merge-patch+json": "strategic",
  "application/apply-patch+yaml": "apply",
  "application/apply-patch+cbor": "apply",
};

export function verbOf(method: string, route: ResourceRoute, q: URLSearchParams): string {
  switch (method) {
    case "GET":
      if (route.watchPrefix || q.get("watch") === "true" || q.get("watch") === "1") return "watch";
      return route.name ? "get" : "list";
    case "POST":
      return "create";
    case "PUT":
      return "update";
    case "PATCH":
      return "patch";
    case "DELETE":
      return route.name ? "delete" : "deletecollection";
    default:
      return method.toLowerCase();
  }
}

function asTable(accept: string | undefined): boolean {
  return !!accept && /as=Table/.test(accept.split(",")[0] ?? "");
}

function asPartial(accept: string | undefined): boolean {
  return !!accept && /as=PartialObjectMetadata/.test(accept.split(",")[0] ?? "");
}

function parseBody(body: Buffer, contentType: string): any {
  if (contentType.includes("protobuf") && body.length > 0) return decodeProtobuf(body, contentType);
  const text = body.toString("utf8");
  if (text.trim() === "") return undefined;
  try {
    if (contentType.includes("yaml")) return parseYaml(text);
    return JSON.parse(text);
  } catch (err) {
    throw badRequest(`the body of the request could not be decoded: ${(err as Error).message}`);
  }
}

function writeOptions(q: URLSearchParams, req: IncomingMessage, subresource?: string): WriteOptions {
  const dry = q.getAll("dryRun");
  if (dry.some((d) => d !== "All")) throw badRequest(`Invalid dryRun value: ${dry.join(",")}; only "All" is supported`);
  const ua = req.headers["user-agent"] ?? "";
  const force = q.get("force");
  return {
    dryRun: dry.includes("All"),
    fieldManager: q.get("fieldManager") || (ua ? ua.split("/")[0] : "unknown"),
    subresource,
    force: force === "true" || force === "1",
  };
}

/** Objects keep the apiVersion they were written with; reads answer in the requested version. */
function inVersion(rt: ResourceType, obj: any): any {
  const v = apiVersionOf(rt);
  return obj.apiVersion === v ? obj : { ...obj, apiVersion: v };
}

function encodeContinue(rv: number, key: string): string {
  return Buffer.from(JSON.stringify({ v: "meta.k8s.io/v1", rv, start: key })).toString("base64");
}

function decodeContinue(token: string): { rv: number; start: string } {
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64").toString("utf8"));
    if (typeof parsed.start === "string") return parsed;
  } catch {
    // fall through to the error below
  }
  throw badRequest("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
}

function scaleOf(obj: any): any {
  const sel = obj.spec?.selector?.matchLabels ?? obj.spec?.selector ?? {};
  return {
    kind: "Scale",
    apiVersion: "autoscaling/v1",
    metadata: {
      name: obj.metadata.name,
      namespace: obj.metadata.namespace,
      uid: obj.metadata.uid,
      resourceVersion: obj.metadata.resourceVersion,
      creationTimestamp: obj.metadata.creationTimestamp,
    },
    spec: { replicas: obj.spec?.replicas ?? 0 },
    status: {
      replicas: obj.status?.replicas ?? 0,
      selector: Object.entries(sel).map(([k, v]) => `${k}=${v}`).join(","),
    },
  };
}

export function handleResource(
  ctx: HandlerContext,
  req: IncomingMessage,
  res: ServerResponse,
  route: ResourceRoute,
  q: URLSearchParams,
  bodyText: Buffer,
): unknown {
  const { api } = ctx;
  const { rt, namespace: ns, name, subresource } = route;
  const verb = verbOf(req.method ?? "GET", route, q);
  const accept = req.headers.accept;
  const contentType = String(req.headers["content-type"] ?? "application/json").split(";")[0].trim();
  if (rt.verbs && !rt.verbs.includes(verb)) throw methodNotAllowed();
  if (subresource === "log" && verb !== "get") throw methodNotAllowed();
  if (subresource && !(rt.subresources as string[]).includes(subresource) && !(rt.kind === "Namespace" && subresource === "finalize")) {
    throw notFound(`${rt.resource}/${subresource}`, rt.group, name ?? "");
  }
  const include = (q.get("includeObject") as IncludeObject) || "Metadata";

  switch (verb) {
    case "get": {
      const obj = api.get(rt, ns, name!);
      if (subresource === "scale") return sendJson(res, 200, scaleOf(obj));
      if (subresource === "log") return podLog(res, obj, q.get("container"));
      if (asTable(accept)) return sendJson(res, 200, toTable(rt, [inVersion(rt, obj)], include, { resourceVersion: obj.metadata.resourceVersion }));
      if (asPartial(accept)) return sendJson(res, 200, { kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: obj.metadata });
      if (obj.apiVersion === apiVersionOf(rt)) return sendJson(res, 200, api.store.jsonOf(storageKey(rt), obj));
      return sendJson(res, 200, inVersion(rt, obj));
    }
    case "list":
      return list(ctx, res, rt, ns, q, accept, include);
    case "watch": {
      const matchers = selectors(q);
      if (route.name) matchers.push((o) => o.metadata.name === route.name);
      return serveWatch(api.store, req, res, {
        rt,
        namespace: ns,
        matchers,
        resourceVersion: q.get("resourceVersion") ?? undefined,
        bookmarks: q.get("allowWatchBookmarks") === "true",
        sendInitialEvents: q.get("sendInitialEvents") === "true",
        timeoutSeconds: q.has("timeoutSeconds") ? Number(q.get("timeoutSeconds")) : undefined,
        table: asTable(accept) ? include : undefined,
      });
    }
    case "create": {
      if (name) throw methodNotAllowed();
      const body = parseBody(bodyText, contentType);
      if (rt.verbs) return sendJson(res, 201, review(rt, body));
      warn(res, checkFields(rt, body, q.get("fieldValidation")));
      const created = api.create(rt, ns, body, writeOptions(q, req));
      return sendJson(res, 201, inVersion(rt, created));
    }
    case "update": {
      if (!name) throw methodNotAllowed();
      const body = parseBody(bodyText, contentType);
      const opts = writeOptions(q, req, subresource);
      if (!subresource) warn(res, checkFields(rt, body, q.get("fieldValidation")));
      if (subresource === "scale") {
        const obj = api.get(rt, ns, name);
        const next = { ...structuredClone(obj), spec: { ...obj.spec, replicas: body?.spec?.replicas } };
        if (body?.metadata?.resourceVersion) next.metadata.resourceVersion = body.metadata.resourceVersion;
        return sendJson(res, 200, scaleOf(api.update(rt, ns, name, next, { ...opts, subresource: undefined })));
      }
      if (subresource === "finalize") {
        const obj = api.get(rt, ns, name);
        const next = { ...structuredClone(obj), spec: { ...obj.spec, finalizers: body?.spec?.finalizers ?? [] } };
        return sendJson(res, 200, api.update(rt, ns, name, next, { ...opts, subresource: undefined }));
      }
      return sendJson(res, 200, inVersion(rt, api.update(rt, ns, name, body, opts)));
    }
    case "patch": {
      if (!name) throw methodNotAllowed();
      const type = PATCH_TYPES[contentType];
      if (!type) {
        throw unsupportedMediaType(contentType, Object.keys(PATCH_TYPES).filter((t) => !t.endsWith("cbor")));
      }
      const body = parseBody(bodyText, contentType);
      if (type === "apply" && !q.get("fieldManager")) {
        throw badRequest("PATCH, application/apply-patch+yaml: fieldManager is required for apply requests");
      }
      const opts = writeOptions(q, req, subresource);
      if (subresource === "scale") {
        const obj = api.get(rt, ns, name);
        const replicas = body?.spec?.replicas ?? (Array.isArray(body) ? body.find((o) => o.path === "/spec/replicas")?.value : undefined);
        const next = { ...structuredClone(obj), spec: { ...obj.spec, replicas } };
        return sendJson(res, 200, scaleOf(api.update(rt, ns, name, next, { ...opts, subresource: undefined })));
      }
      if (type !== "json" && !subresource) warn(res, checkFields(rt, stripDirectives(body), q.get("fieldValidation")));
      const existed = !!api.store.get(storageKey(rt), rt.namespaced ? ns : undefined, name);
      const out = api.patch(rt, ns, name, type, body, opts);
      return sendJson(res, type === "apply" && !existed ? 201 : 200, inVersion(rt, out));
    }
    case "delete": {
      const opts = deleteOptions(q, parseBody(bodyText, contentType));
      const out = ctx.gc.delete(rt, ns, name!, opts);
      return sendJson(res, 200, inVersion(rt, out));
    }
    case "deletecollection": {
      const opts = deleteOptions(q, parseBody(bodyText, contentType));
      const matchers = selectors(q);
      const items: any[] = [];
      for (const obj of api.store.list(storageKey(rt), ns)) {
        if (!matchers.every((m) => m(obj))) continue;
        try {
          items.push(inVersion(rt, ctx.gc.delete(rt, obj.metadata.namespace, obj.metadata.name, opts)));
        } catch {
          // Deleted by the collector while we iterated.
        }
      }
      return sendJson(res, 200, { kind: `${rt.kind}List`, apiVersion: apiVersionOf(rt), metadata: { resourceVersion: String(api.store.rv) }, items });
    }
    default:
      throw methodNotAllowed();
  }
}

function warn(res: ServerResponse, warnings: string[]): void {
  if (warnings.length) res.setHeader("Warning", warnings.map((w) => `299 - ${JSON.stringify(w)}`));
}

/** Strategic merge directives are not fields. */
function stripDirectives(body: any): any {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return body;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) if (!k.startsWith("$")) out[k] = v;
  if (out.metadata && typeof out.metadata === "object") out.metadata = stripDirectives(out.metadata);
  return out;
}

function selectors(q: URLSearchParams): Matcher[] {
  return [labelMatcher(q.get("labelSelector")), fieldMatcher(q.get("fieldSelector"))].filter((m): m is Matcher => !!m);
}

function list(ctx: HandlerContext, res: ServerResponse, rt: ResourceType, ns: string | undefined, q: URLSearchParams, accept: string | undefined, include: IncludeObject): unknown {
  const store = ctx.api.store;
  const skey = storageKey(rt);
  const matchers = selectors(q);
  const limit = Number(q.get("limit") ?? 0);
  let start = "";
  let rv = store.rv;
  const token = q.get("continue");
  if (token) ({ start, rv } = decodeContinue(token));
  const all = store.list(skey, ns);
  const keyOf = (o: any) => `${o.metadata.namespace ?? ""}/${o.metadata.name}`;
  let items = all.filter((o) => (!start || keyOf(o) > start) && matchers.every((m) => m(o)));
  const metadata: Record<string, unknown> = { resourceVersion: String(rv) };
  if (limit > 0 && items.length > limit) {
    metadata.remainingItemCount = items.length - limit;
    items = items.slice(0, limit);
    metadata.continue = encodeContinue(rv, keyOf(items[items.length - 1]));
  }
  if (asTable(accept)) return sendJson(res, 200, toTable(rt, items.map((o) => inVersion(rt, o)), include, metadata));
  const version = apiVersionOf(rt);
  if (asPartial(accept)) {
    const partial = items.map((o) => ({ kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: o.metadata }));
    return sendJson(res, 200, { kind: "PartialObjectMetadataList", apiVersion: "meta.k8s.io/v1", metadata, items: partial });
  }
  // Lists are assembled from each object's cached serialisation.
  const parts = items.map((o) => (o.apiVersion === version ? store.jsonOf(skey, o) : JSON.stringify({ ...o, apiVersion: version })));
  const text = `{"kind":"${rt.kind}List","apiVersion":"${version}","metadata":${JSON.stringify(metadata)},"items":[${parts.join(",")}]}`;
  sendJson(res, 200, text);
}

function deleteOptions(q: URLSearchParams, body: any): DeleteOptions {
  let policy = (q.get("propagationPolicy") ?? body?.propagationPolicy) as Propagation | undefined;
  const orphan = q.get("orphanDependents") ?? body?.orphanDependents;
  if (!policy && (orphan === true || orphan === "true")) policy = "Orphan";
  if (policy && !["Background", "Foreground", "Orphan"].includes(policy)) {
    throw badRequest(`DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan", "nil"`);
  }
  const dry = [...q.getAll("dryRun"), ...(body?.dryRun ?? [])];
  return { propagationPolicy: policy, dryRun: dry.includes("All"), preconditions: body?.preconditions };
}

/**
 * The sandbox runs no containers, so a started container's log is empty; the
 * refusals for unknown or unstarted containers are the kubelet's.
 */
function podLog(res: ServerResponse, pod: any, container: string | null): unknown {
  const name = pod.metadata.name;
  const names: string[] = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map((c: any) => c.name);
  if (!container) {
    if ((pod.spec?.containers ?? []).length !== 1) {
      throw badRequest(`a container name must be specified for pod ${name}, choose one of: [${names.join(" ")}]`);
    }
    container = pod.spec.containers[0].name as string;
  }
  if (!names.includes(container)) throw badRequest(`container ${container} is not valid for pod ${name}`);
  const statuses: any[] = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
  const st = statuses.find((c) => c.name === container);
  const waiting = st?.state?.waiting?.reason ?? (st ? undefined : "ContainerCreating");
  if (waiting && !st?.lastState?.terminated) {
    throw badRequest(`container "${container}" in pod "${name}" is waiting to start: ${waiting}`);
  }
  res.writeHead(200, { "Content-Type": "text/plain", "Content-Length": 0 });
  res.end();
  return undefined;
}

/** Access reviews: the sandbox has no authorization, so everything is allowed. */
function review(rt: ResourceType, body: any): any {
  const out = { ...(body ?? {}), kind: rt.kind, apiVersion: apiVersionOf(rt), metadata: { creationTimestamp: null } };
  if (rt.kind === "SelfSubjectAccessReview") out.status = { allowed: true, reason: "the sandbox authorizes every request" };
  else if (rt.kind === "SelfSubjectRulesReview") {
    out.status = { resourceRules: [{ verbs: ["*"], apiGroups: ["*"], resources: ["*"] }], nonResourceRules: [{ verbs: ["*"], nonResourceURLs: ["*"] }], incomplete: false };
  } else out.status = { userInfo: { username: "sandbox-admin", groups: ["system:masters", "system:authenticated"] } };
  return out;
}
