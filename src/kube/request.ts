// HTTP to the API server through @kubernetes/client-node's own transport
// (its server configuration, TLS and auth), but with our bodies untouched:
// the typed serialiser would drop fields it does not know.
import { createConfiguration, HttpMethod, type KubeConfig, type ResponseContext, ServerConfiguration } from "@kubernetes/client-node";

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

export class Transport {
  private readonly config;
  constructor(
    private readonly kc: KubeConfig,
    readonly counter: RequestCounter = globalRequests,
  ) {
    const server = kc.getCurrentCluster()!.server;
    this.config = createConfiguration({ baseServer: new ServerConfiguration(server, {}), authMethods: { default: kc } });
  }

  async request<T = unknown>(method: keyof typeof HttpMethod, path: string, o: RequestOptions = {}): Promise<T> {
    const ctx = this.config.baseServer.makeRequestContext(path, HttpMethod[method]);
    for (const [k, v] of Object.entries(o.query ?? {})) if (v !== undefined) ctx.setQueryParam(k, String(v));
    ctx.setHeaderParam("Accept", o.accept ?? "application/json");
    if (o.body !== undefined) {
      ctx.setHeaderParam("Content-Type", o.contentType ?? "application/json");
      ctx.setBody(typeof o.body === "string" ? o.body : JSON.stringify(o.body));
    }
    if (o.signal) ctx.setSignal(o.signal as never);
    let res: ResponseContext;
    try {
      // Refusals of the kubeconfig (plain http without insecure-skip-tls-verify, a bad
      // client certificate) surface here, as helm reports them: the cluster is unreachable.
      await this.kc.applySecurityAuthentication(ctx);
      this.counter.add(method);
      res = await this.config.httpApi.send(ctx).toPromise();
    } catch (err) {
      if (o.signal?.aborted) throw err;
      const verb = method.charAt(0) + method.slice(1).toLowerCase();
      // node-fetch repeats the URL ("request to URL failed, reason: ..."); keep the reason.
      const why = (err as Error).message.replace(/^request to \S+ failed, reason: /, "");
      throw new KubeApiError(`Kubernetes cluster unreachable: ${verb} "${ctx.getUrl()}": ${why}`, 0, "Unreachable", undefined);
    }
    const text = await res.body.text();
    let data: unknown = text;
    try {
      data = text === "" ? undefined : JSON.parse(text);
    } catch {
      // Non-JSON bodies (plain-text errors) are reported as they are.
    }
    if (res.httpStatusCode >= 200 && res.httpStatusCode < 300) return data as T;
    const status = data as { message?: string; reason?: string } | undefined;
    const message = typeof status === "object" && status?.message ? status.message : `${method} ${path}: HTTP ${res.httpStatusCode} ${text.slice(0, 200)}`;
    throw new KubeApiError(message, res.httpStatusCode, (typeof status === "object" && status?.reason) || "", data);
  }
}

export function isNotFound(err: unknown): boolean {
  return err instanceof KubeApiError && err.status === 404;
}

export function isConflict(err: unknown): boolean {
  return err instanceof KubeApiError && err.status === 409;
}
