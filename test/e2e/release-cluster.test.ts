// Cluster-facing behaviour of install: CRDs first, lookup, capabilities from
// discovery, refusing to adopt foreign objects unless --take-ownership.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { install, uninstallRelease, upgrade } from "../../src/actions/index.js";
import type { Sandbox } from "../../src/sandbox/index.js";
import { charts, Cluster, helmBinary, newSandbox } from "./release-helpers.js";

const helm = await helmBinary();
const noValues = { valueFiles: [], values: [], stringValues: [], fileValues: [], jsonValues: [], literalValues: [] };

describe("install against a live cluster", () => {
  let sb: Sandbox;
  let c: Cluster;
  beforeAll(async () => {
    sb = await newSandbox();
    c = new Cluster(sb, helm.path ?? "helm");
  }, 60_000);
  afterAll(() => sb?.stop());

  it("installs crds/ first, answers lookup from the cluster and sees the new kind in Capabilities", async () => {
    expect((await c.kubectl("create", "configmap", "cluster-settings", "--from-literal=color=teal")).code).toBe(0);
    const rel = await install(c.cfg(), { args: ["cw", `${charts}/release-crd`], values: noValues });
    expect(rel.manifest).toContain('color: "teal"');
    expect(rel.manifest).toContain("hasWidgets: true");
    expect(rel.manifest).not.toContain("CustomResourceDefinition");
    const w = await c.json(c.kubectl("get", "widgets.example.com", "cw-widget", "-o", "json"));
    expect(w.spec.color).toBe("teal");
    await uninstallRelease(c.cfg(), { name: "cw" });
    expect((await c.kubectl("get", "crd", "widgets.example.com")).code).toBe(0);
  }, 120_000);

  it("refuses to adopt an object made outside the release, unless --take-ownership", async () => {
    expect((await c.kubectl("create", "configmap", "own-config", "--from-literal=a=b")).code).toBe(0);
    const err = await install(c.cfg(), { args: ["own", `${charts}/release-basic`], values: noValues }).catch((e) => e);
    expect(err.message).toBe(
      'rendered manifests contain a resource that already exists. Unable to continue with install: ConfigMap "own-config" in namespace "default" exists and cannot be imported into the current release: invalid ownership metadata; label validation error: missing key "app.kubernetes.io/managed-by": must be set to "Helm"; annotation validation error: missing key "meta.helm.sh/release-name": must be set to "own"; annotation validation error: missing key "meta.helm.sh/release-namespace": must be set to "default"',
    );
    const rel = await install(c.cfg(), { args: ["own", `${charts}/release-basic`], values: noValues, takeOwnership: true });
    expect(rel.info.status).toBe("deployed");
    const cm = await c.json(c.kubectl("get", "configmap", "own-config", "-o", "json"));
    expect(cm.metadata.annotations["meta.helm.sh/release-name"]).toBe("own");
    expect(cm.data.message).toBe("hello <world> & friends");
    const up = await upgrade(c.cfg(), { name: "own", chart: `${charts}/release-basic`, values: { ...noValues, values: ["message=changed"] } });
    expect(up.apply_method).toBe("ssa");
    expect((await c.json(c.kubectl("get", "configmap", "own-config", "-o", "json"))).data.message).toBe("changed");
  }, 120_000);

  it("an upgrade reports the objects it changes as configured, and --cleanup-on-fail deletes only what it created", async () => {
    await install(c.cfg(), { args: ["keep", `${charts}/release-basic`], values: noValues });
    c.events = [];
    await upgrade(c.cfg(), { name: "keep", chart: `${charts}/release-basic`, values: { ...noValues, values: ["message=two"] } });
    const actions = c.events.filter((e) => e.type === "resource").map((e) => (e.type === "resource" ? `${e.kind}:${e.action}` : ""));
    expect(actions).toContain("ConfigMap:configured");
    expect(actions).not.toContain("ConfigMap:created");
    // A failing upgrade with --cleanup-on-fail must not remove objects the release already had.
    const err = await upgrade(c.cfg(), {
      name: "keep",
      chart: `${charts}/release-basic`,
      values: { ...noValues, values: ["image.tag=crashloop"] },
      wait: true,
      timeout: "2s",
      cleanupOnFail: true,
    }).catch((e) => e);
    expect(err).toBeInstanceOf(Error);
    expect((await c.kubectl("get", "configmap", "keep-config")).code).toBe(0);
  }, 120_000);
});

