// Chart repositories end to end in-process: `repo index` output, the local
// server, add/update/remove, search and pull, with hostile inputs refused.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addRepo, downloadChart, resolveDependency, loadRepoFile, locateChart, parseIndex, removeRepos, searchRepos, serveRepo, type RepoServer, updateRepos, writeRepoIndex } from "../../src/repo/index.js";
import { helmEnv, makeChartArchive, tempDir } from "./helpers.js";

let charts: string;
let server: RepoServer;

beforeAll(async () => {
  charts = tempDir();
  await makeChartArchive(charts, { name: "alpha", version: "0.1.0", appVersion: "1.0", description: "first chart", keywords: ["web"] });
  await makeChartArchive(charts, { name: "alpha", version: "0.2.0", appVersion: "1.1", description: "first chart" });
  await makeChartArchive(charts, { name: "alpha", version: "0.3.0-rc.1", description: "first chart" });
  await makeChartArchive(charts, { name: "nginx-proxy", version: "1.0.0", description: "a reverse proxy", keywords: ["ingress"] });
  server = await serveRepo({ dir: charts });
});

afterAll(async () => {
  await server.stop();
});

describe("repo index", () => {
  it("writes digests, created times and entries newest first", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "alpha-0.1.0.tgz"), readFileSync(join(charts, "alpha-0.1.0.tgz")));
    writeFileSync(join(dir, "alpha-0.2.0.tgz"), readFileSync(join(charts, "alpha-0.2.0.tgz")));
    const out = writeRepoIndex(dir, { url: "https://example.com/charts" });
    const text = readFileSync(out, "utf8");
    expect(text.startsWith("apiVersion: v1\nentries:\n")).toBe(true);
    const index = parseIndex(text, out);
    const versions = index.entries.alpha?.map((c) => c.version);
    expect(versions).toEqual(["0.2.0", "0.1.0"]);
    const first = index.entries.alpha?.[0];
    expect(first?.urls).toEqual(["https://example.com/charts/alpha-0.2.0.tgz"]);
    expect(first?.digest).toBe(createHash("sha256").update(readFileSync(join(dir, "alpha-0.2.0.tgz"))).digest("hex"));
    expect(first?.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
  });

  it("--merge keeps versions only the old index has", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "alpha-0.1.0.tgz"), readFileSync(join(charts, "alpha-0.1.0.tgz")));
    const old = join(tempDir(), "old.yaml");
    writeFileSync(old, "apiVersion: v1\nentries:\n  gone:\n  - name: gone\n    version: 2.0.0\n    urls: [https://x/gone-2.0.0.tgz]\n    created: 2020-01-01T00:00:00Z\n");
    const index = parseIndex(readFileSync(writeRepoIndex(dir, { merge: old }), "utf8"), "index");
    expect(Object.keys(index.entries).sort()).toEqual(["alpha", "gone"]);
  });
});

