// The real helm (v3.17.3, and v4.1.4 which applies server-side) against the
// sandbox: a release's whole life, with a pre-install and a post-install hook Job.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../src/sandbox/index.js";
import { helmBinary, kubectl, newSandbox, run } from "./helpers.js";

const CHART = join(import.meta.dirname, "../fixtures/charts/sandbox-app");
const versions = ["v3.17.3", "v4.1.4"];
const helms = await Promise.all(versions.map((v) => helmBinary(v)));
for (const h of helms) if (h.reason) console.warn(h.reason);

describe.each(versions.map((v, i) => ({ version: v, helm: helms[i] })))("helm $version", ({ version, helm }) => {
  if (!helm.path) {
    it.skip(`helm ${version} is not available`, () => {});
    return;
  }
  let sb: Sandbox;
  const h = (...args: string[]) => run(helm.path!, ["--kubeconfig", sb.kubeconfigPath, ...args], {
      HELM_CACHE_HOME: `/tmp/chartroom-helm-${version}/cache`,
      HELM_CONFIG_HOME: `/tmp/chartroom-helm-${version}/config`,
      HELM_DATA_HOME: `/tmp/chartroom-helm-${version}/data`,
    });
  beforeAll(async () => {
    sb = await newSandbox();
  });
  afterAll(() => sb.stop());

  it("installs with hooks, upgrades, rolls back, lists, reports status and uninstalls", async () => {
    const install = await h("install", "demo", CHART, "--namespace", "apps", "--create-namespace", "--wait", "--timeout", "60s");
    expect(install.stderr).toBe("");
    expect(install.stdout).toMatch(/STATUS: deployed\nREVISION: 1\n/);
    const jobs = await kubectl(sb, "-n", "apps", "get", "jobs", "-o", "jsonpath={range .items[*]}{.metadata.name}={.status.succeeded} {end}");
    expect(jobs.stdout.trim().split(" ").sort()).toEqual(["demo-post-install=1", "demo-pre-install=1"]);
    const release = await kubectl(sb, "-n", "apps", "get", "secret", "sh.helm.release.v1.demo.v1", "-o", "jsonpath={.metadata.labels.status}");
    expect(release.stdout).toBe("deployed");

    const upgrade = await h("upgrade", "demo", CHART, "-n", "apps", "--set", "message=bye", "--set", "image.tag=1.26", "--set", "hooks=false", "--wait");
    expect(upgrade.stdout).toContain('Release "demo" has been upgraded. Happy Helming!');
    const cm = await kubectl(sb, "-n", "apps", "get", "cm", "demo-config", "-o", "jsonpath={.data.message}");
    expect(cm.stdout).toBe("bye");
    const image = await kubectl(sb, "-n", "apps", "get", "deploy", "demo-web", "-o", "jsonpath={.spec.template.spec.containers[0].image}");
    expect(image.stdout).toBe("nginx:1.26");

    const rollback = await h("rollback", "demo", "1", "-n", "apps", "--wait");
    expect(rollback.stdout.trim()).toBe("Rollback was a success! Happy Helming!");
    expect((await kubectl(sb, "-n", "apps", "get", "cm", "demo-config", "-o", "jsonpath={.data.message}")).stdout).toBe("hello");

    const history = await h("history", "demo", "-n", "apps");
    const rows = history.stdout.trim().split("\n").slice(1).map((l) => l.split("\t").map((c) => c.trim()));
    expect(rows.map((r) => [r[0], r[2], r[5]])).toEqual([
      ["1", "superseded", "Install complete"],
      ["2", "superseded", "Upgrade complete"],
      ["3", "deployed", "Rollback to 1"],
    ]);
    const list = await h("list", "-A");
    expect(list.stdout).toMatch(/demo\s+apps\s+3\s+.*deployed\s+sandbox-app-0\.1\.0\s+1\.0\.0/);
    const status = await h("status", "demo", "-n", "apps");
    expect(status.stdout).toMatch(/STATUS: deployed\nREVISION: 3/);

    const uninstall = await h("uninstall", "demo", "-n", "apps", "--wait");
    expect(uninstall.stdout.trim()).toBe('release "demo" uninstalled');
    const left = await kubectl(sb, "-n", "apps", "get", "deploy,svc,cm,secrets", "-o", "name");
    expect(left.stdout.trim()).toBe("configmap/kube-root-ca.crt");
    expect((await h("list", "-A")).stdout.trim().split("\n")).toHaveLength(1);
  });

  it("fails an install whose resource the server rejects, with the server's message", async () => {
    const bad = await h("install", "bad", CHART, "--set", "service.port=-1", "--set", "hooks=false");
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("Error: INSTALLATION FAILED");
    expect(bad.stderr).toContain('Service "bad-web" is invalid: spec.ports[0].port: Invalid value: -1: must be between 1 and 65535, inclusive');
  });
});
