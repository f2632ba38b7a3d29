// HTTP to the API server with node:http(s), bodies untouched (a typed
// serialiser would drop fields it does not know). Kubeconfigs that need an
// exec plugin, an auth provider or a proxy go through @kubernetes/client-node.
import { readFileSync } from "node:fs";
import { Agent as HttpAgent, type IncomingMessage, request as httpRequest } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { ClusterAccess } from "./config.js";

export class KubeApiError extends Error {
  override name = "KubeApiError";
  readonly userFacing = true;
  constructor(
    message: string,
    readonly status: number,
    readonly reason: string,
    readonly body: unknown,
  ) {
    super(message);
  }
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  contentType?: string;
  accept?: string;
  signal?: AbortSignal;
}

/** Counts every request, so benchmarks can report how chatty an operation was. */
export class RequestCounter {
  total = 0;
  byVerb: Record<string, number> = {};
  add(verb: string): void {
    this.total++;
    this.byVerb[verb] = (this.byVerb[verb] ?? 0) + 1;
  }
}

export const globalRequests = new RequestCounter();

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

interface RawResponse {
  status: number;
  text: string;
}

type Send = (method: Method, url: URL, headers: Record<string, string>, body: string | undefined, signal?: AbortSignal) => Promise<RawResponse>;

export class Transport {
  private readonly base: URL;
  private send?: Send;

  constructor(
    private readonly access: ClusterAccess,
    readonly counter: RequestCounter = globalRequests,
  ) {
    this.base = new URL(access.server);
  }

  async request<T = unknown>(method: Method, path: string, o: RequestOptions = {}): Promise<T> {
    const url = new URL(this.base.pathname.replace(/\/$/, "") + path, this.base);
    for (const [k, v] of Object.entries(o.query ?? {})) if (v !== undefined) url.searchParams.append(k, String(v));
    const headers: Record<string, string> = { Accept: o.accept ?? "application/json" };
    const body = o.body === undefined ? undefined : typeof o.body === "string" ? o.body : JSON.stringify(o.body);
    if (body !== undefined) headers["Content-Type"] = o.contentType ?? "application/json";
    let res: RawResponse;
    try {
      // Refusals of the kubeconfig (plain http without insecure-skip-tls-verify, a bad
      // client certificate) surface here, as helm reports them: the cluster is unreachable.
      this.send ??= this.access.delegate ? await delegatedSend(this.access.delegate) : nativeSend(this.access);
      this.counter.add(method);
      res = await this.send(method, url, headers, body, o.signal);
    } catch (err) {
      if (o.signal?.aborted) throw err;
      const verb = method.charAt(0) + method.slice(1).toLowerCase();
      // node-fetch repeats the URL ("request to URL failed, reason: ..."); keep the reason.
      const why = (err as Error).message.replace(/^request to \S+ failed, reason: /, "");
      throw new KubeApiError(`Kubernetes cluster unreachable: ${verb} "${url.href}": ${why}`, 0, "Unreachable", undefined);
    }
    const text = res.text;
    let data: unknown = text;
    try {
      data = text === "" ? undefined : JSON.parse(text);
    } catch {
      // Non-JSON bodies (plain-text errors) are reported as they are.
    }
    if (res.status >= 200 && res.status < 300) return data as T;
    const status = data as { message?: string; reason?: string } | undefined;
    const message = typeof status === "object" && status?.message ? status.message : `${method} ${path}: HTTP ${res.status} ${text.slice(0, 200)}`;
    throw new KubeApiError(message, res.status, (typeof status === "object" && status?.reason) || "", data);
  }
}

/** Tokens, client certificates and basic auth, over keep-alive connections. */
function nativeSend(a: ClusterAccess): Send {
  const https = new URL(a.server).protocol === "https:";
  // client-go would dial plain http; the client library this replaces refuses it unless told to skip TLS checks.
  if (!https && !a.insecureSkipTLSVerify) throw new Error("HTTP protocol is not allowed when skipTLSVerify is not set or false");
  const agent = https
    ? new HttpsAgent({ keepAlive: true, ca: a.ca, cert: a.cert, key: a.key, rejectUnauthorized: !a.insecureSkipTLSVerify, servername: a.tlsServerName })
    : new HttpAgent({ keepAlive: true });
  const doRequest = https ? httpsRequest : httpRequest;
  return (method, url, headers, body, signal) => {
    const h = { ...headers };
    const token = a.token ?? (a.tokenFile ? readFileSync(a.tokenFile, "utf8").trim() : undefined);
    if (token) h.Authorization = `Bearer ${token}`;
    else if (a.username) h.Authorization = `Basic ${Buffer.from(`${a.username}:${a.password ?? ""}`).toString("base64")}`;
    if (body !== undefined) h["Content-Length"] = String(Buffer.byteLength(body));
    return new Promise<RawResponse>((resolve, reject) => {
      const req = doRequest(url, { method, headers: h, agent, signal }, (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end(body);
    });
  };
}

/** Exec plugins, auth providers and proxies: @kubernetes/client-node's transport, loaded on first use. */
async function delegatedSend(d: { kubeconfig: string; context: string }): Promise<Send> {
  const { KubeConfig, createConfiguration, HttpMethod, ServerConfiguration } = await import("@kubernetes/client-node");
  const kc = new KubeConfig();
  kc.loadFromString(d.kubeconfig);
  if (d.context) kc.setCurrentContext(d.context);
  const config = createConfiguration({ baseServer: new ServerConfiguration(kc.getCurrentCluster()!.server, {}), authMethods: { default: kc } });
  return async (method, url, headers, body, signal) => {
    const ctx = config.baseServer.makeRequestContext("", HttpMethod[method]);
    ctx.setUrl(url.href);
    for (const [k, v] of Object.entries(headers)) ctx.setHeaderParam(k, v);
    if (body !== undefined) ctx.setBody(body);
    if (signal) ctx.setSignal(signal as never);
    await kc.applySecurityAuthentication(ctx);
    const res = await config.httpApi.send(ctx).toPromise();
    return { status: res.httpStatusCode, text: await res.body.text() };
  };
}

export function isNotFound(err: unknown): boolean {
  return err instanceof KubeApiError && err.status === 404;
}

export function isConflict(err: unknown): boolean {
  return err instanceof KubeApiError && err.status === 409;
}