describe("repositories", () => {
  it("adds, refuses duplicates, updates in parallel and removes", async () => {
    const h = helmEnv(tempDir());
    expect(await addRepo("local", server.url, { ...h, entry: {} })).toBe('"local" has been added to your repositories');
    expect(await addRepo("local", server.url, { ...h, entry: {} })).toBe('"local" already exists with the same configuration, skipping');
    await expect(addRepo("local", `${server.url}/other`, { ...h, entry: {} })).rejects.toThrow("repository name (local) already exists, please specify a different name");
    await expect(addRepo("broken", `${server.url}/missing`, { ...h, entry: {} })).rejects.toThrow(`looks like "${server.url}/missing" is not a valid chart repository or cannot be reached`);
    expect(existsSync(join(h.repositoryCache, "local-index.yaml"))).toBe(true);
    expect(readFileSync(join(h.repositoryCache, "local-charts.txt"), "utf8").split("\n").sort()).toEqual(["alpha", "nginx-proxy"]);
    expect(statSync(h.repositoryConfig).mode & 0o777).toBe(0o600);

    // A repository that stops answering fails alone.
    const dead = await serveRepo({ dir: charts });
    await addRepo("dead", dead.url, { ...h, entry: {} });
    await dead.stop();
    const seen: string[] = [];
    const results = await updateRepos(h, (r) => seen.push(r.name));
    expect(seen.sort()).toEqual(["dead", "local"]);
    expect(results.find((r) => r.name === "local")?.error).toBeUndefined();
    expect(results.find((r) => r.name === "dead")?.error?.message).toMatch(/^Get "http:\/\/127\.0\.0\.1:\d+\/index\.yaml": /);

    expect(removeRepos(["dead"], h)).toEqual(['"dead" has been removed from your repositories']);
    expect(loadRepoFile(h.repositoryConfig).repositories.map((r) => r.name)).toEqual(["local"]);
    expect(existsSync(join(h.repositoryCache, "dead-index.yaml"))).toBe(false);
    expect(() => removeRepos(["dead"], h)).toThrow('no repo named "dead" found');
  });

  it("refuses an index that is not one", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "index.yaml"), "entries: {}\n");
    const bad = await serveRepo({ dir });
    try {
      await expect(addRepo("bad", bad.url, { ...helmEnv(tempDir()), entry: {} })).rejects.toThrow("no API version specified");
    } finally {
      await bad.stop();
    }
  });
});

describe("search and pull", () => {
  const h = helmEnv(tempDir());
  beforeAll(async () => {
    await addRepo("local", server.url, { ...h, entry: {} });
  });

  it("lists newest releases, versions, constraints and devel as helm does", () => {
    const all = searchRepos({ ...h });
    expect(all.map((r) => `${r.name}@${r.chart.version}`)).toEqual(["local/alpha@0.2.0", "local/nginx-proxy@1.0.0"]);
    expect(searchRepos({ ...h, keyword: "alpha", versions: true }).map((r) => r.chart.version)).toEqual(["0.2.0", "0.1.0"]);
    expect(searchRepos({ ...h, keyword: "alpha", devel: true }).map((r) => r.chart.version)).toEqual(["0.3.0-rc.1"]);
    expect(searchRepos({ ...h, keyword: "alpha", version: "<0.2.0" }).map((r) => r.chart.version)).toEqual(["0.1.0"]);
    expect(() => searchRepos({ ...h, keyword: "alpha", version: "not a constraint" })).toThrow("an invalid version/constraint format");
  });

  it("ranks by the field matched, then adds fuzzy matches", () => {
    expect(searchRepos({ ...h, keyword: "proxy" }).map((r) => [r.name, r.score])).toEqual([["local/nginx-proxy", 0]]);
    expect(searchRepos({ ...h, keyword: "ingress" }).map((r) => [r.name, r.score])).toEqual([["local/nginx-proxy", 3]]);
    expect(searchRepos({ ...h, keyword: "ngix" }).map((r) => r.name)).toEqual(["local/nginx-proxy"]);
    expect(searchRepos({ ...h, keyword: "ngix", fuzzy: false })).toEqual([]);
    expect(searchRepos({ ...h, keyword: "^ngin.*y$", regexp: true })).toEqual([]);
    expect(searchRepos({ ...h, keyword: "ngin.-p", regexp: true }).map((r) => r.name)).toEqual(["local/nginx-proxy"]);
  });

  it("pulls by name and constraint and resolves every reference form", async () => {
    const dest = tempDir();
    const got = await downloadChart("local/alpha", { ...h, version: "~0.1", destination: dest });
    expect(got.path).toBe(join(dest, "alpha-0.1.0.tgz"));
    expect(got.digest).toBe(`sha256:${got.chart?.digest}`);
    await expect(downloadChart("local/alpha", { ...h, version: "9.9.9", destination: dest })).rejects.toThrow(
      "chart \"alpha\" matching 9.9.9 not found in local index. (try 'helm repo update')",
    );
    await expect(downloadChart("nope/alpha", { ...h, destination: dest })).rejects.toThrow("repo nope not found");
    expect(await locateChart(got.path, h)).toBe(got.path);
    expect(await locateChart("nginx-proxy", { ...h, repo: server.url, destination: dest })).toBe(join(dest, "nginx-proxy-1.0.0.tgz"));
    expect(await locateChart(`${server.url}/alpha-0.2.0.tgz`, { ...h, destination: dest })).toBe(join(dest, "alpha-0.2.0.tgz"));
    await expect(locateChart("./missing-chart", h)).rejects.toThrow('path "./missing-chart" not found');
  });

  it("resolves remote dependencies by URL and @name for dependency update", async () => {
    const dest = tempDir();
    const byUrl = await resolveDependency({ name: "alpha", version: "^0.1.0", repository: `${server.url}/` }, { ...h, repositoriesConfig: h.repositoryConfig, destination: dest });
    expect(byUrl).toEqual({ path: join(dest, "alpha-0.1.0.tgz"), version: "0.1.0", repository: `${server.url}/` });
    expect((await resolveDependency({ name: "alpha", version: "*", repository: "@local" }, { ...h, repositoriesConfig: h.repositoryConfig, destination: dest })).version).toBe("0.2.0");
    await expect(resolveDependency({ name: "alpha", version: "1.x", repository: "@local" }, { ...h, repositoriesConfig: h.repositoryConfig, destination: dest })).rejects.toThrow(
      "can't get a valid version for dependency alpha",
    );
    await expect(resolveDependency({ name: "alpha", version: "*", repository: "https://elsewhere.invalid" }, { ...h, repositoriesConfig: h.repositoryConfig, destination: dest })).rejects.toThrow(
      "no repository definition for https://elsewhere.invalid",
    );
  });
});

