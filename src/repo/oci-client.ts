// A minimal Docker registry v2 / OCI distribution client: references, the
// WWW-Authenticate challenge (Bearer token or Basic), blobs and manifests.
import { createHash } from "node:crypto";
import { RepoError } from "./errors.js";
import { type HttpOptions, type HttpResponse, request } from "./http.js";

export const HELM_CONFIG_MEDIA_TYPE = "application/vnd.cncf.helm.config.v1+json";
export const HELM_CHART_MEDIA_TYPE = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";
export const HELM_PROV_MEDIA_TYPE = "application/vnd.cncf.helm.chart.provenance.v1.prov";
export const OCI_MANIFEST_MEDIA_TYPE = "application/vnd.oci.image.manifest.v1+json";

export interface OciRef {
  host: string;
  repository: string;
  tag?: string;
  digest?: string;
}

/** oci://host[:port]/path[:tag][@sha256:…] */
export function parseOciRef(ref: string): OciRef {
  const rest = ref.replace(/^oci:\/\//, "");
  const slash = rest.indexOf("/");
  if (slash <= 0) throw new RepoError(`invalid OCI reference "${ref}": expected oci://HOST/PATH`);
  const host = rest.slice(0, slash);
  let path = rest.slice(slash + 1);
  let digest: string | undefined;
  const at = path.indexOf("@");
  if (at >= 0) {
    digest = path.slice(at + 1);
    path = path.slice(0, at);
  }
  let tag: string | undefined;
  const colon = path.lastIndexOf(":");
  if (colon > path.lastIndexOf("/")) {
    tag = path.slice(colon + 1);
    path = path.slice(0, colon);
  }
  if (!/^[a-z0-9]+([._-][a-z0-9]+)*(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/.test(path)) throw new RepoError(`invalid OCI reference "${ref}": invalid repository name "${path}"`);
  return { host, repository: path, tag, digest };
}

export function sha256Digest(data: Buffer): string {
  return `sha256:${createHash("sha256").update(data).digest("hex")}`;
}

export interface RegistryOptions {
  username?: string;
  password?: string;
  plainHttp?: boolean;
  insecureSkipTLSVerify?: boolean;
  caFile?: string;
  certFile?: string;
  keyFile?: string;
}

function parseChallenge(h: string): { scheme: string; params: Record<string, string> } {
  const sp = h.indexOf(" ");
  const scheme = (sp < 0 ? h : h.slice(0, sp)).toLowerCase();
  const params: Record<string, string> = {};
  for (const m of h.slice(sp + 1).matchAll(/(\w+)="([^"]*)"/g)) params[m[1] as string] = m[2] as string;
  return { scheme, params };
}

export class Registry {
  private auth?: string;
  constructor(
    readonly host: string,
    private readonly opts: RegistryOptions = {},
  ) {}

  private base(): string {
    return `${this.opts.plainHttp ? "http" : "https"}://${this.host}`;
  }

  private http(extra: HttpOptions): HttpOptions {
    return { insecureSkipTLSVerify: this.opts.insecureSkipTLSVerify, caFile: this.opts.caFile, certFile: this.opts.certFile, keyFile: this.opts.keyFile, acceptAnyStatus: true, ...extra };
  }

  private basic(): string | undefined {
    const { username, password } = this.opts;
    return username || password ? `Basic ${Buffer.from(`${username ?? ""}:${password ?? ""}`).toString("base64")}` : undefined;
  }

  private async authorize(challenge: string): Promise<void> {
    const { scheme, params } = parseChallenge(challenge);
    if (scheme === "basic") {
      this.auth = this.basic();
      if (!this.auth) throw new RepoError(`${this.host}: basic credential not found (run 'chartroom registry login ${this.host}')`);
      return;
    }
    if (scheme !== "bearer" || !params.realm) throw new RepoError(`${this.host}: unsupported authentication challenge "${challenge}"`);
    const u = new URL(params.realm);
    if (params.service) u.searchParams.set("service", params.service);
    if (params.scope) u.searchParams.set("scope", params.scope);
    const res = await request(u.href, this.http({ authorization: this.basic() }));
    if (res.status !== 200) throw new RepoError(`${this.host}: failed to fetch an anonymous token: ${res.status} ${res.statusText}`);
    const body = JSON.parse(res.body.toString("utf8")) as { token?: string; access_token?: string };
    this.auth = `Bearer ${body.token ?? body.access_token ?? ""}`;
  }

  /** One request; on 401 answer the challenge once and retry. */
  async call(method: string, pathOrUrl: string, extra: HttpOptions = {}): Promise<HttpResponse> {
    const url = pathOrUrl.startsWith("http") ? pathOrUrl : `${this.base()}${pathOrUrl}`;
    let res = await request(url, this.http({ ...extra, method, authorization: this.auth }));
    const challenge = res.headers["www-authenticate"];
    if (res.status === 401 && typeof challenge === "string") {
      await this.authorize(challenge);
      res = await request(url, this.http({ ...extra, method, authorization: this.auth }));
    }
    return res;
  }

  async expect(res: HttpResponse, ok: number[], what: string): Promise<HttpResponse> {
    if (ok.includes(res.status)) return res;
    let detail = res.body.toString("utf8").slice(0, 300).trim();
    try {
      const errs = (JSON.parse(detail) as { errors?: { message?: string }[] }).errors;
      if (errs?.length) detail = errs.map((e) => e.message).join("; ");
    } catch {
      // Not a registry error body; keep the text.
    }
    throw new RepoError(`${what}: ${res.status} ${res.statusText}${detail ? `: ${detail}` : ""}`);
  }

  async getManifest(repository: string, reference: string): Promise<{ body: Buffer; digest: string }> {
    const res0 = await this.call("GET", `/v2/${repository}/manifests/${reference}`, { headers: { Accept: OCI_MANIFEST_MEDIA_TYPE } });
    // oras's words, which helm prints for a tag or digest the registry lacks.
    if (res0.status === 404) throw new RepoError(`${this.host}/${repository}${reference.startsWith("sha256:") ? "@" : ":"}${reference}: not found`);
    const res = await this.expect(
      res0,
      [200],
      `failed to fetch ${this.host}/${repository}:${reference}`,
    );
    return { body: res.body, digest: sha256Digest(res.body) };
  }

  async getBlob(repository: string, digest: string): Promise<Buffer> {
    const res = await this.expect(await this.call("GET", `/v2/${repository}/blobs/${digest}`), [200], `failed to fetch blob ${digest}`);
    if (sha256Digest(res.body) !== digest) throw new RepoError(`blob ${digest} of ${this.host}/${repository} does not match its digest`);
    return res.body;
  }

  async listTags(repository: string): Promise<string[]> {
    const res = await this.expect(await this.call("GET", `/v2/${repository}/tags/list`), [200], `failed to list tags of ${this.host}/${repository}`);
    return (JSON.parse(res.body.toString("utf8")) as { tags?: string[] }).tags ?? [];
  }

  async pushBlob(repository: string, data: Buffer): Promise<string> {
    const digest = sha256Digest(data);
    const head = await this.call("HEAD", `/v2/${repository}/blobs/${digest}`);
    if (head.status === 200) return digest;
    const start = await this.expect(await this.call("POST", `/v2/${repository}/blobs/uploads/`, { noRedirect: true, body: Buffer.alloc(0) }), [202], `failed to push to ${this.host}/${repository}`);
    const loc = new URL(String(start.headers.location), `${this.base()}/`);
    loc.searchParams.set("digest", digest);
    await this.expect(
      await this.call("PUT", loc.href, { body: data, headers: { "Content-Type": "application/octet-stream" } }),
      [201],
      `failed to push blob ${digest}`,
    );
    return digest;
  }

  async putManifest(repository: string, tag: string, manifest: Buffer): Promise<string> {
    await this.expect(
      await this.call("PUT", `/v2/${repository}/manifests/${tag}`, { body: manifest, headers: { "Content-Type": OCI_MANIFEST_MEDIA_TYPE } }),
      [201],
      `failed to push manifest ${this.host}/${repository}:${tag}`,
    );
    return sha256Digest(manifest);
  }

  /** GET /v2/ to check credentials (registry login). */
  async ping(): Promise<void> {
    const res = await this.call("GET", "/v2/");
    await this.expect(res, [200], `login to ${this.host} failed`);
  }
}
