// install and upgrade take every chart reference helm takes: repo/name with
// --version, --repo URL, an archive URL and oci://, from a repository served
// on loopback by chartroom's repo server and a real docker-registry; location
// errors read as helm's, with exit 1.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { install, upgrade } from "../../src/actions/index.js";
import { type RepoServer, serveRepo } from "../../src/repo/index.js";
import type { Sandbox } from "../../src/sandbox/index.js";
import { helmEnv, makeChartArchive, REGISTRY_BIN, type RunningRegistry, startRegistry, tempDir } from "../repo/helpers.js";
import { run } from "../sandbox/helpers.js";
import { CLI, Cluster, helmBinary, newSandbox } from "./release-helpers.js";

const helm = await helmBinary();
const noValues = { valueFiles: [], values: [], stringValues: [], fileValues: [], jsonValues: [], literalValues: [] };

describe.skipIf(!helm.path)(`install and upgrade from chart references${helm.path ? "" : ` (${helm.reason})`}`, () => {
  let sb: Sandbox;
  let c: Cluster;
  let server: RepoServer;
  let charts: string;
  const h = helmEnv(tempDir());
  const env = { ...h.env, HELM_DRIVER: "" } as Record<string, string>;
  const chartroom = (...args: string[]) => run(process.execPath, [CLI, "--kubeconfig", sb.kubeconfigPath, ...args], env);
  const helmRun = (...args: string[]) => run(helm.path!, ["--kubeconfig", sb.kubeconfigPath, ...args], env);
  const status = async (name: string) => c.json(helmRun("get", "metadata", name, "-o", "json"));

  beforeAll(async () => {
    sb = await newSandbox();
    c = new Cluster(sb, helm.path!);
    charts = tempDir();
    await makeChartArchive(charts, { name: "alpha", version: "0.1.0", appVersion: "1.0" });
    await makeChartArchive(charts, { name: "alpha", version: "0.2.0", appVersion: "1.1" });
    await makeChartArchive(charts, { name: "beta", version: "1.0.0" });
    server = await serveRepo({ dir: charts });
    expect((await chartroom("repo", "add", "local", server.url)).code).toBe(0);
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await sb?.stop();
  });

  it("installs repo/name --version X and upgrades it to the newest version", async () => {
    const r = await chartroom("install", "ref1", "local/alpha", "--version", "0.1.0");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("NAME: ref1\n");
    let s = await status("ref1");
    expect([s.revision, s.status, s.chart, s.version]).toEqual([1, "deployed", "alpha", "0.1.0"]);
    expect((await c.kubectl("get", "configmap", "ref1")).code).toBe(0);

    const u = await chartroom("upgrade", "ref1", "local/alpha");
    expect(u.code).toBe(0);
    expect(u.stdout).toContain('Release "ref1" has been upgraded. Happy Helming!\n');
    s = await status("ref1");
    expect([s.revision, s.version, s.appVersion]).toEqual([2, "0.2.0", "1.1"]);
  }, 60_000);

  it("upgrade --install with --repo URL, and install from an archive URL", async () => {
    const r = await chartroom("upgrade", "--install", "ref2", "alpha", "--repo", server.url, "--version", "0.1.0");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Release "ref2" does not exist. Installing it now.\n');
    expect((await status("ref2")).version).toBe("0.1.0");
    const u = await chartroom("upgrade", "-i", "ref2", "alpha", "--repo", server.url, "--version", "^0.2");
    expect(u.code).toBe(0);
    expect((await status("ref2")).version).toBe("0.2.0");

    expect((await chartroom("install", "ref3", `${server.url}/beta-1.0.0.tgz`)).code).toBe(0);
    expect((await status("ref3")).chart).toBe("beta");
  }, 60_000);

  it("the install and upgrade actions locate references themselves (as the terminal UI calls them)", async () => {
    const cfg = c.cfg();
    const where = { repositoryConfig: h.repositoryConfig, repositoryCache: h.repositoryCache };
    const rel = await install(cfg, { args: ["ref4", "local/alpha"], chartPathOptions: { ...where, version: "0.1.0" }, values: noValues });
    expect([rel.info.status, rel.chart?.metadata?.version]).toEqual(["deployed", "0.1.0"]);
    const up = await upgrade(cfg, { name: "ref4", chart: "local/beta", chartPathOptions: where, values: noValues });
    expect([up.version, up.chart?.metadata?.name]).toEqual([2, "beta"]);
  }, 60_000);

  it("unknown repositories, versions and paths fail with helm's messages and exit 1", async () => {
    const cases = [
      ["install", "bad1", "nope/alpha"],
      ["install", "bad1", "local/alpha", "--version", "9.9.9"],
      ["install", "bad1", "local/gamma"],
      ["install", "bad1", "./no-such-dir"],
      ["install", "bad1", "alpha", "--repo", server.url, "--version", "9.9.9"],
      ["upgrade", "bad1", "nope/alpha"],
      ["upgrade", "--install", "bad1", "local/alpha", "--version", "9.9.9"],
      ["upgrade", "ref1", "local/alpha", "--version", ">1.0.0"],
      // The run itself fails: helm says UPGRADE FAILED.
      ["upgrade", "never-installed", "local/alpha"],
      ["upgrade", "ref1", "local/alpha", "--set", "a[=b"],
      ["upgrade", "ref1", "local/alpha", "--timeout", "soon"],
    ];
    for (const args of cases) {
      const [ours, theirs] = await Promise.all([chartroom(...args), helmRun(...args)]);
      expect({ args, code: ours.code, stderr: ours.stderr }).toEqual({ args, code: 1, stderr: theirs.stderr });
      expect(theirs.code).toBe(1);
    }
    expect((await helmRun("status", "bad1")).code).toBe(1);
  }, 60_000);

  describe.skipIf(!existsSync(REGISTRY_BIN))(`from an OCI registry${existsSync(REGISTRY_BIN) ? "" : ` (skipped: ${REGISTRY_BIN} is absent)`}`, () => {
    let reg: RunningRegistry | undefined;
    beforeAll(async () => {
      reg = await startRegistry();
      for (const v of ["0.1.0", "0.2.0"]) {
        const pushed = await chartroom("push", join(charts, `alpha-${v}.tgz`), `oci://${reg?.host}/charts`, "--plain-http");
        expect(pushed.code).toBe(0);
      }
    }, 60_000);
    afterAll(() => reg?.stop());

    it("installs oci://host/charts/alpha --version X and upgrades to the newest tag", async () => {
      const ref = `oci://${reg?.host}/charts/alpha`;
      const r = await chartroom("install", "oci1", ref, "--version", "0.1.0", "--plain-http");
      expect(r.code).toBe(0);
      expect((await status("oci1")).version).toBe("0.1.0");
      const u = await chartroom("upgrade", "oci1", ref, "--plain-http");
      expect(u.code).toBe(0);
      const s = await status("oci1");
      expect([s.revision, s.version]).toEqual([2, "0.2.0"]);
      const bad = ["install", "oci2", ref, "--version", "9.9.9", "--plain-http"];
      const [ours, theirs] = await Promise.all([chartroom(...bad), helmRun(...bad)]);
      expect(ours.code).toBe(1);
      expect(ours.stderr).toBe(theirs.stderr);
    }, 60_000);
  });
});