/** A hand-rolled server to serve a lying index, oversized bodies and redirects. */
async function rawServer(handler: http.RequestListener): Promise<{ url: string; close(): Promise<void> }> {
  const s = http.createServer(handler);
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
  return { url, close: () => new Promise<void>((r) => s.close(() => r())) };
}

describe("untrusted servers", () => {
  it("refuses a download whose digest does not match the index", async () => {
    const archive = readFileSync(join(charts, "alpha-0.1.0.tgz"));
    const srv = await rawServer((req, res) => {
      if (req.url === "/index.yaml")
        res.end(`apiVersion: v1\nentries:\n  alpha:\n  - name: alpha\n    version: 0.1.0\n    digest: ${"0".repeat(64)}\n    urls: [alpha-0.1.0.tgz]\n`);
      else res.end(archive);
    });
    try {
      await expect(downloadChart("alpha", { repo: srv.url, destination: tempDir() })).rejects.toThrow("digest mismatch");
    } finally {
      await srv.close();
    }
  });

  it("refuses oversized archives and keeps credentials on the repository's host", async () => {
    const auths: Record<string, string | undefined> = {};
    const other = await rawServer((req, res) => {
      auths.other = req.headers.authorization;
      res.end(readFileSync(join(charts, "alpha-0.1.0.tgz")));
    });
    const srv = await rawServer((req, res) => {
      auths.origin = req.headers.authorization;
      if (req.url === "/big.tgz") {
        res.writeHead(200, { "Content-Length": String(200 * 1024 * 1024) });
        res.end();
        return;
      }
      res.writeHead(302, { Location: `${other.url}/alpha-0.1.0.tgz` }).end();
    });
    try {
      await expect(downloadChart(`${srv.url}/big.tgz`, { destination: tempDir() })).rejects.toThrow("is too large");
      await downloadChart(`${srv.url}/redirect.tgz`, { destination: tempDir(), username: "u", password: "secret" });
      expect(auths.origin).toBe(`Basic ${Buffer.from("u:secret").toString("base64")}`);
      expect(auths.other).toBeUndefined();
      await downloadChart(`${srv.url}/redirect.tgz`, { destination: tempDir(), username: "u", password: "secret", passCredentials: true });
      expect(auths.other).toBe(`Basic ${Buffer.from("u:secret").toString("base64")}`);
    } finally {
      await srv.close();
      await other.close();
    }
  });
});
