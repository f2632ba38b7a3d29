// `repo serve DIR`: a plain chart repository over HTTP for offline use. The
// index is DIR/index.yaml when present, otherwise generated from the archives
// and regenerated when the directory changes.
import { createReadStream, existsSync, readdirSync, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { join, normalize, sep } from "node:path";
import { indexDirectory } from "./index-dir.js";
import { serializeIndex } from "./index-file.js";

export interface ServeOptions {
  dir: string;
  port?: number;
  address?: string;
  /** Called once per request with "METHOD path status". */
  log?: (line: string) => void;
}

export interface RepoServer {
  url: string;
  stop(): Promise<void>;
}

function dirStamp(dir: string): string {
  const parts: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    const st = statSync(p);
    parts.push(`${e.name}:${st.size}:${st.mtimeMs}`);
    if (e.isDirectory()) for (const f of readdirSync(p)) parts.push(`${e.name}/${f}:${statSync(join(p, f)).mtimeMs}`);
  }
  return parts.sort().join("|");
}

export function serveRepo(opts: ServeOptions): Promise<RepoServer> {
  const root = normalize(opts.dir);
  let cached: { stamp: string; body: string } | undefined;
  const generated = (): string => {
    const stamp = dirStamp(root);
    if (!cached || cached.stamp !== stamp) cached = { stamp, body: serializeIndex(indexDirectory(root)) };
    return cached.body;
  };
  const server = http.createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const done = (status: number) => opts.log?.(`${req.method} ${path} ${status}`);
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405).end();
      return done(405);
    }
    try {
      if (path === "/index.yaml" && !existsSync(join(root, "index.yaml"))) {
        const body = generated();
        res.writeHead(200, { "Content-Type": "application/x-yaml", "Content-Length": Buffer.byteLength(body) });
        res.end(req.method === "HEAD" ? undefined : body);
        return done(200);
      }
      const file = normalize(join(root, path));
      const allowed = path.endsWith(".tgz") || path.endsWith(".prov") || path === "/index.yaml";
      if (!allowed || !file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
        res.writeHead(404, { "Content-Type": "text/plain" }).end("404 page not found\n");
        return done(404);
      }
      const type = path.endsWith(".yaml") ? "application/x-yaml" : "application/gzip";
      res.writeHead(200, { "Content-Type": type, "Content-Length": statSync(file).size });
      if (req.method === "HEAD") res.end();
      else createReadStream(file).pipe(res);
      done(200);
    } catch (err) {
      res.writeHead(500, { "Content-Type": "text/plain" }).end(`${(err as Error).message}\n`);
      done(500);
    }
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.address ?? "127.0.0.1", () => {
      const a = server.address() as AddressInfo;
      const host = a.family === "IPv6" ? `[${a.address}]` : a.address;
      resolve({
        url: `http://${host}:${a.port}`,
        stop: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}
