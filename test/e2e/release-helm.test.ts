// chartroom and the real helm v3.17.3 take turns on the same releases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { install, listReleases, rollback, uninstallRelease, upgrade } from "../../src/actions/index.js";
import type { Sandbox } from "../../src/sandbox/index.js";
import { charts, Cluster, helmBinary, newSandbox } from "./release-helpers.js";

const helm = await helmBinary();
const basic = `${charts}/release-basic`;
const noValues = { valueFiles: [], values: [], stringValues: [], fileValues: [], jsonValues: [], literalValues: [] };
const withSet = (...set: string[]) => ({ ...noValues, values: set });

describe.skipIf(!helm.path)(`chartroom and helm on one cluster${helm.reason ? ` (${helm.reason})` : ""}`, () => {
  let sb: Sandbox;
  let c: Cluster;
  beforeAll(async () => {
    sb = await newSandbox();
    c = new Cluster(sb, helm.path!);
  }, 60_000);
  afterAll(() => sb?.stop());

  it("helm sees a release chartroom installed, upgrades and rolls it back; chartroom follows", async () => {
    const rel = await install(c.cfg(), { args: ["cr1", basic], values: withSet("num=3", "nested.list={a,b}"), labels: { team: "blue" } });
    expect(rel.info.status).toBe("deployed");

    const list = await c.json(c.helm("list", "-o", "json"));
    expect(list).toMatchObject([{ name: "cr1", namespace: "default", revision: "1", status: "deployed", chart: "release-basic-0.1.0", app_version: "1.0.0" }]);
    const manifest = await c.helm("get", "manifest", "cr1");
    expect(manifest.stdout).toBe(`${rel.manifest}\n`);
    expect(await c.json(c.helm("get", "values", "cr1", "-o", "json"))).toEqual({ nested: { list: ["a", "b"] }, num: 3 });
    expect(await c.json(c.helm("history", "cr1", "-o", "json"))).toMatchObject([{ revision: 1, status: "deployed", description: "Install complete" }]);
    // The CLI prints exactly what helm prints.
    for (const args of [["list"], ["history", "cr1"], ["history", "cr1", "-o", "json"], ["get", "values", "cr1"], ["get", "manifest", "cr1"], ["get", "notes", "cr1"], ["status", "cr1"], ["status", "cr1", "-o", "json"], ["get", "all", "cr1"]]) {
      const [ours, theirs] = await Promise.all([c.chartroom(...args), c.helm(...args)]);
      expect(ours.stdout, args.join(" ")).toBe(theirs.stdout);
    }
    const cm = await c.json(c.kubectl("get", "configmap", "cr1-config", "-o", "json"));
    expect(cm.metadata.labels["app.kubernetes.io/managed-by"]).toBe("Helm");
    expect(cm.metadata.annotations).toMatchObject({ "meta.helm.sh/release-name": "cr1", "meta.helm.sh/release-namespace": "default" });

    expect((await c.helm("upgrade", "cr1", basic, "--reuse-values", "--set", "message=from-helm")).code).toBe(0);
    expect((await c.helm("rollback", "cr1", "1")).code).toBe(0);
    const [ours, theirs] = await Promise.all([c.chartroom("history", "cr1", "-o", "json"), c.helm("history", "cr1", "-o", "json")]);
    expect(ours.stdout).toBe(theirs.stdout);
    expect(JSON.parse(ours.stdout).map((h: { status: string }) => h.status)).toEqual(["superseded", "superseded", "deployed"]);
    const latest = (await listReleases(c.cfg()))[0]!;
    expect(latest.version).toBe(3);
    expect(latest.labels).toMatchObject({ team: "blue" });

    await uninstallRelease(c.cfg(), { name: "cr1" });
    expect(await c.json(c.helm("list", "-a", "-o", "json"))).toEqual([]);
  }, 180_000);

  it("chartroom upgrades, rolls back and uninstalls a release helm installed, keeping fields kubectl changed", async () => {
    expect((await c.helm("install", "h1", basic, "--set", "replicaCount=1")).code).toBe(0);
    expect((await listReleases(c.cfg())).map((r) => r.name)).toContain("h1");
    expect((await c.kubectl("label", "deployment", "h1-web", "touched-by=kubectl")).code).toBe(0);
    expect((await c.kubectl("annotate", "deployment", "h1-web", "note=manual")).code).toBe(0);

    const up = await upgrade(c.cfg(), { name: "h1", chart: basic, values: withSet("replicaCount=2", "image.tag=1.28"), wait: true, timeout: "60s" });
    expect(up.version).toBe(2);
    expect(up.apply_method).toBeUndefined(); // helm 3's release keeps client-side apply
    const dep = await c.json(c.kubectl("get", "deployment", "h1-web", "-o", "json"));
    expect(dep.spec.replicas).toBe(2);
    expect(dep.spec.template.spec.containers[0].image).toBe("nginx:1.28");
    expect(dep.metadata.labels["touched-by"]).toBe("kubectl");
    expect(dep.metadata.annotations.note).toBe("manual");
    expect(await c.json(c.helm("history", "h1", "-o", "json"))).toMatchObject([
      { revision: 1, status: "superseded" },
      { revision: 2, status: "deployed", description: "Upgrade complete" },
    ]);
    expect(await c.json(c.helm("get", "values", "h1", "-o", "json"))).toEqual({ replicaCount: 2, image: { tag: "1.28" } });

    await rollback(c.cfg(), { name: "h1", wait: true, timeout: "60s" });
    const back = await c.json(c.kubectl("get", "deployment", "h1-web", "-o", "json"));
    expect(back.spec.replicas).toBe(1);
    expect(back.spec.template.spec.containers[0].image).toBe("nginx:1.27");
    expect(back.metadata.labels["touched-by"]).toBe("kubectl");
    expect(await c.json(c.helm("history", "h1", "-o", "json"))).toMatchObject([
      { revision: 1, status: "superseded" },
      { revision: 2, status: "superseded" },
      { revision: 3, status: "deployed", description: "Rollback to 1" },
    ]);
    expect((await c.helm("upgrade", "h1", basic, "--set", "replicaCount=3")).code).toBe(0);
    expect((await listReleases(c.cfg())).find((r) => r.name === "h1")?.version).toBe(4);

    await uninstallRelease(c.cfg(), { name: "h1" });
    expect(await c.json(c.helm("list", "-a", "-o", "json"))).toEqual([]);
    expect((await c.kubectl("get", "deployment", "h1-web")).code).not.toBe(0);
  }, 180_000);
});
