// install and upgrade take every chart reference helm takes: repo/name with
// --version, --repo URL, an archive URL and oci://, from a repository served
// on loopback by chartroom's repo server and a real docker-registry; location
// errors read as helm's, with exit 1.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
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

  it("--dependency-update fetches missing dependencies first; without it they are named as helm names them", async () => {
    const parent = () => {
      const dir = join(tempDir("chartroom-parent-"), "parent");
      mkdirSync(join(dir, "templates"), { recursive: true });
      const chart = ["apiVersion: v2", "name: parent", "version: 1.0.0", "dependencies:", "  - name: beta", '    version: "1.0.0"', `    repository: ${server.url}`];
      writeFileSync(join(dir, "Chart.yaml"), `${chart.join("\n")}\n`);
      writeFileSync(join(dir, "templates", "cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-parent\n");
      return dir;
    };
    const ours = parent();
    const theirs = parent();
    for (const verb of [["install", "dep1"], ["upgrade", "--install", "dep1"]]) {
      const [a, b] = await Promise.all([chartroom(...verb, ours), helmRun(...verb, theirs)]);
      expect({ verb, code: a.code, stderr: a.stderr }).toEqual({ verb, code: 1, stderr: b.stderr });
      expect(a.stderr).toContain("found in Chart.yaml, but missing in charts/ directory: beta");
    }

    const r = await chartroom("install", "dep1", ours, "--dependency-update");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("NAME: dep1\n");
    expect(existsSync(join(ours, "charts", "beta-1.0.0.tgz"))).toBe(true);
    expect(existsSync(join(ours, "Chart.lock"))).toBe(true);
    // The parent's object and the dependency's.
    expect((await c.kubectl("get", "configmap", "dep1-parent")).code).toBe(0);
    expect((await c.kubectl("get", "configmap", "dep1")).code).toBe(0);

    rmSync(join(ours, "charts"), { recursive: true });
    const u = await chartroom("upgrade", "dep1", ours, "--dependency-update");
    expect(u.code).toBe(0);
    expect(existsSync(join(ours, "charts", "beta-1.0.0.tgz"))).toBe(true);
    expect((await status("dep1")).revision).toBe(2);
  }, 60_000);

  it("reads a KUBECONFIG of several files (some missing) as helm and kubectl merge them", async () => {
    const doc = parse(readFileSync(sb.kubeconfigPath, "utf8"));
    const d = tempDir("chartroom-kubeconfigs-");
    // The current context in the first file, the cluster and context it names in the last.
    writeFileSync(join(d, "users"), stringify({ "current-context": doc["current-context"], users: doc.users }));
    writeFileSync(join(d, "clusters"), stringify({ "current-context": "elsewhere", clusters: doc.clusters, contexts: doc.contexts }));
    const merged = { ...env, KUBECONFIG: [join(d, "missing"), join(d, "users"), join(d, "clusters")].join(delimiter) };
    const [ours, theirs] = await Promise.all([
      run(process.execPath, [CLI, "list", "-A", "-o", "json"], merged),
      run(helm.path!, ["list", "-A", "-o", "json"], merged),
    ]);
    expect(theirs.code).toBe(0);
    expect(ours.code).toBe(0);
    expect(JSON.parse(ours.stdout).map((r: { name: string }) => r.name).sort()).toEqual(JSON.parse(theirs.stdout).map((r: { name: string }) => r.name).sort());
    const missing = join(d, "missing");
    const [a, b] = await Promise.all([run(process.execPath, [CLI, "list", "--kubeconfig", missing], env), run(helm.path!, ["list", "--kubeconfig", missing], env)]);
    expect({ code: a.code, stderr: a.stderr }).toEqual({ code: 1, stderr: b.stderr });
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
