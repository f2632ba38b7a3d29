// HTTP(S) GET for indexes and archives: TLS verification on by default,
// custom CA and client certificates, basic auth sent only to the first host
// unless passCredentials, redirects followed, and a hard size limit.
import { readFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import { FetchError } from "./errors.js";

export const MAX_INDEX_SIZE = 64 * 1024 * 1024;
export const MAX_ARCHIVE_SIZE = 100 * 1024 * 1024;
const MAX_REDIRECTS = 10;

export interface HttpOptions {
  username?: string;
  password?: string;
  passCredentials?: boolean;
  caFile?: string;
  certFile?: string;
  keyFile?: string;
  insecureSkipTLSVerify?: boolean;
  /** Refuse bodies larger than this many bytes. */
  maxBytes?: number;
  headers?: Record<string, string>;
  /** Bearer or other Authorization header value; replaces basic auth. */
  authorization?: string;
  method?: string;
  body?: Buffer;
  /** Return non-2xx responses instead of throwing (registry clients read their headers). */
  acceptAnyStatus?: boolean;
  /** Do not follow redirects (registry upload Locations). */
  noRedirect?: boolean;
}

export interface HttpResponse {
  status: number;
  statusText: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  url: string;
}

function tlsOptions(opts: HttpOptions): https.RequestOptions {
  const o: https.RequestOptions = { rejectUnauthorized: !opts.insecureSkipTLSVerify };
  try {
    if (opts.caFile) o.ca = readFileSync(opts.caFile);
    if (opts.certFile) o.cert = readFileSync(opts.certFile);
    if (opts.keyFile) o.key = readFileSync(opts.keyFile);
  } catch (err) {
    throw new FetchError(`can't create TLS config for client: ${(err as Error).message}`, undefined, { cause: err });
  }
  return o;
}

function once(url: URL, opts: HttpOptions, sendAuth: boolean): Promise<HttpResponse> {
  const headers: Record<string, string> = { "User-Agent": "Helm/3.17.3", ...opts.headers };
  if (opts.authorization) {
    if (sendAuth) headers.Authorization = opts.authorization;
  } else if (sendAuth && (opts.username || opts.password))
    headers.Authorization = `Basic ${Buffer.from(`${opts.username ?? ""}:${opts.password ?? ""}`).toString("base64")}`;
  if (opts.body) headers["Content-Length"] = String(opts.body.length);
  const limit = opts.maxBytes ?? MAX_ARCHIVE_SIZE;
  const isHttps = url.protocol === "https:";
  if (!isHttps && url.protocol !== "http:") return Promise.reject(new FetchError(`unsupported protocol scheme "${url.protocol.replace(/:$/, "")}"`));
  const reqOpts: https.RequestOptions = { method: opts.method ?? "GET", headers, ...(isHttps ? tlsOptions(opts) : {}) };
  return new Promise((resolve, reject) => {
    const req = (isHttps ? https : http).request(url, reqOpts, (res) => {
      const declared = Number(res.headers["content-length"] ?? "0");
      if (declared > limit) {
        res.destroy();
        reject(new FetchError(`${url.href} is too large (${declared} bytes, the limit is ${limit})`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (c: Buffer) => {
        size += c.length;
        if (size > limit) {
          res.destroy();
          reject(new FetchError(`${url.href} is too large (more than ${limit} bytes)`));
          return;
        }
        chunks.push(c);
      });
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? "", headers: res.headers, body: Buffer.concat(chunks), url: url.href }),
      );
      res.on("error", reject);
    });
    req.on("error", (err) => reject(new FetchError(`${opts.method ?? "Get"} "${url.href}": ${err.message}`, undefined, { cause: err })));
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

/** GET (or another method) with redirects; throws FetchError on non-2xx unless acceptAnyStatus. */
export async function request(rawUrl: string, opts: HttpOptions = {}): Promise<HttpResponse> {
  let url = new URL(rawUrl);
  const origin = url.host;
  for (let hop = 0; ; hop++) {
    const sendAuth = opts.passCredentials || url.host === origin;
    const res = await once(url, opts, sendAuth);
    const loc = res.headers.location;
    if (!opts.noRedirect && [301, 302, 303, 307, 308].includes(res.status) && loc) {
      if (hop >= MAX_REDIRECTS) throw new FetchError(`Get "${url.href}": stopped after ${MAX_REDIRECTS} redirects`);
      url = new URL(loc, url);
      continue;
    }
    if (!opts.acceptAnyStatus && (res.status < 200 || res.status > 299))
      throw new FetchError(`failed to fetch ${url.href} : ${res.status} ${res.statusText}`, res.status);
    return res;
  }
}

export async function getBytes(url: string, opts: HttpOptions = {}): Promise<Buffer> {
  return (await request(url, opts)).body;
}
