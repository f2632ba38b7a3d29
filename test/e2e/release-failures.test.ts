// The failure paths of the issue: --atomic, failing hooks, concurrent
// operations, SIGTERM mid-upgrade and recover, on the sandbox with helm watching.
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getRelease, install, recover, releaseHistory, testRelease, uninstallRelease, upgrade } from "../../src/actions/index.js";
import type { Sandbox } from "../../src/sandbox/index.js";
import { newStorage } from "../../src/storage/index.js";
import { CLI, charts, Cluster, helmBinary, newSandbox } from "./release-helpers.js";

const helm = await helmBinary();
const basic = `${charts}/release-basic`;
const hooks = `${charts}/release-hooks`;
const noValues = { valueFiles: [], values: [], stringValues: [], fileValues: [], jsonValues: [], literalValues: [] };
const withSet = (...set: string[]) => ({ ...noValues, values: set });

describe.skipIf(!helm.path)(`release failures${helm.reason ? ` (${helm.reason})` : ""}`, () => {
  let sb: Sandbox;
  let c: Cluster;
  beforeAll(async () => {
    sb = await newSandbox();
    c = new Cluster(sb, helm.path!);
  }, 60_000);
  afterAll(() => sb?.stop());

  const statuses = async (name: string) => (await releaseHistory(c.cfg(), name)).map((r) => r.info.status);

  it("--atomic upgrade to crash-looping pods rolls back, naming the pod's problem", async () => {
    await install(c.cfg(), { args: ["at1", basic], values: noValues, wait: true, timeout: "60s" });
    const err = await upgrade(c.cfg(), { name: "at1", chart: basic, values: withSet("image.tag=crashloop"), atomic: true, timeout: "6s" }).catch((e) => e);
    expect(err.message).toMatch(/release at1 failed, and has been rolled back due to atomic being set: .*deployment\/at1-web 0\/1 ready/);
    expect(await statuses("at1")).toEqual(["superseded", "failed", "deployed"]);
    expect(c.events.some((e) => e.type === "readiness" && /CrashLoopBackOff|Error/.test(e.reason))).toBe(true);
    expect(await c.json(c.helm("history", "at1", "-o", "json"))).toMatchObject([
      { revision: 1, status: "superseded" },
      { revision: 2, status: "failed" },
      { revision: 3, status: "deployed", description: "Rollback to 1" },
    ]);
  }, 120_000);

  it("runs hooks in order; a failing pre-upgrade hook fails the upgrade and the next one succeeds", async () => {
    const rel = await install(c.cfg(), { args: ["hk1", hooks], values: noValues });
    expect(rel.hooks?.find((h) => h.name === "hk1-post-install")?.last_run.phase).toBe("Succeeded");
    expect((await c.kubectl("get", "configmap", "hk1-post-install")).code).toBe(0);

    const err = await upgrade(c.cfg(), { name: "hk1", chart: hooks, values: withSet("hookTag=fail"), timeout: "30s" }).catch((e) => e);
    expect(err.message).toMatch(/job\/hk1-pre-upgrade failed/);
    const failed = await getRelease(c.cfg(), "hk1");
    expect(failed.info.status).toBe("failed");
    expect(failed.info.description).toMatch(/^Upgrade "hk1" failed: /);

    const ok = await upgrade(c.cfg(), { name: "hk1", chart: hooks, values: withSet("hookTag=1.37"), timeout: "30s" });
    expect(ok.info.status).toBe("deployed");
    expect(await statuses("hk1")).toEqual(["superseded", "failed", "deployed"]);

    const tested = await testRelease(c.cfg(), { name: "hk1", timeout: "30s" });
    expect(tested.release.hooks?.find((h) => h.name === "hk1-test")?.last_run.phase).toBe("Succeeded");
    const status = await c.helm("status", "hk1");
    expect(status.stdout).toMatch(/TEST SUITE:\s+hk1-test\n.*\n.*\nPhase:\s+Succeeded/);

    const res = await uninstallRelease(c.cfg(), { name: "hk1" });
    expect(res.info).toBe('These resources were kept due to the resource policy:\n[ConfigMap] hk1-kept\n\nrelease "hk1" uninstalled\n'.replace("\n\n", "\n"));
    expect((await c.kubectl("get", "configmap", "hk1-kept")).code).toBe(0);
    expect((await c.kubectl("get", "deployment", "hk1-app")).code).not.toBe(0);
  }, 180_000);

  it("refuses a concurrent operation and recovers a release left pending", async () => {
    await install(c.cfg(), { args: ["cc1", basic], values: noValues });
    const both = await Promise.allSettled([
      upgrade(c.cfg(), { name: "cc1", chart: basic, values: withSet("num=1") }),
      upgrade(c.cfg(), { name: "cc1", chart: basic, values: withSet("num=2") }),
    ]);
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);

    // A process that died mid-upgrade leaves the last revision pending.
    const storage = newStorage(() => c.cfg().kube, "default", "secret");
    const last = await storage.last("cc1");
    await storage.update({ ...last, info: { ...last.info, status: "pending-upgrade" } });
    const refused = await upgrade(c.cfg(), { name: "cc1", chart: basic, values: noValues }).catch((e) => e);
    expect(refused.message).toBe("another operation (install/upgrade/rollback) is in progress");
    expect((await c.helm("upgrade", "cc1", basic)).stderr).toMatch(/another operation \(install\/upgrade\/rollback\) is in progress/);

    const recovered = await recover(c.cfg(), { name: "cc1", quietMs: 200 });
    expect(recovered.info.status).toBe("failed");
    const next = await upgrade(c.cfg(), { name: "cc1", chart: basic, values: noValues });
    expect(next.info.status).toBe("deployed");
  }, 120_000);

  it("an upgrade killed with SIGTERM leaves the release failed, and the next upgrade succeeds", async () => {
    await install(c.cfg(), { args: ["sg1", basic], values: noValues });
    const child = spawn(process.execPath, [CLI, "--kubeconfig", sb.kubeconfigPath, "upgrade", "sg1", basic, "--set", "image.tag=crashloop", "--wait", "--timeout", "2m", "--progress", "json"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    await new Promise<void>((resolve) => {
      child.stderr.on("data", (d) => {
        err += d;
        if (err.includes('"phase":"wait"')) resolve();
      });
      child.on("exit", () => resolve());
    });
    child.kill("SIGTERM");
    expect(await exited).toBe(143);
    const rel = await getRelease(c.cfg(), "sg1");
    expect(rel.version).toBe(2);
    expect(rel.info.status).toBe("failed");
    expect(rel.info.description).toMatch(/interrupted/);
    const next = await upgrade(c.cfg(), { name: "sg1", chart: basic, values: withSet("image.tag=1.29") });
    expect(next.info.status).toBe("deployed");
    expect(next.version).toBe(3);
  }, 180_000);
});
