// chartroom and the real helm v3.17.3 share repositories.yaml, the index
// cache and registry config: a repository made by `chartroom repo index` and
// served by `chartroom repo serve`, and a real docker-registry for OCI.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { helmBinary } from "../sandbox/helpers.js";
import { freePort, helmEnv, makeChartArchive, REGISTRY_BIN, type RunningRegistry, startRegistry, tempDir } from "../repo/helpers.js";

const CLI = join(import.meta.dirname, "../../bin/chartroom.js");
const helm = await helmBinary("v3.17.3");
const h = helmEnv(tempDir());

function chartroom(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { env: h.env, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function helmRun(...args: string[]) {
  const r = spawnSync(helm.path as string, args, { env: h.env, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let charts: string;
let serve: ChildProcess | undefined;
let url: string;

beforeAll(async () => {
  charts = tempDir();
  await makeChartArchive(charts, { name: "alpha", version: "0.1.0", appVersion: "1.0", description: "first chart" });
  await makeChartArchive(charts, { name: "alpha", version: "0.2.0", appVersion: "1.1", description: "first chart" });
  await makeChartArchive(charts, { name: "beta", version: "1.0.0", description: "second chart", keywords: ["db"] });
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  expect(chartroom("repo", "index", charts, "--url", url).code).toBe(0);
  serve = spawn(process.execPath, [CLI, "repo", "serve", charts, "--port", String(port)], { env: h.env, stdio: ["ignore", "pipe", "ignore"] });
  await new Promise<void>((resolve) => serve?.stdout?.once("data", () => resolve()));
});

afterAll(() => {
  serve?.kill("SIGTERM");
});

describe.skipIf(!helm.path)(`helm and chartroom share a chart repository${helm.path ? "" : ` (${helm.reason})`}`, () => {
  it("chartroom adds, updates, searches and pulls; helm sees the same repository", () => {
    expect(chartroom("repo", "add", "local", url).out).toBe('"local" has been added to your repositories\n');
    const up = chartroom("repo", "update");
    expect(up.out).toBe(
      'Hang tight while we grab the latest from your chart repositories...\n...Successfully got an update from the "local" chart repository\nUpdate Complete. ⎈Happy Helming!⎈\n',
    );
    expect(chartroom("repo", "list").out).toBe(helmRun("repo", "list").out);
    const ours = chartroom("search", "repo", "chart", "--no-fuzzy");
    expect(ours.out).toBe(helmRun("search", "repo", "chart").out);
    expect(chartroom("search", "repo", "-l", "-o", "json").out).toBe(helmRun("search", "repo", "-l", "-o", "json").out);
    expect(chartroom("search", "repo", "alpha", "--version", "<0.2.0", "-o", "yaml").out).toBe(helmRun("search", "repo", "alpha", "--version", "<0.2.0", "-o", "yaml").out);
    const dest = tempDir();
    expect(chartroom("pull", "local/alpha", "-d", dest).code).toBe(0);
    expect(chartroom("pull", "local/beta", "-d", dest, "--untar").code).toBe(0);
    expect(readdirSync(dest).sort()).toEqual(["alpha-0.2.0.tgz", "beta"]);
  });

  it("helm adds, updates and pulls from the chartroom-served index; chartroom sees helm's repositories", () => {
    expect(helmRun("repo", "add", "fromhelm", url).code).toBe(0);
    expect(helmRun("repo", "update").code).toBe(0);
    expect(chartroom("repo", "list", "-o", "json").out).toBe(helmRun("repo", "list", "-o", "json").out);
    expect(chartroom("search", "repo", "fromhelm/", "--no-fuzzy").out).toBe(helmRun("search", "repo", "fromhelm/").out);
    const dest = tempDir();
    const pulled = helmRun("pull", "fromhelm/alpha", "--version", "0.1.0", "-d", dest);
    expect(pulled.err).toBe("");
    expect(existsSync(join(dest, "alpha-0.1.0.tgz"))).toBe(true);
    expect(chartroom("repo", "remove", "fromhelm").out).toBe('"fromhelm" has been removed from your repositories\n');
    expect(helmRun("repo", "list").out).not.toContain("fromhelm");
  });
});

describe.skipIf(!helm.path || !existsSync(REGISTRY_BIN))(
  `OCI: chartroom and helm read each other's charts${!existsSync(REGISTRY_BIN) ? ` (skipped: ${REGISTRY_BIN} is absent; apt-get install docker-registry)` : ""}`,
  () => {
    let reg: RunningRegistry | undefined;
    beforeAll(async () => {
      reg = await startRegistry();
    });
    afterAll(async () => {
      await reg?.stop();
    });

    it("chartroom pushes, helm pulls", () => {
      const host = reg?.host as string;
      const pushed = chartroom("push", join(charts, "alpha-0.2.0.tgz"), `oci://${host}/charts`, "--plain-http");
      // As helm's registry client: on stderr.
      expect(pushed.out).toBe("");
      expect(pushed.err).toMatch(new RegExp(`^Pushed: ${host}/charts/alpha:0\\.2\\.0\\nDigest: sha256:[0-9a-f]{64}\\n$`));
      const dest = tempDir();
      const pulled = helmRun("pull", `oci://${host}/charts/alpha`, "--version", "0.2.0", "--plain-http", "-d", dest);
      expect(pulled.code).toBe(0);
      expect(pulled.err).toContain(`Pulled: ${host}/charts/alpha:0.2.0`);
      expect(pulled.err).toContain(pushed.err.split("\n")[1]);
      expect(readdirSync(dest)).toEqual(["alpha-0.2.0.tgz"]);
    });

    it("helm pushes, chartroom pulls by tag, by newest version and by digest", () => {
      const host = reg?.host as string;
      const pushed = helmRun("push", join(charts, "beta-1.0.0.tgz"), `oci://${host}/charts`, "--plain-http");
      expect(pushed.code).toBe(0);
      const digest = /Digest: (sha256:[0-9a-f]{64})/.exec(pushed.err + pushed.out)?.[1] as string;
      const dest = tempDir();
      const byTag = chartroom("pull", `oci://${host}/charts/beta:1.0.0`, "--plain-http", "-d", dest);
      expect([byTag.out, byTag.err]).toEqual(["", `Pulled: ${host}/charts/beta:1.0.0\nDigest: ${digest}\n`]);
      expect(chartroom("pull", `oci://${host}/charts/beta`, "--plain-http", "-d", tempDir()).code).toBe(0);
      const byDigest = chartroom("pull", `oci://${host}/charts/beta@${digest}`, "--plain-http", "-d", tempDir(), "--untar");
      expect(byDigest.code).toBe(0);
      const missing = ["pull", `oci://${host}/charts/nope:1.0.0`, "--plain-http", "-d", dest];
      expect(chartroom(...missing).err).toBe(`Error: ${host}/charts/nope:1.0.0: not found\n`);
      expect(helmRun(...missing).err).toBe(`Error: ${host}/charts/nope:1.0.0: not found\n`);
    });
  },
);
