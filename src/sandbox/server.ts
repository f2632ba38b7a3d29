// The HTTP front: non-resource endpoints (version, health, discovery,
// OpenAPI, the fault admin API) and dispatch of resource URLs to handlers.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Api } from "./api.js";
import { aggregated, apiGroup, apiGroupList, apiResourceList, apiVersions, wantsAggregated } from "./discovery.js";
import { badRequest, methodNotAllowed, pageNotFound } from "./errors.js";
import { faultError, type Faults } from "./faults.js";
import type { Collector } from "./gc.js";
import { handleResource, verbOf } from "./handlers.js";
import type { KindRegistry } from "./kinds.js";
import { openapiV2, openapiV3GroupVersion, openapiV3Root } from "./openapi.js";
import { sendError, sendJson } from "./respond.js";
import { parseResourcePath } from "./route.js";

export const KUBE_VERSION = { major: "1", minor: "32", gitVersion: "v1.32.4" };

export interface ServerContext {
  api: Api;
  gc: Collector;
  kinds: KindRegistry;
  faults: Faults;
  hostPort: () => string;
  requests?: RequestTally;
}

/** Every API request the server received (the /admin endpoints aside), by HTTP method: how chatty a client was. */
export class RequestTally {
  total = 0;
  byMethod: Record<string, number> = {};
  add(method: string): void {
    this.total++;
    this.byMethod[method] = (this.byMethod[method] ?? 0) + 1;
  }
  reset(): void {
    this.total = 0;
    this.byMethod = {};
  }
}

function versionInfo(): any {
  return {
    ...KUBE_VERSION,
    gitCommit: "59526cd4867447956156ae3a602fcbac10a2c335",
    gitTreeState: "clean",
    buildDate: "2025-04-22T16:02:27Z",
    goVersion: "go1.23.6",
    compiler: "gc",
    platform: "linux/amd64",
  };
}

const MAX_BODY = 16 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) reject(new Error("request entity too large"));
      else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export function createHandler(ctx: ServerContext): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(ctx, req, res).catch((err) => sendError(res, err));
  };
}

async function handle(ctx: ServerContext, req: IncomingMessage, res: ServerResponse): Promise<unknown> {
  const url = new URL(req.url ?? "/", "http://sandbox");
  const segments = url.pathname.split("/").filter((s) => s !== "");
  const method = req.method ?? "GET";
  const body = method === "GET" || method === "HEAD" ? Buffer.alloc(0) : await readBody(req);
  if (segments[0] === "admin") return admin(ctx, method, segments, body, res);
  ctx.requests?.add(method);
  if (segments.length === 0) return sendJson(res, 200, { paths: ["/api", "/api/v1", "/apis", "/healthz", "/livez", "/openapi/v2", "/openapi/v3", "/readyz", "/version"] });
  switch (segments[0]) {
    case "version":
      return sendJson(res, 200, versionInfo());
    case "healthz":
    case "readyz":
    case "livez":
      res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8" });
      res.end(url.searchParams.has("verbose") ? `[+]ping ok\n${segments[0]} check passed\n` : "ok");
      return;
    case "openapi":
      return openapi(ctx, req, res, segments);
  }
  const accept = req.headers.accept;
  if (segments[0] === "api" && segments.length === 1) return discovery(ctx, res, accept, true);
  if (segments[0] === "apis" && segments.length === 1) return discovery(ctx, res, accept, false);
  if (segments[0] === "apis" && segments.length === 2) {
    const g = apiGroup(ctx.kinds, segments[1]);
    if (!g) throw pageNotFound();
    return sendJson(res, 200, g);
  }
  const isGV = (segments[0] === "api" && segments.length === 2) || (segments[0] === "apis" && segments.length === 3);
  if (isGV) {
    const [group, version] = segments[0] === "api" ? ["", segments[1]] : [segments[1], segments[2]];
    const list = apiResourceList(ctx.kinds, group, version);
    if (!list) throw pageNotFound();
    return sendJson(res, 200, list);
  }
  const route = parseResourcePath(ctx.kinds, segments);
  if (!route || "unknownGroupVersion" in route || "unknownResource" in route) throw pageNotFound();
  const key = {
    verb: verbOf(method, route, url.searchParams),
    resource: route.rt.resource + (route.subresource ? `/${route.subresource}` : ""),
    namespace: route.namespace,
    name: route.name,
  };
  const fault = ctx.faults.check(key);
  if (fault) {
    if (fault.fail === "timeout") await new Promise((r) => setTimeout(r, fault.delayMs ?? 60_000));
    throw faultError(fault, key);
  }
  handleResource(ctx, req, res, route, url.searchParams, body);
}

function discovery(ctx: ServerContext, res: ServerResponse, accept: string | undefined, core: boolean): unknown {
  const version = wantsAggregated(accept);
  if (version) {
    const body = aggregated(ctx.kinds, core, `apidiscovery.k8s.io/${version}`);
    res.setHeader("Vary", "Accept");
    return sendJson(res, 200, body, `application/json;g=apidiscovery.k8s.io;v=${version};as=APIGroupDiscoveryList`);
  }
  return sendJson(res, 200, core ? apiVersions(ctx.hostPort()) : apiGroupList(ctx.kinds));
}

function openapi(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, segments: string[]): unknown {
  const accept = req.headers.accept ?? "";
  if (segments[1] === "v2" && segments.length === 2) {
    if (accept.includes("protobuf") && !accept.includes("application/json")) {
      res.writeHead(200, { "Content-Type": "application/com.github.proto-openapi.spec.v2@v1.0+protobuf", "Content-Length": 0 });
      res.end();
      return;
    }
    return sendJson(res, 200, openapiV2(ctx.kinds));
  }
  if (segments[1] === "v3") {
    if (segments.length === 2) return sendJson(res, 200, openapiV3Root(ctx.kinds));
    const doc = openapiV3GroupVersion(ctx.kinds, segments.slice(2).join("/"));
    if (doc) return sendJson(res, 200, doc);
  }
  throw pageNotFound();
}

function admin(ctx: ServerContext, method: string, segments: string[], body: Buffer, res: ServerResponse): unknown {
  if (segments[1] !== "faults" || segments.length !== 2) throw pageNotFound();
  if (method === "GET") return sendJson(res, 200, { faults: ctx.faults.list() });
  if (method === "DELETE") {
    ctx.faults.clear();
    return sendJson(res, 200, { faults: [] });
  }
  if (method !== "POST") throw methodNotAllowed();
  let rule: any;
  try {
    rule = JSON.parse(body.toString("utf8"));
  } catch {
    throw badRequest("fault rule must be a JSON object");
  }
  for (const r of Array.isArray(rule) ? rule : [rule]) ctx.faults.add(r);
  sendJson(res, 201, { faults: ctx.faults.list() });
}
